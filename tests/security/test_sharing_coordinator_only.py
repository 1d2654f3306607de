"""Finding 6: within a library only the coordinator shares and blocks inheritance.

The attacks: a staff member (Editor, Contributor, Owner of the project) posts
``@sharing {"inherit": false}`` on their own project and so locks the coordinator
and the auditor out (the coordinator could no longer complete it); an Editor
shares the whole library with any user and so shows its drafts. Both are refused
on every bibqual type and state; the coordinator can still do either.
"""

from plone import api
from support import PASSWORD
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.workflows import PROJECT_PATHS
from support.workflows import make_users
from support.workflows import user_id
from support.workflows import walk
import pytest
import transaction


STAFF = ("Owner", "Editor", "Contributor")
COORDINATORS = ("Reviewer", "Site Administrator", "Manager")
OUTSIDER = "buitenstaander"


@pytest.fixture(scope="class")
def library(site):
    library = make_library(site)
    make_users(library)
    plan = make_plan(library)
    for state, steps in PROJECT_PATHS.items():
        walk(make_project(plan, f"project-{state}"), steps)
    make_evidence(library, "bewijs")
    with api.env.adopt_roles(["Manager"]):
        api.user.create(email="buiten@example.org", username=OUTSIDER, password=PASSWORD)
        # the project's creator: staff who owns it
        owned = make_project(plan, "eigen-project")
        owned.manage_setLocalRoles(user_id("Owner"), ["Owner"])
        owned.reindexObjectSecurity()
    transaction.commit()
    return library


PATHS = [
    "/bieb",
    "/bieb/jaarplan-2026",
    "/bieb/bewijs",
    "/bieb/jaarplan-2026/eigen-project",
    *[f"/bieb/jaarplan-2026/project-{state}" for state in PROJECT_PATHS],
]


def blocked(library, path):
    rest = path.removeprefix("/bieb").strip("/")
    obj = library.unrestrictedTraverse(rest) if rest else library
    return bool(getattr(obj.aq_base, "__ac_local_roles_block__", False)), obj


@pytest.mark.usefixtures("fresh")
class TestOnlyTheCoordinatorShares:
    @pytest.mark.parametrize("path", PATHS)
    @pytest.mark.parametrize("role", STAFF)
    def test_staff_cannot_block_inheritance(self, library, session, role, path):
        response = session(role).post(f"{path}/@sharing", json={"inherit": False})
        assert response.status_code in (401, 403), response.text
        transaction.begin()
        assert blocked(library, path)[0] is False

    @pytest.mark.parametrize("role", STAFF)
    def test_staff_cannot_share_the_library(self, library, session, role):
        response = session(role).post(
            "/bieb/@sharing",
            json={"entries": [{"id": OUTSIDER, "type": "user", "roles": {"Reader": True}}]},
        )
        assert response.status_code in (401, 403), response.text
        transaction.begin()
        assert library.get_local_roles_for_userid(OUTSIDER) == ()
        assert session(role).get("/bieb/@sharing").status_code in (401, 403)

    def test_coordinator_still_completes_the_staff_project(self, library, session):
        attack = session("Owner").post(
            "/bieb/jaarplan-2026/eigen-project/@sharing", json={"inherit": False}
        )
        assert attack.status_code in (401, 403)
        for step in ("start", "evaluate", "adjust"):
            response = session("Editor").post(f"/bieb/jaarplan-2026/eigen-project/@workflow/{step}")
            assert response.status_code == 200, response.text
        response = session("Reviewer").post("/bieb/jaarplan-2026/eigen-project/@workflow/complete")
        assert response.status_code == 200, response.text
        assert session("Auditor").get("/bieb/jaarplan-2026/eigen-project").status_code in (
            200,
            401,  # the plan is a draft: the auditor does not see its projects anyway
        )

    @pytest.mark.parametrize("role", COORDINATORS)
    def test_coordinator_blocks_and_restores_inheritance(self, library, session, role):
        path = "/bieb/jaarplan-2026/project-do"
        response = session(role).post(f"{path}/@sharing", json={"inherit": False})
        assert response.status_code == 204, response.text
        transaction.begin()
        assert blocked(library, path)[0] is True
        response = session(role).post(f"{path}/@sharing", json={"inherit": True})
        assert response.status_code == 204, response.text
        transaction.begin()
        assert blocked(library, path)[0] is False

    @pytest.mark.parametrize("role", COORDINATORS)
    def test_coordinator_shares_the_library(self, library, session, role):
        response = session(role).post(
            "/bieb/@sharing",
            json={"entries": [{"id": OUTSIDER, "type": "user", "roles": {"Editor": True}}]},
        )
        assert response.status_code == 204, response.text
        transaction.begin()
        assert library.get_local_roles_for_userid(OUTSIDER) == ("Editor",)
        with api.env.adopt_roles(["Manager"]):
            library.manage_delLocalRoles([OUTSIDER])
            library.reindexObjectSecurity()
        transaction.commit()
