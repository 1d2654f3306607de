"""The round's milestones: their dates after CBCT's phases, met and overdue."""

from bibqual.certification import milestones
from bibqual.certification.status import certification_status
from datetime import date
from plone import api
from support.content import create
from support.content import transition
from support.workflows import set_state
import pytest


@pytest.mark.parametrize(
    "certified_until, quarter, last_day",
    [
        (date(2027, 1, 1), "2027-Q1", date(2027, 3, 31)),
        (date(2027, 3, 31), "2027-Q1", date(2027, 3, 31)),
        (date(2027, 4, 1), "2027-Q2", date(2027, 6, 30)),
        (date(2027, 9, 30), "2027-Q3", date(2027, 9, 30)),
        (date(2027, 10, 1), "2027-Q4", date(2027, 12, 31)),
        (date(2027, 12, 31), "2027-Q4", date(2027, 12, 31)),
        (date(2028, 2, 29), "2028-Q1", date(2028, 3, 31)),
    ],
)
def test_audit_quarter_is_the_quarter_in_which_the_certificate_ends(
    certified_until, quarter, last_day
):
    assert milestones.audit_quarter(certified_until) == quarter
    assert milestones.quarter_bounds(certified_until)[1] == last_day


@pytest.mark.parametrize(
    "audit, due",
    [
        (date(2027, 4, 15), date(2027, 3, 4)),
        (date(2027, 1, 10), date(2026, 11, 29)),  # across the year
        (date(2028, 4, 10), date(2028, 2, 28)),  # across a leap day
    ],
)
def test_self_evaluation_is_due_six_weeks_before_the_audit(audit, due):
    assert milestones.self_assessment_due(audit) == due


@pytest.mark.parametrize(
    "decision, recovery",
    [
        (date(2027, 6, 15), date(2027, 9, 15)),
        (date(2026, 11, 30), date(2027, 2, 28)),
        (date(2027, 11, 30), date(2028, 2, 29)),  # leap year
        (date(2027, 10, 31), date(2028, 1, 31)),  # across the year
        (date(2027, 12, 31), date(2028, 3, 31)),
        (date(2027, 5, 31), date(2027, 8, 31)),
    ],
)
def test_recovery_plan_is_due_three_months_after_the_decision(decision, recovery):
    assert milestones.recovery_plan_due(decision) == recovery


def by_id(status):
    return {item["id"]: item for item in status["milestones"]}


def test_milestones_of_a_round_in_preparation(round_tree):
    status = certification_status(round_tree["certification"])
    items = by_id(status)
    assert [item["id"] for item in status["milestones"]] == [
        "audit_quarter",
        "self_assessment",
        "audit",
        "report",
        "decision",
    ]
    # audit planned on 15 April, inside 2027-Q2 (certificate ends 31 May)
    assert items["audit_quarter"]["quarter"] == "2027-Q2"
    assert items["audit_quarter"]["date"] == date(2027, 6, 30)
    assert items["audit_quarter"]["met"] is True
    assert items["self_assessment"]["date"] == date(2027, 3, 4)
    assert items["self_assessment"]["met"] is False
    assert items["self_assessment"]["overdue"] is False  # today is 1 March
    assert items["audit"]["date"] == date(2027, 4, 15)
    assert not any(items[key]["met"] for key in ("audit", "report", "decision"))
    assert status["next_milestone"]["id"] == "self_assessment"


def test_a_missed_milestone_is_overdue_on_the_day_after(round_tree, monkeypatch):
    certification = round_tree["certification"]
    monkeypatch.setattr("bibqual.clock.today", lambda: date(2027, 3, 4))
    assert by_id(certification_status(certification))["self_assessment"]["overdue"] is False
    monkeypatch.setattr("bibqual.clock.today", lambda: date(2027, 3, 5))
    status = certification_status(certification)
    assert by_id(status)["self_assessment"]["overdue"] is True
    assert status["next_milestone"]["overdue"] is True


def test_submitting_the_self_evaluation_meets_its_milestone(round_tree, monkeypatch):
    monkeypatch.setattr("bibqual.clock.today", lambda: date(2027, 3, 20))
    transition(round_tree["self_assessment"], ["submit"])
    items = by_id(certification_status(round_tree["certification"]))
    assert items["self_assessment"]["met"] is True
    assert items["self_assessment"]["overdue"] is False


def test_an_unplanned_audit_misses_the_quarter(round_tree, monkeypatch):
    certification = round_tree["certification"]
    certification.audit_date = None
    certification.reindexObject()
    items = by_id(certification_status(certification))
    assert items["audit_quarter"]["met"] is False
    assert items["self_assessment"]["date"] is None
    assert items["self_assessment"]["overdue"] is False
    monkeypatch.setattr("bibqual.clock.today", lambda: date(2027, 7, 1))
    assert by_id(certification_status(certification))["audit_quarter"]["overdue"] is True


def test_audit_report_and_decision(round_tree, monkeypatch):
    monkeypatch.setattr("bibqual.clock.today", lambda: date(2027, 6, 1))
    certification = round_tree["certification"]
    transition(round_tree["self_assessment"], ["submit"])
    transition(certification, ["audit"])
    report = create(certification, "AuditReport", "rapport", title="Auditrapport")
    items = by_id(certification_status(certification))
    assert items["audit"]["met"] is True
    assert items["report"]["met"] is False  # the report is a draft
    transition(report, ["finalize"])
    items = by_id(certification_status(certification))
    assert items["report"]["met"] is True
    assert items["report"]["date"] is not None
    certification.outcome = "certified"
    certification.decision_date = date(2027, 5, 20)
    items = by_id(certification_status(certification))
    assert items["decision"]["met"] is False  # not decided yet
    assert items["decision"]["overdue"] is True
    transition(certification, ["decide"])
    status = certification_status(certification)
    assert by_id(status)["decision"]["met"] is True
    assert "recovery_plan" not in by_id(status)
    assert status["next_milestone"] is None


def status_for_coordinator(certification):
    """The status as the library's coordinator sees it: findings are staff's
    reading (their View leaves out Owner, so the test user does not see them)."""
    with api.env.adopt_user(username="coordinator"):
        return certification_status(certification)


def test_a_conditional_outcome_adds_the_recovery_plan(round_tree, monkeypatch):
    certification = round_tree["certification"]
    transition(certification, ["audit"])
    report = create(certification, "AuditReport", "rapport", title="Auditrapport")
    finding = create(
        report,
        "Finding",
        "bevinding",
        title="Begroting",
        norm_field="middelen",
        kind="shortcoming",
        text="Geen meerjarenbegroting.",
        due=date(2027, 8, 1),
    )
    transition(report, ["finalize"])
    certification.outcome = "conditional"
    certification.decision_date = date(2027, 5, 31)
    transition(certification, ["decide"])
    monkeypatch.setattr("bibqual.clock.today", lambda: date(2027, 8, 31))
    status = status_for_coordinator(certification)
    recovery = by_id(status)["recovery_plan"]
    assert recovery["date"] == date(2027, 8, 31)
    assert (recovery["met"], recovery["overdue"]) == (False, False)
    assert [item["title"] for item in status["open_findings"]] == ["Begroting"]
    assert status["open_findings"][0]["norm_field_title"] == "Middelen"
    monkeypatch.setattr("bibqual.clock.today", lambda: date(2027, 9, 1))
    assert by_id(status_for_coordinator(certification))["recovery_plan"]["overdue"] is True
    set_state(finding, "closed")  # the close guard is the findings' own business
    finding.reindexObject()
    status = status_for_coordinator(certification)
    assert by_id(status)["recovery_plan"]["met"] is True
    assert status["open_findings"] == []
