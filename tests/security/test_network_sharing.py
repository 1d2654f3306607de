"""Findings 3 and 13: the network sees only what a library chose to share.

The rule (README, ``bibqual.network.sharing``): another library's project is
found by ``@similar-projects`` and copied by ``@copy-project`` only when its
library shares with the network, its year plan is adopted or closed, the
project is not cancelled, and neither the project nor its plan blocks the
inheritance of local roles. Anything else answers as if it did not exist.

The attacker is ``anna``, staff of another library; every plan state and every
project state is tried, and the blocks are set the way a coordinator sets them
(``@sharing`` over REST).
"""

from plone import api
from support import PASSWORD
from support.content import create
from support.content import make_plan
from support.content import make_project
from support.workflows import PROJECT_PATHS
from support.workflows import YEARPLAN_PATHS
from support.workflows import walk
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent
import pytest
import transaction


WORD = "Leesbevordering"
YEARS = {"draft": 2026, "adopted": 2025, "closed": 2024}


def _user(userid, obj, roles):
    with api.env.adopt_roles(["Manager"]):
        if api.user.get(userid=userid) is None:
            api.user.create(email=f"{userid}@example.org", username=userid, password=PASSWORD)
        api.user.grant_roles(username=userid, obj=obj, roles=roles)
    obj.reindexObjectSecurity()


@pytest.fixture(scope="class")
def world(functional_portal_class):
    """Library ``noord`` shares: one plan per plan state, one project per project state
    in each, a blocked project and a blocked plan; ``zuid`` does not share."""
    portal = functional_portal_class
    noord = create(portal, "Library", "noord", title="Bibliotheek Noord", share_with_network=True)
    zuid = create(portal, "Library", "zuid", title="Bibliotheek Zuid")
    west = create(portal, "Library", "west", title="Bibliotheek West")
    _user("coordinator-noord", noord, ["Reviewer"])
    _user("anna", west, ["Editor", "Contributor"])
    target = make_plan(west, 2027)
    projects = {}
    for plan_state, year in YEARS.items():
        plan = make_plan(noord, year)
        for project_state, steps in PROJECT_PATHS.items():
            key = f"{plan_state}-{project_state}"
            project = make_project(plan, key, title=f"{WORD} {key}")
            walk(project, steps)
            projects[key] = project
        walk(plan, YEARPLAN_PATHS[plan_state])  # the plan's state changes after its projects
    blocked_plan = make_plan(noord, 2023)
    projects["blocked-plan"] = make_project(blocked_plan, "in-blocked-plan", title=f"{WORD} bp")
    walk(blocked_plan, ["adopt"])
    adopted = projects["adopted-do"].aq_parent
    projects["blocked-project"] = make_project(adopted, "blocked", title=f"{WORD} blocked")
    other = make_plan(zuid, 2025)
    projects["not-sharing"] = make_project(other, "zuid-project", title=f"{WORD} zuid")
    walk(other, ["adopt"])
    transaction.commit()
    return {"portal": portal, "noord": noord, "target": target, "projects": projects}


@pytest.fixture(scope="class")
def http(world):
    """``http(user)``: a REST session of the functional site."""
    from pytest_plone.fixtures.requests import RelativeSession

    sessions = []

    def factory(user):
        session = RelativeSession(world["portal"].absolute_url())
        session.headers.update({"Accept": "application/json"})
        session.auth = (user, PASSWORD)
        sessions.append(session)
        return session

    yield factory
    for session in sessions:
        session.close()


@pytest.fixture(scope="class")
def blocked(world, http):
    """The coordinator blocks inheritance on one project and on one plan, as on the sharing tab."""
    coordinator = http("coordinator-noord")
    for key in ("blocked-project", "blocked-plan"):
        obj = world["projects"][key]
        target = obj if key == "blocked-project" else obj.aq_parent
        response = coordinator.post(f"{target.absolute_url()}/@sharing", json={"inherit": False})
        assert response.status_code == 204, response.text
    transaction.begin()
    return world


def expected_visible(key):
    plan_state, _, project_state = key.partition("-")
    return plan_state in ("adopted", "closed") and project_state != "cancelled"


def found_by_anna(http):
    response = http("anna").get("/@similar-projects", params={"q": WORD, "limit": 50})
    assert response.status_code == 200, response.text
    return {item["UID"]: item for item in response.json()["items"]}


class TestNetworkRule:
    def test_only_shared_projects_are_found(self, blocked, http):
        found = found_by_anna(http)
        for key, project in blocked["projects"].items():
            assert (project.UID() in found) == expected_visible(key), key
        # what a hit shows comes from a project the network may see
        assert {item["review_state"] for item in found.values()} <= {
            "plan",
            "do",
            "check",
            "act",
            "done",
        }

    @pytest.mark.parametrize(
        "key", ["draft-do", "adopted-cancelled", "blocked-project", "blocked-plan", "not-sharing"]
    )
    def test_hidden_projects_cannot_be_copied_and_look_unknown(self, blocked, http, key):
        project = blocked["projects"][key]
        url = f"{blocked['target'].absolute_url()}/@copy-project"
        hidden = http("anna").post(url, json={"source": project.UID()})
        unknown = http("anna").post(url, json={"source": "f" * 32})
        assert hidden.status_code == unknown.status_code == 404
        assert hidden.json()["error"]["message"].replace(project.UID(), "X") == (
            unknown.json()["error"]["message"].replace("f" * 32, "X")
        )
        by_url = http("anna").post(url, json={"source": project.absolute_url()})
        assert by_url.status_code == 404
        transaction.begin()
        assert blocked["target"].objectIds() == []

    def test_shared_project_can_be_copied(self, blocked, http):
        project = blocked["projects"]["closed-done"]
        response = http("anna").post(
            f"{blocked['target'].absolute_url()}/@copy-project", json={"source": project.UID()}
        )
        assert response.status_code == 201, response.text
        assert response.json()["copied_from"] == project.UID()

    def test_reopening_the_plan_hides_its_projects_again(self, blocked, http):
        project = blocked["projects"]["adopted-do"]
        assert project.UID() in found_by_anna(http)
        walk(project.aq_parent, ["reopen"])
        transaction.commit()
        assert project.UID() not in found_by_anna(http)
        walk(project.aq_parent, ["adopt"])
        transaction.commit()
        assert project.UID() in found_by_anna(http)

    def test_library_that_stops_sharing_disappears(self, blocked, http):
        noord = blocked["noord"]
        response = http("coordinator-noord").patch(
            noord.absolute_url(), json={"share_with_network": False}
        )
        assert response.status_code == 204, response.text
        try:
            assert not any(
                item["library"] == "Bibliotheek Noord" for item in found_by_anna(http).values()
            )
        finally:
            transaction.begin()
            with api.env.adopt_roles(["Manager"]):
                noord.share_with_network = True
                notify(ObjectModifiedEvent(noord))
            transaction.commit()
