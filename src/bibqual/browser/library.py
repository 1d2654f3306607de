"""The library dashboard: the current year plan at a glance."""

from bibqual import _
from bibqual.browser.base import PHASE_COLORS
from bibqual.browser.base import BibqualView
from bibqual.browser.charts import bar_chart
from bibqual.reports import queries
from bibqual.reports.coverage import norm_coverage
from bibqual.reports.pdca import pdca_overview
from bibqual.workflows.ids import PROJECT_STATES
from bibqual.workflows.ids import RELEASED
from datetime import timedelta
from plone.memoize.view import memoize


EVIDENCE_EXPIRY_DAYS = 90


class LibraryDashboardView(BibqualView):
    """Default view of a Library (``@@dashboard``): projects per phase of the current
    year plan, overdue projects, assurance projects due, evidence about to expire
    and the norm coverage with its gaps. Permission: View; all from brains.
    """

    @memoize
    def overview(self):
        return pdca_overview(self.context)

    @memoize
    def current_plan(self):
        """This year's plan, else the most recent one the user may see."""
        plans = self.overview()["year_plans"]
        this_year = queries.today().year
        for plan in plans:
            if plan["year"] == this_year:
                return plan
        return plans[0] if plans else None

    def phase_chart(self):
        plan = self.current_plan()
        if plan is None:
            return ""
        bars = [
            (self.state_title(state), plan["counts"].get(state, 0), PHASE_COLORS[state])
            for state in PROJECT_STATES
        ]
        title = self.tr(_("Projects per PDCA phase in ${plan}", mapping={"plan": plan["title"]}))
        return bar_chart(bars, title)

    def assurance_due(self):
        return self.overview()["assurance_due"]

    def expiring_evidence(self):
        """Evidence whose validity ends within 90 days (state and date from brains)."""
        today = queries.today()
        brains = queries.evidence(
            self.context,
            valid_until={
                "query": (today, today + timedelta(days=EVIDENCE_EXPIRY_DAYS)),
                "range": "min:max",
            },
            sort_on="valid_until",
        )
        return [
            {
                "url": brain.getURL(),
                "title": brain.Title,
                "valid_until": brain.valid_until,
                "review_state": brain.review_state,
                "released": brain.review_state == RELEASED,
            }
            for brain in brains
        ]

    @memoize
    def coverage(self):
        return norm_coverage(self.context)

    def coverage_summary(self):
        items = self.coverage()["items"]
        gaps = [item for item in items if item["gap"]]
        return {"total": len(items), "covered": len(items) - len(gaps), "gaps": gaps}
