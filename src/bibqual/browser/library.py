"""The library dashboard: the current year plan at a glance."""

from bibqual import clock
from bibqual.browser.base import BibqualView
from bibqual.reports.coverage import coverage_summary
from bibqual.reports.coverage import norm_coverage
from bibqual.reports.dossier import expiring_evidence
from bibqual.reports.pdca import ASSURANCE_DUE_DAYS
from bibqual.reports.pdca import pdca_overview
from bibqual.workflows.ids import RELEASED
from plone.memoize.view import memoize


class LibraryDashboardView(BibqualView):
    """Default view of a Library (``@@dashboard``): projects per phase of the current
    year plan, overdue projects, assurance projects due, evidence about to expire
    and the norm coverage with its gaps. Permission: View; all from brains.
    """

    due_days = ASSURANCE_DUE_DAYS

    @memoize
    def overview(self):
        return pdca_overview(self.context)

    @memoize
    def current_plan(self):
        """This year's plan, else the most recent one the user may see."""
        plans = self.overview()["year_plans"]
        this_year = clock.today().year
        for plan in plans:
            if plan["year"] == this_year:
                return plan
        return plans[0] if plans else None

    def phase_chart(self):
        plan = self.current_plan()
        return self.phase_chart_of(plan) if plan is not None else ""

    def assurance_due(self):
        return self.overview()["assurance_due"]

    def expiring_evidence(self):
        """Evidence whose validity ends within ``reports.dossier.EXPIRY_WARNING_DAYS``
        (state and date from brains)."""
        return [
            {
                "url": brain.getURL(),
                "title": brain.Title,
                "valid_until": brain.valid_until,
                "review_state": brain.review_state,
                "released": brain.review_state == RELEASED,
            }
            for brain in expiring_evidence(self.context, clock.today())
        ]

    @memoize
    def coverage(self):
        return norm_coverage(self.context)

    def coverage_summary(self):
        return coverage_summary(self.coverage())
