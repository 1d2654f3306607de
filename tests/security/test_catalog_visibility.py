"""What each role finds in the catalog, per type and state, and how steps change it.

Searches run as a logged-in user of each role (local roles on the library,
Site Administrator and Manager global); the catalog must show exactly what
the user may view, right after each workflow step.
"""

from plone import api
from support.content import make_assurance
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.workflows import EVIDENCE_PATHS
from support.workflows import PROJECT_PATHS
from support.workflows import ROLES
from support.workflows import as_role
from support.workflows import make_users
from support.workflows import walk
import pytest


INTERNAL = {"Owner", "Contributor", "Editor", "Reader", "Reviewer", "Site Administrator", "Manager"}
BIBQUAL_TYPES = ["Library", "YearPlan", "SmartProject", "AssuranceProject", "Evidence"]


def auditor_sees(key):
    """What the Auditor finds: key is (kind, plan state or None, state)."""
    kind, plan_state, state = key
    if kind == "library" or kind == "assurance":
        return True
    if kind == "plan":
        return state in ("adopted", "closed")
    if kind == "project":
        return plan_state in ("adopted", "closed") and state != "cancelled"
    if kind == "evidence":
        # plan_state holds the container of evidence inside a project
        hidden_container = plan_state in ("draft-plan-project", "cancelled-project")
        return state in ("released", "archived") and not hidden_container
    raise AssertionError(key)


def expected_visible(role, key):
    if role == "Auditor":
        return auditor_sees(key)
    return role in INTERNAL


@pytest.fixture(scope="class")
def items(portal_class):
    """``{(kind, plan state, state): obj}`` for every kind and state."""
    library = make_library(portal_class)
    make_users(library)
    result = {("library", None, "internal"): library}
    for year, (plan_state, plan_path) in enumerate(
        (("draft", ()), ("adopted", ("adopt",)), ("closed", ("adopt", "close"))), start=2025
    ):
        plan = make_plan(library, year)
        for state, path in PROJECT_PATHS.items():
            project = make_project(plan, f"project-{state}")
            walk(project, path)
            result["project", plan_state, state] = project
        walk(plan, plan_path)
        result["plan", None, plan_state] = plan
    for state, path in (("plan", ()), ("do", ("start",)), ("act", ("start", "evaluate"))):
        item = make_assurance(library, f"borging-{state}")
        walk(item, path)
        result["assurance", None, state] = item
    containers = {
        None: library,
        "adopted-plan-project": result["project", "adopted", "do"],
        "draft-plan-project": result["project", "draft", "do"],
        "cancelled-project": result["project", "adopted", "cancelled"],
    }
    for where, container in containers.items():
        for state, path in EVIDENCE_PATHS.items():
            item = make_evidence(container, f"bewijs-{state}")
            walk(item, path)
            result["evidence", where, state] = item
    return result


def search(role, **query):
    catalog = api.portal.get_tool("portal_catalog")
    with as_role(role):
        return {brain.UID for brain in catalog.searchResults(**query)}


KEYS = (
    [("library", None, "internal")]
    + [("plan", None, s) for s in ("draft", "adopted", "closed")]
    + [("project", p, s) for p in ("draft", "adopted", "closed") for s in PROJECT_PATHS]
    + [("assurance", None, s) for s in ("plan", "do", "act")]
    + [
        ("evidence", where, s)
        for where in (None, "adopted-plan-project", "draft-plan-project", "cancelled-project")
        for s in EVIDENCE_PATHS
    ]
)


def key_id(key):
    kind, plan_state, state = key
    return f"{kind}-{plan_state}-{state}" if plan_state else f"{kind}-{state}"


class TestVisibilityMatrix:
    @pytest.mark.parametrize("role", ROLES, ids=[r.replace(" ", "") for r in ROLES])
    def test_whole_listing(self, items, role):
        """One search for all bibqual content finds exactly the items ``role`` may see
        (every kind x state x container of ``KEYS``)."""
        found = search(role, portal_type=BIBQUAL_TYPES)
        wrong = sorted(
            key_id(key) + (" (hidden but found)" if items[key].UID() in found else " (missing)")
            for key in KEYS
            if (items[key].UID() in found) is not expected_visible(role, key)
        )
        assert wrong == []
        assert found == {items[key].UID() for key in KEYS if expected_visible(role, key)}

    @pytest.mark.parametrize("role", ["Anonymous", "Authenticated"])
    @pytest.mark.parametrize(
        "query",
        [
            {"SearchableText": "Taalcafé"},
            {"SearchableText": "Jaarverslag"},
            {"review_state": "released"},
            {"path": "/plone/bieb"},
        ],
        ids=["project-text", "evidence-text", "released", "path"],
    )
    def test_outsiders_find_nothing(self, items, role, query):
        assert search(role, **query) == set()

    def test_auditor_by_state(self, items):
        assert search("Auditor", portal_type="Evidence") == {
            items["evidence", where, state].UID()
            for where in (None, "adopted-plan-project")
            for state in ("released", "archived")
        }
        assert search("Auditor", portal_type="YearPlan") == {
            items["plan", None, "adopted"].UID(),
            items["plan", None, "closed"].UID(),
        }
        assert search("Auditor", review_state=["draft", "cancelled"]) == set()


class TestStepsUpdateTheCatalog:
    """No explicit reindexing here: the workflow steps must keep the catalog right."""

    @pytest.fixture
    def tree(self, library, year_plan, project):
        make_users(library)
        return library, year_plan, project

    def test_plan_adopted_and_reopened(self, tree):
        library, plan, project = tree
        assert search("Auditor", UID=project.UID()) == set()
        walk(plan, ["adopt"])
        assert search("Auditor", UID=project.UID()) == {project.UID()}
        assert search("Auditor", UID=plan.UID()) == {plan.UID()}
        walk(plan, ["reopen"])
        assert search("Auditor", UID=project.UID()) == set()
        assert search("Auditor", UID=plan.UID()) == set()

    def test_project_cancelled_and_reopened(self, tree):
        library, plan, project = tree
        walk(plan, ["adopt"])
        walk(project, ["cancel"])
        assert search("Auditor", UID=project.UID()) == set()
        assert search("Reader", UID=project.UID()) == {project.UID()}
        walk(project, ["reopen"])
        assert search("Auditor", UID=project.UID()) == {project.UID()}

    def test_evidence_released_and_retracted(self, tree):
        library, plan, project = tree
        walk(plan, ["adopt"])
        evidence = make_evidence(project, "bewijs")
        assert search("Auditor", UID=evidence.UID()) == set()
        walk(evidence, ["release"])
        assert search("Auditor", UID=evidence.UID()) == {evidence.UID()}
        walk(evidence, ["archive"])
        assert search("Auditor", UID=evidence.UID()) == {evidence.UID()}
        walk(evidence, ["retract"])
        assert search("Auditor", UID=evidence.UID()) == set()

    def test_released_evidence_follows_its_project(self, tree):
        """Released evidence of a draft plan's project shows up when the plan is adopted,
        and goes when its project is cancelled."""
        library, plan, project = tree
        evidence = make_evidence(project, "bewijs")
        walk(evidence, ["release"])
        assert search("Auditor", UID=evidence.UID()) == set()
        walk(plan, ["adopt"])
        assert search("Auditor", UID=evidence.UID()) == {evidence.UID()}
        walk(project, ["cancel"])
        assert search("Auditor", UID=evidence.UID()) == set()
        assert search("Reader", UID=evidence.UID()) == {evidence.UID()}
        walk(project, ["reopen"])
        assert search("Auditor", UID=evidence.UID()) == {evidence.UID()}

    def test_project_added_to_adopted_plan(self, tree):
        library, plan, project = tree
        walk(plan, ["adopt"])
        later = make_project(plan, "later")
        assert search("Auditor", UID=later.UID()) == {later.UID()}
