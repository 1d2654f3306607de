"""GET {library}/@norm-coverage."""

from bibqual.reports.coverage import norm_coverage
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service


class NormCoverageGet(Service):
    """Per norm element of the active framework: projects per state, released
    evidence, assurance projects and ``gap``. Anyone who may view the library.
    """

    def reply(self):
        return json_compatible(norm_coverage(self.context))
