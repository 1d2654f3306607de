"""Norm coverage of a library as a page: the same data as REST ``@norm-coverage``."""

from bibqual import _
from bibqual.browser.base import PHASE_COLORS
from bibqual.browser.base import BibqualView
from bibqual.browser.charts import stacked_bar_chart
from bibqual.reports.coverage import coverage_summary
from bibqual.reports.coverage import norm_coverage
from bibqual.workflows.ids import PROJECT_STATES
from plone.memoize.view import memoize


class NormCoverageView(BibqualView):
    """``@@norm-coverage`` on a Library: per norm element the projects per PDCA
    state, released evidence, assurance projects and the gap; with a chart.
    Permission: View; from brains (``reports.coverage.norm_coverage``).
    """

    states = PROJECT_STATES

    @memoize
    def coverage(self):
        return norm_coverage(self.context)

    def summary(self):
        """``{total, covered, gaps}`` (``gaps``: the uncovered elements)."""
        return coverage_summary(self.coverage())

    def gap_reasons(self, item):
        """Why an element is a gap, as translated text (empty when covered)."""
        reasons = []
        if not item["released_evidence"]:
            reasons.append(self.tr(_("no released evidence")))
        if not item["projects_past_plan"]:
            reasons.append(self.tr(_("no project past Plan")))
        return "; ".join(reasons)

    def chart(self):
        series = [(state, self.state_title(state), PHASE_COLORS[state]) for state in PROJECT_STATES]
        rows = [(item["title"], item["projects"]) for item in self.coverage()["items"]]
        title = self.tr(_("Projects per norm element and PDCA phase"))
        return stacked_bar_chart(rows, series, title)
