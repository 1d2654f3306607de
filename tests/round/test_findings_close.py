"""A finding closes only when every action is done and shown with released, still
valid evidence; the refusal names each action and what it misses.

The round of ``build_round`` (conftest): "Taalcafé" is in Do, "Leesclub" is done,
"Begroting 2026" is released evidence in the library, valid until 2027; the clock
stands on 1 March 2027.
"""

from bibqual.certification.corrective import link_action
from datetime import date
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from support.content import create
from support.content import make_assurance
from support.content import make_evidence
from support.content import transition
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
import pytest


@pytest.fixture
def report(round_tree):
    return create(round_tree["certification"], "AuditReport", "rapport", title="Auditrapport")


def make_finding(report, item_id="bevinding", kind="shortcoming", actions=()):
    finding = create(
        report,
        "Finding",
        item_id,
        title="Geen meerjarenbegroting",
        norm_field="middelen",
        kind=kind,
        text="De bibliotheek heeft geen meerjarenbegroting.",
        due=date(2027, 6, 30),
    )
    with api.env.adopt_roles(["Manager"]):
        for action in actions:
            link_action(finding, action)
    return finding


def close(finding):
    with api.env.adopt_roles(["Manager"]):
        api.portal.get_tool("portal_workflow").doActionFor(finding, "close")
    assert api.content.get_state(finding) == "closed"


def refusal(finding):
    """The reason ``close`` is refused (fails when it is not); the finding stays open."""
    with api.env.adopt_roles(["Manager"]), pytest.raises(WorkflowException) as refused:
        api.portal.get_tool("portal_workflow").doActionFor(finding, "close")
    assert api.content.get_state(finding) == "open"
    return str(refused.value)


def released(container, item_id, **fields):
    return transition(make_evidence(container, item_id, "Verslag", **fields), ["release"])


def link_evidence(evidence, project):
    evidence.related_projects = [RelationValue(getUtility(IIntIds).getId(project))]
    evidence.reindexObject()


def test_a_finding_without_actions_needs_one_except_a_strength(report):
    message = refusal(make_finding(report))
    assert message.startswith("Add an action first")
    close(make_finding(report, "sterk", kind="strength"))


def test_names_the_action_and_everything_it_misses(round_tree, report):
    finding = make_finding(report, actions=[round_tree["projects"]["taalcafe"]])
    message = refusal(finding)
    assert message.startswith("The finding cannot be closed yet: ")
    assert "'Taalcafé' is not done yet (now: Do)" in message
    assert "'Taalcafé' has no released, still valid evidence" in message


def test_a_done_project_still_needs_released_valid_evidence(round_tree, report, monkeypatch):
    project = round_tree["projects"]["leesclub"]
    finding = make_finding(report, actions=[project])
    message = refusal(finding)
    assert "'Leesclub' has no released, still valid evidence" in message
    assert "not done" not in message
    draft = make_evidence(project, "concept", valid_until=date(2027, 3, 1))
    assert "'Leesclub' has no released" in refusal(finding)
    transition(draft, ["release"])
    monkeypatch.setattr("bibqual.clock.today", lambda: date(2027, 3, 2))
    assert "'Leesclub' has no released" in refusal(finding)  # expired yesterday
    monkeypatch.setattr("bibqual.clock.today", lambda: date(2027, 3, 1))
    close(finding)  # valid until today


def test_evidence_elsewhere_that_names_the_project_counts(round_tree, report):
    project = round_tree["projects"]["leesclub"]
    finding = make_finding(report, actions=[project])
    link_evidence(round_tree["evidence"]["oud"], project)  # released, but expired
    assert "'Leesclub' has no released" in refusal(finding)
    link_evidence(round_tree["evidence"]["begroting"], project)
    close(finding)


def test_only_the_actions_that_miss_something_are_named(round_tree, report):
    done = round_tree["projects"]["leesclub"]
    released(done, "verslag")
    finding = make_finding(report, actions=[done, round_tree["projects"]["taalcafe"]])
    message = refusal(finding)
    assert "Taalcafé" in message
    assert "Leesclub" not in message


def test_a_cancelled_project_is_not_done(round_tree, report):
    project = round_tree["projects"]["later"]
    released(project, "verslag")
    transition(project, ["cancel"])
    message = refusal(make_finding(report, actions=[project]))
    assert "'Nog te plannen' is not done yet (now: Cancelled)" in message


def adjust(assurance):
    """One cycle up to Act (the evaluation as field and as comment)."""
    assurance.evaluation = "Het plan is geëvalueerd."
    tool = api.portal.get_tool("portal_workflow")
    with api.env.adopt_roles(["Manager"]):
        for step in ("start", "evaluate", "adjust"):
            tool.doActionFor(assurance, step, comment="Het plan is geëvalueerd.")


def test_an_assurance_project_needs_a_cycle_adjusted_after_the_finding(round_tree, report):
    assurance = make_assurance(round_tree["library"], "borging", title="Begrotingscyclus")
    released(assurance, "verslag")
    adjust(assurance)  # before the finding: proves nothing about it
    finding = make_finding(report, actions=[assurance])
    message = refusal(finding)
    assert "'Begrotingscyclus' has not been checked and adjusted since the finding" in message
    assert "evidence" not in message
    transition(assurance, ["new_cycle"])
    assurance.evaluation = None
    adjust(assurance)
    close(finding)


def test_a_deleted_action_keeps_the_finding_open(round_tree, report):
    project = round_tree["projects"]["leesclub"]
    released(project, "verslag")
    extra = round_tree["projects"]["voorlezen"]
    finding = make_finding(report, actions=[project, extra])
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(obj=extra, check_linkintegrity=False)
    assert "an action no longer exists; remove it from the actions" in refusal(finding)
    finding.actions = finding.actions[:1]
    close(finding)


def test_reopen_after_close(round_tree, report):
    finding = make_finding(report, kind="strength")
    close(finding)
    transition(finding, ["reopen"])
    assert api.content.get_state(finding) == "open"
