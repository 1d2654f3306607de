"""Where a certification round stands: its milestones after CBCT's phases, the
self-evaluation's result and the open findings.

``certification_status(certification)`` is what ``@certification-status`` answers
and what the round's page and the library dashboard show. Milestones, in order:

- ``audit_quarter``: the audit is planned in the quarter in which the current
  certificate ends; met once an audit date on or before the quarter's last day
  is recorded (the milestone's date);
- ``self_assessment``: six weeks before the audit; met once a self-evaluation
  of the round is submitted;
- ``audit``: the audit date; met once the round is ``audited`` (or ``decided``);
- ``report``: met once an audit report of the round is final (its date: when
  the report was last changed);
- ``decision``: the decision date; met once outcome and date are recorded and
  the round is ``decided``;
- ``recovery_plan`` (only on a ``conditional`` outcome): three months after the
  decision; met once the round has findings and none is open.

A milestone is overdue when it is not met and its date lies before today
(``clock.today()``). Everything but the round itself and its newest
self-evaluation comes from catalog brains.
"""

from bibqual import _
from bibqual import clock
from bibqual.certification import milestones
from bibqual.certification import rounds
from bibqual.certification.framework import framework_of
from bibqual.ids import CONDITIONAL
from bibqual.reports.queries import as_date
from bibqual.workflows.ids import AUDITED
from bibqual.workflows.ids import DECIDED
from bibqual.workflows.ids import OPEN
from bibqual.workflows.ids import SUBMITTED
from plone import api


AUDIT_QUARTER = "audit_quarter"
SELF_ASSESSMENT = "self_assessment"
AUDIT = "audit"
REPORT = "report"
DECISION = "decision"
RECOVERY_PLAN = "recovery_plan"

MILESTONE_TITLES = {
    AUDIT_QUARTER: _("Audit planned in the audit quarter"),
    SELF_ASSESSMENT: _("Self-evaluation submitted"),
    AUDIT: _("Audit"),
    REPORT: _("Audit report final"),
    DECISION: _("Decision"),
    RECOVERY_PLAN: _("Recovery plan"),
}


def is_overdue(day, met, today):
    """The overdue rule of a milestone: not met and its date before today."""
    return bool(not met and day is not None and day < today)


def milestone(token, day, met, today, **extra):
    return {
        "id": token,
        "title": MILESTONE_TITLES[token],
        "date": day,
        "met": bool(met),
        "overdue": is_overdue(day, met, today),
        **extra,
    }


def round_milestones(certification, today, self_assessment=None, report=None, findings=()):
    """The milestones of ``certification`` (module docstring); ``self_assessment``
    and ``report`` are the brains of its newest self-evaluation and final report,
    ``findings`` the brains of all its findings."""
    state = api.content.get_state(certification, default=None)
    certified_until = getattr(certification, "certified_until", None)
    audit_date = getattr(certification, "audit_date", None)
    decision_date = getattr(certification, "decision_date", None)
    outcome = getattr(certification, "outcome", None)
    quarter_end = milestones.quarter_bounds(certified_until)[1] if certified_until else None
    result = [
        milestone(
            AUDIT_QUARTER,
            quarter_end,
            audit_date is not None and quarter_end is not None and audit_date <= quarter_end,
            today,
            quarter=milestones.audit_quarter(certified_until),
        ),
        milestone(
            SELF_ASSESSMENT,
            milestones.self_assessment_due(audit_date),
            self_assessment is not None and self_assessment.review_state == SUBMITTED,
            today,
        ),
        milestone(AUDIT, audit_date, state in (AUDITED, DECIDED), today),
        milestone(
            REPORT,
            as_date(report.modified) if report is not None else None,
            report is not None,
            today,
        ),
        milestone(
            DECISION,
            decision_date,
            bool(outcome and decision_date and state == DECIDED),
            today,
        ),
    ]
    if outcome == CONDITIONAL:
        open_count = sum(1 for brain in findings if brain.review_state == OPEN)
        result.append(
            milestone(
                RECOVERY_PLAN,
                milestones.recovery_plan_due(decision_date),
                bool(findings) and not open_count,
                today,
            )
        )
    return result


def next_milestone(items):
    """The first milestone that is not met, or ``None``."""
    for item in items:
        if not item["met"]:
            return item
    return None


def self_assessment_result(brain, framework):
    """The newest self-evaluation (its brain) with percentage and band; the one
    object woken, to compute its result under the round's framework."""
    if brain is None:
        return None
    percentage, band = brain.getObject().result()
    return {
        "@id": brain.getURL(),
        "title": brain.Title,
        "review_state": brain.review_state,
        "percentage": percentage,
        "band": band.token if band is not None else None,
        "band_title": band.title if band is not None else None,
        "consequence": band.consequence if band is not None else None,
    }


def finding_summary(brain, framework, today):
    """An open finding as the status lists it (from the brain)."""
    element = framework.element(brain.norm_field) if framework is not None else None
    due = as_date(brain.due)
    return {
        "@id": brain.getURL(),
        "title": brain.Title,
        "review_state": brain.review_state,
        "norm_field": brain.norm_field,
        "norm_field_title": element.title if element is not None else brain.norm_field,
        "kind": brain.kind,
        "due": due,
        "overdue": is_overdue(due, False, today),
    }


def certification_status(certification):
    """Milestones, next milestone, self-evaluation result and open findings of
    ``certification`` (module docstring), as JSON-friendly data (dates as dates)."""
    today = clock.today()
    framework = framework_of(certification)
    self_assessment = rounds.latest_self_assessment(certification)
    report = rounds.final_report(certification)
    shown_report = report or next(iter(rounds.reports(certification, sort_limit=1)), None)
    findings = list(rounds.findings(certification))
    items = round_milestones(certification, today, self_assessment, report, findings)
    url = certification.absolute_url()
    return {
        "@id": f"{url}/@certification-status",
        "certification": {
            "@id": url,
            "title": certification.Title(),
            "review_state": api.content.get_state(certification, default=None),
            "framework": getattr(certification, "framework", None),
            "framework_title": framework.title if framework is not None else None,
            "certified_until": getattr(certification, "certified_until", None),
            "audit_quarter": certification.audit_quarter,
            "outcome": getattr(certification, "outcome", None) or None,
        },
        "today": today,
        "milestones": items,
        "next_milestone": next_milestone(items),
        "self_assessment": self_assessment_result(self_assessment, framework),
        "report": (
            {
                "@id": shown_report.getURL(),
                "title": shown_report.Title,
                "review_state": shown_report.review_state,
            }
            if shown_report is not None
            else None
        ),
        "open_findings": [
            finding_summary(brain, framework, today)
            for brain in findings
            if brain.review_state == OPEN
        ],
    }
