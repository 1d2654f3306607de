"""GET {library}/@pdca-overview."""

from bibqual.reports.pdca import pdca_overview
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service


class PdcaOverviewGet(Service):
    """Per year plan of the library: projects per PDCA state, overdue projects
    (deadline passed, not done or cancelled), and assurance projects due within
    60 days. Anyone who may view the library; counts cover what they may see.
    """

    def reply(self):
        return json_compatible(pdca_overview(self.context))
