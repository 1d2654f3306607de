"""Norm coverage of a library as a page: the same data as REST ``@norm-coverage``."""

from bibqual import _
from bibqual.browser.base import PHASE_COLORS
from bibqual.browser.base import BibqualView
from bibqual.browser.charts import stacked_bar_chart
from bibqual.reports.coverage import coverage_summary
from bibqual.reports.coverage import norm_coverage
from bibqual.reports.readiness import gap_text
from bibqual.workflows.ids import PROJECT_STATES
from plone.memoize.view import memoize


class NormCoverageView(BibqualView):
    """``@@norm-coverage`` on a Library: per norm element the projects per PDCA
    state, projects past Plan, released evidence that is still valid, assurance
    projects and the gap; with a chart. Permission: View; from brains
    (``reports.readiness``, shaped by ``reports.coverage.norm_coverage``).
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
        return gap_text(item, self.tr)

    def chart(self):
        series = [(state, self.state_title(state), PHASE_COLORS[state]) for state in PROJECT_STATES]
        rows = [(item["title"], item["projects"]) for item in self.coverage()["items"]]
        title = self.tr(_("Projects per norm element and PDCA phase"))
        return stacked_bar_chart(rows, series, title)
