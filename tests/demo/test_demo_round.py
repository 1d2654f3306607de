"""The certification round of ``bibqual:demo``: what a visitor finds of it.

The demo library is in a running KiB round: the certificate ends in the quarter
after today, the audit is planned, the self-evaluation is submitted and the
auditors' report is a draft. The previous round was decided (certified); its
final report has findings of every kind, acted on by corrective projects in the
year plans.
"""

from bibqual.certification.findings import close_refusal
from bibqual.certification.framework import framework_of
from bibqual.certification.milestones import quarter_bounds
from bibqual.certification.milestones import quarter_of
from bibqual.certification.scores import check_rows
from bibqual.certification.status import certification_status
from bibqual.ids import FINDING_KINDS
from bibqual.permissions import ADD_FINDING
from bibqual.permissions import MODIFY_CONTENT
from bibqual.permissions import VIEW
from datetime import date
from datetime import timedelta
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import login
from plone.app.testing import setRoles
import pytest


MAIN = "bibliotheek-westfriesland-noord"
ROUND_TYPES = ("Certification", "SelfAssessment", "AuditReport", "Finding")
# the finding whose corrective project is done and shown with released evidence
DONE_FINDING = "effect-van-programmas-meten"


@pytest.fixture
def portal(demo_integration):
    """The demo site, with the test user as Manager (the catalog filters on permissions)."""
    portal = demo_integration["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return portal


@pytest.fixture
def library(portal):
    return portal[MAIN]


@pytest.fixture
def rounds(library):
    """``(previous, current)``: the library's rounds, oldest first."""
    found = sorted(
        (item for item in library.objectValues() if item.portal_type == "Certification"),
        key=lambda item: item.certified_until,
    )
    assert len(found) == 2
    return tuple(found)


def next_quarter(today):
    year, quarter = quarter_of(today)
    return (year + 1, 1) if quarter == 4 else (year, quarter + 1)


def state(obj):
    return api.content.get_state(obj)


def only(container, portal_type):
    (item,) = [item for item in container.objectValues() if item.portal_type == portal_type]
    return item


class TestTheRunningRound:
    def test_certificate_ends_in_the_next_quarter_and_the_audit_is_planned(self, rounds):
        previous, current = rounds
        today = date.today()
        assert state(current) == "preparing"
        assert current.framework == "cbct-kib"
        assert quarter_of(current.certified_until) == next_quarter(today)
        first, last = quarter_bounds(current.certified_until)
        assert today < first <= current.audit_date <= last
        assert current.title == f"Certificering {current.audit_date.year}"
        # the certificate of the previous round is the one that ends now
        assert previous.new_certified_until == current.certified_until

    def test_status_names_the_audit_as_next_milestone(self, portal, rounds):
        current = rounds[1]
        login(portal, "coordinator")
        status = certification_status(current)
        met = {item["id"]: item["met"] for item in status["milestones"]}
        assert met == {
            "audit_quarter": True,
            "self_assessment": True,
            "audit": False,
            "report": False,
            "decision": False,
        }
        following = status["next_milestone"]
        assert (following["id"], following["date"]) == ("audit", current.audit_date)
        assert following["overdue"] is False
        assert status["self_assessment"]["review_state"] == "submitted"
        assert status["self_assessment"]["percentage"] == 82.1
        assert status["self_assessment"]["band"] == "certified"
        assert status["report"]["review_state"] == "draft"
        assert status["open_findings"] == []  # the auditors have not written any yet

    def test_every_aspect_is_scored_and_explained(self, library, rounds):
        current = rounds[1]
        evaluation = only(current, "SelfAssessment")
        framework = framework_of(current)
        aspects = [(e.token, a.token) for e in framework.elements for a in e.aspects]
        assert len(aspects) == 28  # KiB's seven norms, no module switched on
        assert [(row["element"], row["aspect"]) for row in evaluation.scores] == aspects
        assert all(row["score"] is not None for row in evaluation.scores)
        assert {row["score"] for row in evaluation.scores} == {2, 3, 4}
        for row in evaluation.scores:
            assert len(row["explanation"]) > 40 and "{" not in row["explanation"], row
            assert row["evidence"] or row["projects"], row
        assert evaluation.ambitions and evaluation.bottlenecks
        assert str(current.audit_date.year) in evaluation.ambitions
        # the rows pass the rule the scoring page and REST apply
        assert check_rows(evaluation.scores, framework, library) == evaluation.scores

    def test_links_point_at_released_evidence_and_running_or_done_work(self, portal, rounds):
        evaluation = only(rounds[1], "SelfAssessment")
        catalog = portal.portal_catalog
        evidence = {row_uid for row in evaluation.scores for row_uid in row["evidence"]}
        projects = {row_uid for row in evaluation.scores for row_uid in row["projects"]}
        found = catalog(UID=list(evidence))
        assert len(found) == len(evidence) >= 6
        assert {brain.review_state for brain in found} == {"released"}
        assert all(brain.valid_until >= date.today() for brain in found)
        found = catalog(UID=list(projects))
        assert len(found) == len(projects) >= 15
        assert {brain.portal_type for brain in found} == {"SmartProject", "AssuranceProject"}
        assert "cancelled" not in {brain.review_state for brain in found}


class TestThePreviousRound:
    def test_decided_and_certified_with_a_final_report(self, portal, rounds):
        previous = rounds[0]
        assert state(previous) == "decided"
        assert previous.outcome == "certified"
        assert previous.audit_date <= previous.decision_date < previous.new_certified_until
        assert previous.certified_until.year == rounds[1].certified_until.year - 4
        report = only(previous, "AuditReport")
        assert state(report) == "final"
        assert report.outcome == "certified" and report.auditors and report.summary
        login(portal, "coordinator")
        status = certification_status(previous)
        assert all(item["met"] for item in status["milestones"])
        assert (status["self_assessment"]["percentage"], status["self_assessment"]["band"]) == (
            80.3,
            "certified",
        )
        assert status["next_milestone"] is None
        assert len(status["open_findings"]) == 3

    def test_findings_of_every_kind_with_corrective_projects(self, rounds):
        findings = only(rounds[0], "AuditReport").objectValues()
        assert {finding.kind for finding in findings} == set(FINDING_KINDS)
        acted_on = [finding for finding in findings if finding.kind != "strength"]
        projects = [relation.to_object for f in acted_on for relation in f.actions]
        assert len(projects) == len(acted_on)
        assert {state(project) for project in projects} == {"done", "do", "act", "plan"}
        for finding, project in zip(acted_on, projects, strict=True):
            assert finding.norm_field in project.norm_fields
            assert project.__parent__.portal_type == "YearPlan"
        assert {state(finding) for finding in findings} == {"open", "closed"}

    def test_only_the_finding_of_the_done_project_can_close(self, rounds):
        report = only(rounds[0], "AuditReport")
        for finding in report.objectValues():
            reason = close_refusal(finding)
            if finding.getId() == DONE_FINDING or finding.kind == "strength":
                assert reason is None, finding.getId()
                assert state(finding) == "closed"
            else:
                assert reason is not None, finding.getId()
                assert finding.actions[0].to_object.title in reason.mapping["reasons"]
                assert state(finding) == "open"

    def test_the_done_project_shows_released_valid_evidence(self, rounds):
        finding = only(rounds[0], "AuditReport")[DONE_FINDING]
        project = finding.actions[0].to_object
        assert state(project) == "done"
        (evidence,) = project.objectValues()
        assert state(evidence) == "released"
        assert evidence.valid_until > date.today() + timedelta(days=180)


class TestTheAuditorsPart:
    def test_auditor_reads_the_submitted_self_evaluation(self, portal, rounds):
        evaluation = only(rounds[1], "SelfAssessment")
        login(portal, "auditor")
        assert api.user.has_permission(VIEW, obj=rounds[1])
        assert api.user.has_permission(VIEW, obj=evaluation)
        assert not api.user.has_permission(MODIFY_CONTENT, obj=evaluation)

    def test_auditor_adds_a_finding_in_the_draft_report_only(self, portal, rounds):
        previous, current = rounds
        draft = only(current, "AuditReport")
        assert state(draft) == "draft"
        login(portal, "auditor")
        assert not api.user.has_permission(ADD_FINDING, obj=only(previous, "AuditReport"))
        finding = api.content.create(
            container=draft,
            type="Finding",
            title="Borging in de projecten",
            norm_field="producten-en-diensten",
            kind="improvement",
            text="Leg per project vast hoe het resultaat wordt geborgd.",
        )
        assert finding.__parent__ == draft
        login(portal, "coordinator")
        assert [item["title"] for item in certification_status(current)["open_findings"]] == [
            "Borging in de projecten"
        ]


class TestAgain:
    def test_running_the_profile_again_changes_no_round(self, portal):
        catalog = portal.portal_catalog

        def snapshot():
            return {
                brain.getPath(): brain.review_state
                for brain in catalog(portal_type=list(ROUND_TYPES))
            }

        before = snapshot()
        assert len(before) == 2 + 2 + 2 + 5  # rounds, self-evaluations, reports, findings
        portal.portal_setup.runAllImportStepsFromProfile("profile-bibqual:demo")
        assert snapshot() == before
