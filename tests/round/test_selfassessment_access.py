"""Who sees and changes the self-evaluation in which state: staff write it as a draft,
the coordinator submits and retracts it, a granted auditor reads it once it is
submitted, and nothing after the grant has ended."""

from bibqual.audit.grants import grant
from datetime import date
from plone import api
from round_support import new_request
from support.content import make_library
from support.content import make_user
import pytest


def make_auditor(library):
    make_user("auditor")
    with api.env.adopt_roles(["Manager"]):
        grant(library, "auditor", date(2027, 4, 30))
    return "auditor"


def sees(user, obj):
    """Whether ``user`` may view ``obj`` and finds it in the catalog."""
    with api.env.adopt_user(username=user):
        may = api.user.has_permission("View", obj=obj)
        found = bool(api.content.find(UID=obj.UID()))
    assert may == found, (user, may, found)
    return may


def may(user, permission, obj):
    with api.env.adopt_user(username=user):
        return api.user.has_permission(permission, obj=obj)


def steps(user, obj):
    with api.env.adopt_user(username=user):
        tool = api.portal.get_tool("portal_workflow")
        return sorted(item["id"] for item in tool.getTransitionsFor(obj))


@pytest.fixture
def audited_round(round_tree):
    make_auditor(round_tree["library"])
    return round_tree


def test_a_draft_is_for_the_library_only(audited_round):
    self_assessment = audited_round["self_assessment"]
    assert sees("medewerker", self_assessment)
    assert sees("coordinator", self_assessment)
    assert not sees("auditor", self_assessment)
    # the auditor does see the round itself
    assert sees("auditor", audited_round["certification"])
    assert may("medewerker", "Modify portal content", self_assessment)
    assert steps("medewerker", self_assessment) == []
    assert steps("coordinator", self_assessment) == ["submit"]


def test_submitted_the_granted_auditor_reads_it_and_nobody_but_admins_edits(audited_round):
    self_assessment = audited_round["self_assessment"]
    with api.env.adopt_user(username="coordinator"):
        api.content.transition(obj=self_assessment, transition="submit")
    assert api.content.get_state(self_assessment) == "submitted"
    for user in ("medewerker", "coordinator", "auditor"):
        assert sees(user, self_assessment), user
        assert not may(user, "Modify portal content", self_assessment), user
    assert steps("auditor", self_assessment) == []
    assert steps("medewerker", self_assessment) == []
    assert steps("coordinator", self_assessment) == ["retract"]
    with api.env.adopt_user(username="coordinator"):
        api.content.transition(obj=self_assessment, transition="retract")
    assert not sees("auditor", self_assessment)
    assert may("medewerker", "Modify portal content", self_assessment)


def test_after_the_grant_has_ended_the_auditor_sees_nothing(audited_round, monkeypatch):
    self_assessment = audited_round["self_assessment"]
    with api.env.adopt_user(username="coordinator"):
        api.content.transition(obj=self_assessment, transition="submit")
    monkeypatch.setattr("bibqual.clock.today", lambda: date(2027, 4, 30))
    assert sees("auditor", self_assessment)
    monkeypatch.setattr("bibqual.clock.today", lambda: date(2027, 5, 1))
    new_request()
    assert not sees("auditor", self_assessment)
    assert not sees("auditor", audited_round["certification"])


def test_an_auditor_of_another_library_sees_nothing(audited_round):
    other = make_library(api.portal.get(), "ander", title="Andere bibliotheek")
    make_user("vreemde")
    with api.env.adopt_roles(["Manager"]):
        grant(other, "vreemde", date(2027, 4, 30))
    self_assessment = audited_round["self_assessment"]
    with api.env.adopt_user(username="coordinator"):
        api.content.transition(obj=self_assessment, transition="submit")
    assert not sees("vreemde", self_assessment)
