"""GET {library}/@pdca-overview."""

from bibqual.reports.pdca import pdca_overview
from bibqual.restapi.plain import plain
from plone.restapi.services import Service


class PdcaOverviewGet(Service):
    """Per year plan of the library: projects per PDCA state, overdue projects
    (deadline passed, not done or cancelled), and assurance projects due within
    60 days. Anyone who may view the library; counts cover what they may see.
    """

    def reply(self):
        return plain(pdca_overview(self.context), self.request)
