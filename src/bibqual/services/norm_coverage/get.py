"""GET {library}/@norm-coverage."""

from bibqual.reports.coverage import norm_coverage
from bibqual.restapi.plain import plain
from plone.restapi.services import Service


class NormCoverageGet(Service):
    """Per norm element of the active framework: projects per state, projects past
    Plan, released evidence that is still valid, assurance projects, ``gap`` and
    ``gap_reasons`` (``reports.readiness``: the numbers of the dashboard, the
    coverage page and the quality dossier); the tags of other frameworks apart.
    Anyone who may view the library.
    """

    def reply(self):
        return plain(norm_coverage(self.context), self.request)
