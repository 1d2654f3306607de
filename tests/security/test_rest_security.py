"""REST: what each role gets back from plone.restapi on bibqual content.

A denial answers 401 for Anonymous and 401/403 for logged-in users (plone.rest
answers 401 where the publisher's permission check fails, 403 where a
service refuses); ``@workflow`` answers 403 to a user who sees the item but
may not take the step, and 400 with the reason for a step the content is not
ready for or that does not leave the current state. Nothing changes on a denial.
"""

from plone import api
from support.content import make_assurance
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.workflows import ROLES
from support.workflows import make_users
from support.workflows import review_state
from support.workflows import set_state
from support.workflows import walk
import pytest
import transaction


INTERNAL = {"Owner", "Contributor", "Editor", "Reader", "Reviewer", "Site Administrator", "Manager"}
STAFF = {"Owner", "Editor", "Reviewer", "Site Administrator", "Manager"}
STAFF_ADD = {"Owner", "Contributor", "Editor", "Reviewer", "Site Administrator", "Manager"}
COORDINATOR = {"Reviewer", "Site Administrator", "Manager"}
ADMINS = {"Site Administrator", "Manager"}

# What each item is; whether an Auditor sees it.
ITEMS = {
    "bieb": True,
    "bieb/jaarplan-2026": True,
    "bieb/jaarplan-2026/project-do": True,
    "bieb/jaarplan-2026/project-act": True,
    "bieb/jaarplan-2026/project-done": True,
    "bieb/jaarplan-2026/project-cancelled": False,
    "bieb/jaarplan-2025": True,
    "bieb/jaarplan-2025/project-closed": True,
    "bieb/jaarplan-2027": False,
    "bieb/jaarplan-2027/project-plan": False,
    "bieb/borging": True,
    "bieb/bewijs-draft": False,
    "bieb/bewijs-released": True,
    "bieb/bewijs-archived": True,
    "bieb/jaarplan-2026/project-do/bewijs-draft": False,
    "bieb/jaarplan-2026/project-do/bewijs-released": True,
    "bieb/jaarplan-2026/project-cancelled/bewijs-released": False,
    "bieb/jaarplan-2027/project-plan/bewijs-released": False,
}


def sees(role, path):
    if role == "Auditor":
        return ITEMS[path]
    return role in INTERNAL


def build(site):
    """The library of the REST tests, committed."""
    library = make_library(site)
    make_users(library)
    closed = make_plan(library, 2025)
    walk(make_project(closed, "project-closed"), ["start"])
    walk(closed, ["adopt", "close"])
    plan = make_plan(library, 2026)
    for state, path in (
        ("do", ["start"]),
        ("act", ["start", "evaluate", "adjust"]),
        ("done", ["start", "evaluate", "adjust", "complete"]),
        ("cancelled", ["cancel"]),
    ):
        walk(make_project(plan, f"project-{state}"), path)
    walk(plan, ["adopt"])
    make_project(make_plan(library, 2027), "project-plan")
    make_assurance(library, "borging")
    for container in (library, plan["project-do"]):
        make_evidence(container, "bewijs-draft")
        walk(make_evidence(container, "bewijs-released"), ["release"])
    walk(make_evidence(library, "bewijs-archived"), ["release", "archive"])
    # released evidence in containers the Auditor does not see
    for container in (plan["project-cancelled"], library["jaarplan-2027"]["project-plan"]):
        walk(make_evidence(container, "bewijs-released"), ["release"])
    transaction.commit()
    return library


@pytest.fixture(scope="class")
def library(site):
    return build(site)


def assert_status(response, role, allowed, ok):
    """``ok`` when allowed; else 401 for Anonymous and 401/403 for a logged-in user."""
    if allowed:
        assert response.status_code == ok, response.text
    elif role == "Anonymous":
        assert response.status_code == 401, response.text
    else:
        assert response.status_code in (401, 403), response.text


def role_ids(roles):
    return [role.replace(" ", "") for role in roles]


@pytest.mark.usefixtures("fresh")
class TestGet:
    @pytest.mark.parametrize("path", list(ITEMS))
    @pytest.mark.parametrize("role", ROLES, ids=role_ids(ROLES))
    def test_get(self, library, session, role, path):
        response = session(role).get(f"/{path}")
        assert_status(response, role, sees(role, path), 200)
        if response.status_code == 200:
            assert response.json()["@id"].endswith(path)
        else:
            assert "Taalcafé" not in response.text

    @pytest.mark.parametrize("role", ROLES, ids=role_ids(ROLES))
    def test_workflow_history_only_for_viewers(self, library, session, role):
        response = session(role).get("/bieb/jaarplan-2027/project-plan/@workflow")
        assert_status(response, role, role in INTERNAL, 200)


@pytest.mark.usefixtures("fresh")
class TestPatch:
    @pytest.mark.parametrize(
        "path, editors",
        [
            ("bieb/jaarplan-2026/project-do", STAFF),
            ("bieb/jaarplan-2026/project-act", STAFF),
            ("bieb/jaarplan-2026/project-done", ADMINS),
            ("bieb/jaarplan-2026/project-cancelled", ADMINS),
            ("bieb/jaarplan-2027/project-plan", STAFF),
            ("bieb/borging", STAFF),
        ],
        ids=["do", "act", "done", "cancelled", "plan-in-draft-plan", "assurance"],
    )
    @pytest.mark.parametrize("role", ROLES, ids=role_ids(ROLES))
    def test_patch_project(self, library, session, role, path, editors):
        item = library.unrestrictedTraverse(path)
        field = "measurable" if item.portal_type == "SmartProject" else "agreement"
        before = getattr(item, field)
        response = session(role).patch(f"/{path}", json={field: f"Gewijzigd door {role}"})
        assert_status(response, role, role in editors, 204)
        transaction.begin()
        if role in editors:
            assert getattr(item, field) == f"Gewijzigd door {role}"
        else:
            assert getattr(item, field) == before

    @pytest.mark.parametrize(
        "path, editors",
        [
            ("bieb", COORDINATOR),
            ("bieb/jaarplan-2027", STAFF),
            ("bieb/jaarplan-2026", COORDINATOR),
            ("bieb/jaarplan-2025", ADMINS),
            ("bieb/bewijs-draft", STAFF),
            ("bieb/bewijs-released", COORDINATOR),
            ("bieb/bewijs-archived", ADMINS),
        ],
        ids=[
            "library",
            "draft-plan",
            "adopted-plan",
            "closed-plan",
            "draft-evidence",
            "released-evidence",
            "archived-evidence",
        ],
    )
    @pytest.mark.parametrize("role", ROLES, ids=role_ids(ROLES))
    def test_patch_description(self, library, session, role, path, editors):
        item = library.unrestrictedTraverse(path)
        before = item.Description()
        response = session(role).patch(f"/{path}", json={"description": f"Door {role}"})
        assert_status(response, role, role in editors, 204)
        transaction.begin()
        assert item.Description() == (f"Door {role}" if role in editors else before)


@pytest.mark.usefixtures("fresh")
class TestAdd:
    EVIDENCE = {
        "@type": "Evidence",
        "title": "Verslag",
        "remote_url": "https://example.org/verslag.pdf",
        "document_type": "evaluatie",
    }

    @pytest.mark.parametrize(
        "path, adders",
        [
            ("bieb/jaarplan-2026/project-do", STAFF_ADD),
            ("bieb/jaarplan-2026/project-done", COORDINATOR),
            ("bieb/jaarplan-2026/project-cancelled", ADMINS),
            ("bieb/borging", STAFF_ADD),
            ("bieb", STAFF_ADD),
        ],
        ids=["do-project", "done-project", "cancelled-project", "assurance", "library"],
    )
    @pytest.mark.parametrize("role", ROLES, ids=role_ids(ROLES))
    def test_add_evidence(self, library, session, role, path, adders):
        container = library.unrestrictedTraverse(path)
        before = set(container.objectIds())
        response = session(role).post(f"/{path}", json=self.EVIDENCE)
        assert_status(response, role, role in adders, 201)
        transaction.begin()
        added = set(container.objectIds()) - before
        assert len(added) == (1 if role in adders else 0)
        if added:
            item = container[added.pop()]
            assert review_state(item) == "draft"

    @pytest.mark.parametrize(
        "path, adders",
        [
            ("bieb/jaarplan-2027", STAFF_ADD),
            ("bieb/jaarplan-2026", STAFF_ADD),
            ("bieb/jaarplan-2025", ADMINS),
        ],
        ids=["draft-plan", "adopted-plan", "closed-plan"],
    )
    @pytest.mark.parametrize("role", ROLES, ids=role_ids(ROLES))
    def test_add_project(self, library, session, role, path, adders):
        plan = library.unrestrictedTraverse(path)
        before = set(plan.objectIds())
        response = session(role).post(
            f"/{path}",
            json={
                "@type": "SmartProject",
                "title": "Leesclub",
                "specific": "Een leesclub voor jongeren.",
                "deadline": "2026-12-01",
            },
        )
        assert_status(response, role, role in adders, 201)
        transaction.begin()
        assert len(set(plan.objectIds()) - before) == (1 if role in adders else 0)

    @pytest.mark.parametrize("role", ROLES, ids=role_ids(ROLES))
    def test_add_year_plan(self, library, session, role):
        year = 2030 + ROLES.index(role)
        response = session(role).post(
            "/bieb", json={"@type": "YearPlan", "title": f"Jaarplan {year}", "year": year}
        )
        assert_status(response, role, role in STAFF_ADD, 201)
        transaction.begin()
        found = [p for p in library.objectValues() if getattr(p, "year", None) == year]
        assert len(found) == (1 if role in STAFF_ADD else 0)


@pytest.mark.usefixtures("fresh")
class TestDelete:
    @pytest.mark.parametrize(
        "state, deleters",
        [("plan", STAFF), ("do", COORDINATOR), ("done", ADMINS), ("cancelled", COORDINATOR)],
    )
    @pytest.mark.parametrize("role", ROLES, ids=role_ids(ROLES))
    def test_delete_project(self, library, session, role, state, deleters):
        plan = library["jaarplan-2026"]
        item_id = f"weg-{state}-{role.replace(' ', '-').lower()}"
        set_state(make_project(plan, item_id), state)
        transaction.commit()
        response = session(role).delete(f"/bieb/jaarplan-2026/{item_id}")
        assert_status(response, role, role in deleters, 204)
        transaction.begin()
        assert (item_id in plan.objectIds()) is (role not in deleters)

    @pytest.mark.parametrize(
        "state, deleters",
        [("draft", STAFF), ("released", COORDINATOR), ("archived", COORDINATOR)],
    )
    @pytest.mark.parametrize("role", ROLES, ids=role_ids(ROLES))
    def test_delete_evidence(self, library, session, role, state, deleters):
        item_id = f"weg-{state}-{role.replace(' ', '-').lower()}"
        set_state(make_evidence(library, item_id), state)
        transaction.commit()
        response = session(role).delete(f"/bieb/{item_id}")
        assert_status(response, role, role in deleters, 204)
        transaction.begin()
        assert (item_id in library.objectIds()) is (role not in deleters)


@pytest.mark.usefixtures("fresh")
class TestWorkflowService:
    CASES = {
        # step: (path, from state, to state, who may)
        "evaluate": ("bieb/jaarplan-2026/project-do", "do", "check", STAFF),
        "cancel": ("bieb/jaarplan-2026/project-do", "do", "cancelled", STAFF),
        "complete": ("bieb/jaarplan-2026/project-act", "act", "done", COORDINATOR),
        "replan": ("bieb/jaarplan-2026/project-act", "act", "plan", STAFF),
        "reopen": ("bieb/jaarplan-2026/project-done", "done", "plan", COORDINATOR),
        "new_cycle": ("bieb/borging", "act", "plan", STAFF),
        "adopt": ("bieb/jaarplan-2027", "draft", "adopted", COORDINATOR),
        "close": ("bieb/jaarplan-2026", "adopted", "closed", COORDINATOR),
        "release": ("bieb/bewijs-draft", "draft", "released", COORDINATOR),
        "archive": ("bieb/bewijs-released", "released", "archived", COORDINATOR),
    }

    @pytest.mark.parametrize("step", list(CASES))
    @pytest.mark.parametrize("role", ROLES, ids=role_ids(ROLES))
    def test_step(self, library, session, role, step):
        path, source, target, takers = self.CASES[step]
        item = library.unrestrictedTraverse(path)
        set_state(item, source)
        transaction.commit()
        visible = role in INTERNAL or (role == "Auditor" and source != "draft")
        response = session(role).post(f"/{path}/@workflow/{step}", json={"comment": role})
        if role in takers:
            assert response.status_code == 200, response.text
            assert response.json()["review_state"] == target
        elif visible:
            assert response.status_code == 403, response.text
            assert response.json()["error"]["message"]
        else:
            assert_status(response, role, False, 200)
        transaction.begin()
        assert review_state(item) == (target if role in takers else source)

    @pytest.mark.parametrize("role", ["Editor", "Manager"])
    def test_start_without_deadline(self, library, session, role):
        project = library["jaarplan-2027"]["project-plan"]
        project.deadline = None
        transaction.commit()
        response = session(role).post("/bieb/jaarplan-2027/project-plan/@workflow/start")
        assert response.status_code == 400, response.text
        assert "deadline" in response.json()["error"]["message"]
        transaction.begin()
        assert review_state(project) == "plan"

    def test_start_without_target(self, library, session):
        project = library["jaarplan-2027"]["project-plan"]
        project.deadline = project.start
        project.indicators = [{"name": "Leden", "target": None, "actual": None, "unit": ""}]
        transaction.commit()
        response = session("Owner").post("/bieb/jaarplan-2027/project-plan/@workflow/start")
        assert response.status_code == 400, response.text
        assert "indicator with a target" in response.json()["error"]["message"]
        transaction.begin()
        assert review_state(project) == "plan"

    def test_adjust_without_evaluation(self, library, session):
        project = library["jaarplan-2026"]["project-do"]
        set_state(project, "check")
        project.evaluation = ""
        transaction.commit()
        response = session("Editor").post("/bieb/jaarplan-2026/project-do/@workflow/adjust")
        assert response.status_code == 400, response.text
        assert "evaluation" in response.json()["error"]["message"]
        transaction.begin()
        assert review_state(project) == "check"

    def test_assurance_adjust_without_evaluation(self, library, session):
        item = library["borging"]
        set_state(item, "check")
        item.evaluation = None
        transaction.commit()
        response = session("Editor").post(
            "/bieb/borging/@workflow/adjust", json={"comment": "Een opmerking."}
        )
        assert response.status_code == 400, response.text
        assert "evaluation of this cycle" in response.json()["error"]["message"]
        transaction.begin()
        assert review_state(item) == "check"

    def test_assurance_adjust_with_evaluation_and_no_comment(self, library, session):
        """Volto's workflow menu sends no comment: the evaluation field is enough."""
        item = library["borging"]
        set_state(item, "check")
        item.evaluation = "Het plan is geëvalueerd."
        transaction.commit()
        response = session("Editor").post("/bieb/borging/@workflow/adjust", json={})
        assert response.status_code == 200, response.text
        transaction.begin()
        assert review_state(item) == "act"

    def test_new_cycle_over_rest(self, library, session):
        item = library["borging"]
        set_state(item, "act")
        cycle = item.cycle or 1
        transaction.commit()
        response = session("Editor").post("/bieb/borging/@workflow/new_cycle", json={})
        assert response.status_code == 200, response.text
        transaction.begin()
        assert item.cycle == cycle + 1
        data = session("Editor").get("/bieb/borging").json()
        assert data["cycle"] == cycle + 1

    @pytest.mark.parametrize(
        "path, state, step",
        [
            ("bieb/jaarplan-2026/project-done", "done", "start"),
            ("bieb/jaarplan-2026/project-do", "do", "complete"),
            ("bieb/jaarplan-2026/project-do", "do", "fly"),
            ("bieb/jaarplan-2027", "draft", "close"),
            ("bieb/bewijs-archived", "archived", "release"),
        ],
    )
    @pytest.mark.parametrize("role", ["Editor", "Reviewer", "Manager"])
    def test_step_not_possible_from_state(self, library, session, role, path, state, step):
        item = library.unrestrictedTraverse(path)
        set_state(item, state)
        transaction.commit()
        response = session(role).post(f"/{path}/@workflow/{step}")
        assert response.status_code == 400, response.text
        message = response.json()["error"]["message"]
        assert step in message and state in message
        transaction.begin()
        assert review_state(item) == state

    def test_refused_step_stores_nothing(self, library, session):
        """A 403 leaves neither a state change nor a history entry."""
        project = library["jaarplan-2026"]["project-act"]
        set_state(project, "act")
        transaction.commit()
        wf_tool = api.portal.get_tool("portal_workflow")
        with api.env.adopt_roles(["Manager"]):
            before = len(wf_tool.getInfoFor(project, "review_history"))
        response = session("Editor").post(
            "/bieb/jaarplan-2026/project-act/@workflow/complete", json={"comment": "klaar!"}
        )
        assert response.status_code == 403
        transaction.begin()
        with api.env.adopt_roles(["Manager"]):
            assert len(wf_tool.getInfoFor(project, "review_history")) == before


BIBQUAL_TYPES = ["Library", "YearPlan", "SmartProject", "AssuranceProject", "Evidence"]


@pytest.mark.usefixtures("fresh")
class TestSearch:
    def found(self, session, role, **query):
        response = session(role).get(
            "/@search", params={"portal_type": BIBQUAL_TYPES, "b_size": 200, **query}
        )
        assert response.status_code == 200, response.text
        base = session("admin")._base_url
        return {item["@id"].removeprefix(base) for item in response.json()["items"]}

    def test_admin_finds_everything(self, library, session):
        assert self.found(session, "admin") == set(ITEMS)

    @pytest.mark.parametrize("role", ROLES, ids=role_ids(ROLES))
    def test_search_per_role(self, library, session, role):
        assert self.found(session, role) == {path for path in ITEMS if sees(role, path)}

    @pytest.mark.parametrize(
        "query",
        [
            {},
            {"SearchableText": "Taalcafé"},
            {"SearchableText": "Jaarverslag"},
            {"path": "/plone/bieb"},
            {"review_state": ["released", "adopted", "internal", "do"]},
        ],
        ids=["all", "project-text", "evidence-text", "path", "states"],
    )
    def test_anonymous_finds_nothing(self, library, session, query):
        assert self.found(session, "Anonymous", **query) == set()

    def test_anonymous_plain_search(self, library, session):
        response = session("Anonymous").get("/@search", params={"SearchableText": "Taalcafé"})
        assert response.json()["items_total"] == 0

    def test_auditor_finds_released_evidence_only(self, library, session):
        assert self.found(session, "Auditor", portal_type="Evidence") == {
            "bieb/bewijs-released",
            "bieb/bewijs-archived",
            "bieb/jaarplan-2026/project-do/bewijs-released",
        }

    def test_auditor_finds_adopted_and_closed_plans(self, library, session):
        assert self.found(session, "Auditor", portal_type="YearPlan") == {
            "bieb/jaarplan-2026",
            "bieb/jaarplan-2025",
        }

    def test_auditor_finds_no_cancelled_or_draft_plan_projects(self, library, session):
        assert self.found(session, "Auditor", portal_type="SmartProject") == {
            "bieb/jaarplan-2026/project-do",
            "bieb/jaarplan-2026/project-act",
            "bieb/jaarplan-2026/project-done",
            "bieb/jaarplan-2025/project-closed",
        }

    @pytest.mark.parametrize("role", ["Anonymous", "Authenticated"])
    def test_outsiders_get_nothing_elsewhere(self, library, session, role):
        """Other ways to list content show no bibqual item either."""
        http = session(role)
        responses = [
            http.get("/@navigation", params={"expand.navigation.depth": 3}),
            http.get("/@vocabularies/plone.app.vocabularies.Catalog", params={"title": "Taalcafé"}),
            http.post(
                "/@querystring-search",
                json={
                    "query": [
                        {
                            "i": "portal_type",
                            "o": "plone.app.querystring.operation.selection.any",
                            "v": BIBQUAL_TYPES,
                        }
                    ]
                },
                headers={"Content-Type": "application/json"},
            ),
        ]
        for response in responses:
            assert response.status_code == 200, response.text
            assert "/bieb" not in response.text
            assert "Taalcafé" not in response.text
