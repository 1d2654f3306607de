"""The audit report's page: the report's facts and its findings by kind."""

from bibqual import _
from bibqual.browser.display import number
from bibqual.browser.finding import FindingPage
from bibqual.browser.transitions import WorkflowView
from bibqual.certification import rounds
from bibqual.ids import FINDING
from bibqual.ids import FINDING_KINDS
from bibqual.permissions import ADD_FINDING
from bibqual.permissions import RECORD_AUDIT_REPORT
from bibqual.vocabularies.round import OUTCOME_TITLES
from plone.memoize.view import memoize


class AuditReportView(FindingPage, WorkflowView):
    """Default view of an AuditReport (``@@audit-report-view``): date, auditors,
    percentage, outcome and summary; the findings grouped by kind, each with its
    norm element, state, due date and its actions' PDCA states; a button to add a
    finding (for who may: the coordinator, a granted auditor while the report is
    a draft); the report's steps.

    Who: anyone who may view the report. Findings and actions from brains.
    """

    def can_record(self):
        """Whether the user may change the report's own fields (the coordinator)."""
        return self.can(RECORD_AUDIT_REPORT)

    def can_add_finding(self):
        return self.can(ADD_FINDING)

    def details(self):
        """``(label, value)`` of the report's recorded facts (empty values left out)."""
        context = self.context
        percentage = getattr(context, "percentage", None)
        outcome = getattr(context, "outcome", None)
        outcomes = dict(OUTCOME_TITLES)
        rows = [
            (_("Audit date"), self.date(getattr(context, "audit_date", None))),
            (_("Auditors"), ", ".join(getattr(context, "auditors", None) or ())),
            (_("Percentage"), f"{number(percentage)} %" if percentage is not None else ""),
            (_("Outcome"), self.tr(outcomes[outcome]) if outcome in outcomes else ""),
        ]
        return [(self.tr(label), value) for label, value in rows if value]

    @memoize
    def groups(self):
        """The findings per kind, in the kinds' order: ``[{kind, title, rows}]``; kinds
        without findings are left out."""
        brains = rounds.in_round(self.context, FINDING, sort_on="created", sort_order="ascending")
        rows = self.rows(brains)
        groups = []
        for kind in FINDING_KINDS:
            found = [row for row in rows if row["kind"] == kind]
            if found:
                groups.append({"kind": kind, "title": self.kind_title(kind), "rows": found})
        return groups
