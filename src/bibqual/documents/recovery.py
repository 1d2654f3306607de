"""The recovery plan (herstelplan) of a certification round or an audit report as
a Word document.

``recovery_plan_document(context, request)`` writes, for a Certification (all its
reports) or an AuditReport, what the recovery page shows
(``certification.recovery``, the one home of that data): on top the audit
report's outcome and percentage; then every open finding, soonest due first,
with kind, norm element, its text, due date (overdue marked) and state, and its
actions (corrective projects: title, PDCA state, deadline or next review, the
released, still valid evidence); after them the closed findings that asked for
work, marked as closed. Lists come from catalog brains the requesting user may
see; the findings the catalog returned and the one audit report shown are woken
to print their full text and outcome. In Dutch, whatever the request's language.
"""

from bibqual import _
from bibqual import clock
from bibqual.certification import rounds
from bibqual.certification.framework import framework_of
from bibqual.certification.framework import round_of
from bibqual.certification.recovery import recovery_findings
from bibqual.certification.recovery import recovery_rows
from bibqual.content.auditreport import IAuditReport
from bibqual.documents import word
from bibqual.documents.dutch import dutch
from bibqual.documents.dutch import dutch_date
from bibqual.documents.dutch import dutch_percentage
from bibqual.documents.dutch import state_title
from bibqual.ids import ASSURANCE_PROJECT
from bibqual.ids import FINDING
from bibqual.utils import find_library
from bibqual.vocabularies.round import FINDING_KIND_TITLES
from bibqual.vocabularies.round import OUTCOME_TITLES
from bibqual.workflows.ids import OPEN


def shown_report(context):
    """The audit report whose outcome heads the plan: ``context`` itself, or the
    round's newest final report, else its newest report the user sees; or ``None``."""
    if IAuditReport.providedBy(context):
        return context
    brain = rounds.final_report(context)
    if brain is None:
        brain = next(iter(rounds.reports(context, sort_limit=1)), None)
    return brain.getObject() if brain is not None else None


def _report(document, report, tr):
    word.heading(document, tr(_("Audit report")), 1)
    if report is None:
        word.paragraph(document, tr(_("No audit report yet.")))
        return
    outcome = getattr(report, "outcome", None)
    word.field(document, tr(_("Audit report")), report.Title())
    word.field(document, tr(_("Audit date")), dutch_date(getattr(report, "audit_date", None)))
    word.field(document, tr(_("Outcome")), tr(dict(OUTCOME_TITLES).get(outcome, outcome or "")))
    word.field(document, tr(_("Percentage")), dutch_percentage(getattr(report, "percentage", None)))


def _action_date(action, tr):
    """``deadline 30-06-2027`` or ``next review ...``, ``te laat`` when overdue."""
    if action["date"] is None:
        return ""
    label = _("next review") if action["portal_type"] == ASSURANCE_PROJECT else _("deadline")
    text = f"{tr(label)} {dutch_date(action['date'])}"
    return f"{text} ({tr(_('overdue'))})" if action["overdue"] else text


def _finding(document, row, text, tr):
    """One finding: heading (closed ones marked), its facts, text and actions."""
    state = state_title(row["review_state"], FINDING)
    closed = row["review_state"] != OPEN
    word.heading(document, f"{row['title']} ({state})" if closed else row["title"], 2)
    kinds = dict(FINDING_KIND_TITLES)
    word.field(document, tr(_("Kind")), tr(kinds[row["kind"]]) if row["kind"] in kinds else "")
    word.field(document, tr(_("Norm element")), row["norm_field_title"])
    due = dutch_date(row["due"])
    word.field(document, tr(_("Due")), f"{due} ({tr(_('overdue'))})" if row["overdue"] else due)
    word.field(document, tr(_("State")), state)
    if text:
        word.paragraph(document, text)
    if not row["actions"]:
        word.paragraph(document, tr(_("No actions yet.")))
        return
    header = [tr(_("Action")), tr(_("PDCA phase")), tr(_("Deadline")), tr(_("Evidence documents"))]
    rows = [
        (
            action["title"],
            state_title(action["review_state"], action["portal_type"]),
            _action_date(action, tr),
            "\n".join(item["title"] for item in action["evidence"]),
        )
        for action in row["actions"]
    ]
    word.table(document, header, rows)


def recovery_plan_document(context, request):
    """The python-docx ``Document`` of the recovery plan of ``context`` (a
    Certification or an AuditReport) for the requesting user (anyone who may
    view it), in the house style of its library."""

    def tr(message):
        return dutch(message, request)

    library = find_library(context)
    name = library.Title() if library is not None else ""
    brains = recovery_findings(context, closed=True)
    rows = recovery_rows(brains, framework_of(round_of(context)), context)
    texts = {brain.UID: brain.getObject().text for brain in brains}
    document = word.new_document(library)
    word.heading(document, tr(_("Recovery plan — ${library}", mapping={"library": name})), 0)
    word.paragraph(document, context.Title())
    word.paragraph(document, tr(_("as of ${date}", mapping={"date": dutch_date(clock.today())})))
    _report(document, shown_report(context), tr)
    word.heading(document, tr(_("Findings")), 1)
    open_rows = [row for row in rows if row["review_state"] == OPEN]
    overdue = sum(1 for row in open_rows if row["overdue"])
    word.paragraph(document, tr(_("Open findings: ${count}", mapping={"count": len(open_rows)})))
    if overdue:
        word.paragraph(document, tr(_("past their due date: ${count}", mapping={"count": overdue})))
    if not open_rows:
        word.paragraph(document, tr(_("There are no open findings.")))
    for row in rows:
        _finding(document, row, texts.get(row["uid"]), tr)
    return document
