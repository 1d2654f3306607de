"""PDCA overview of a library as a page: the same data as REST ``@pdca-overview``."""

from bibqual import _
from bibqual.browser.base import BibqualView
from bibqual.reports.pdca import ASSURANCE_DUE_DAYS
from bibqual.reports.pdca import pdca_overview
from bibqual.workflows.ids import PROJECT_STATES
from plone.memoize.view import memoize


class PdcaOverviewView(BibqualView):
    """``@@pdca-overview`` on a Library: per year plan the projects per PDCA state
    (table and chart) and its overdue projects; the assurance projects due.
    Permission: View; from brains (``reports.pdca.pdca_overview``).
    """

    states = PROJECT_STATES
    due_days = ASSURANCE_DUE_DAYS

    @memoize
    def overview(self):
        return pdca_overview(self.context)

    def overdue_label(self):
        """The hidden "(overdue)" after each overdue deadline (translated once per page)."""
        return self.tr(_("(overdue)"))

    def chart(self, plan):
        """The phase chart of one year plan of the overview."""
        return self.phase_chart_of(plan)
