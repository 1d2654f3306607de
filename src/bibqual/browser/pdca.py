"""PDCA overview of a library as a page: the same data as REST ``@pdca-overview``."""

from bibqual import _
from bibqual.browser.base import PHASE_COLORS
from bibqual.browser.base import BibqualView
from bibqual.browser.charts import bar_chart
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

    def chart(self, plan):
        bars = [
            (self.state_title(state), plan["counts"].get(state, 0), PHASE_COLORS[state])
            for state in PROJECT_STATES
        ]
        title = self.tr(_("Projects per PDCA phase in ${plan}", mapping={"plan": plan["title"]}))
        return bar_chart(bars, title)
