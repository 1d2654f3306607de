"""SmartProject (bibqual_project_workflow): who may do what in which state.

Staff (Owner, Editor) work on a project in plan/do/check/act; the quality
coordinator (Reviewer) and up complete and reopen it; a done project is frozen
for everybody but the site administrators. An Auditor only reads, and only the
projects of adopted or closed year plans that are not cancelled.
"""

from plone import api
from plone.api.exc import InvalidParameterError
from Products.CMFCore.WorkflowCore import WorkflowException
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.workflows import PROJECT_PATHS
from support.workflows import ROLES
from support.workflows import YEARPLAN_PATHS
from support.workflows import allowed
from support.workflows import as_role
from support.workflows import case_id
from support.workflows import make_users
from support.workflows import matrix_cases
from support.workflows import parse_grid
from support.workflows import review_state
from support.workflows import set_state
from support.workflows import walk
import pytest


# Project in an adopted year plan.
#                 Anon Auth Ownr Cont Edit Read Revw SAdm Mngr Audt
EXPECTED = {
    "plan": """
    view             -    -    Y    Y    Y    Y    Y    Y    Y    Y
    access           -    -    Y    Y    Y    Y    Y    Y    Y    Y
    modify           -    -    Y    -    Y    -    Y    Y    Y    -
    delete           -    -    Y    -    Y    -    Y    Y    Y    -
    add_evidence     -    -    Y    Y    Y    -    Y    Y    Y    -
    review           -    -    -    -    -    -    Y    Y    Y    -
    """,
    "do": """
    view             -    -    Y    Y    Y    Y    Y    Y    Y    Y
    access           -    -    Y    Y    Y    Y    Y    Y    Y    Y
    modify           -    -    Y    -    Y    -    Y    Y    Y    -
    delete           -    -    -    -    -    -    Y    Y    Y    -
    add_evidence     -    -    Y    Y    Y    -    Y    Y    Y    -
    review           -    -    -    -    -    -    Y    Y    Y    -
    """,
    "check": """
    view             -    -    Y    Y    Y    Y    Y    Y    Y    Y
    access           -    -    Y    Y    Y    Y    Y    Y    Y    Y
    modify           -    -    Y    -    Y    -    Y    Y    Y    -
    delete           -    -    -    -    -    -    Y    Y    Y    -
    add_evidence     -    -    Y    Y    Y    -    Y    Y    Y    -
    review           -    -    -    -    -    -    Y    Y    Y    -
    """,
    "act": """
    view             -    -    Y    Y    Y    Y    Y    Y    Y    Y
    access           -    -    Y    Y    Y    Y    Y    Y    Y    Y
    modify           -    -    Y    -    Y    -    Y    Y    Y    -
    delete           -    -    -    -    -    -    Y    Y    Y    -
    add_evidence     -    -    Y    Y    Y    -    Y    Y    Y    -
    review           -    -    -    -    -    -    Y    Y    Y    -
    """,
    "done": """
    view             -    -    Y    Y    Y    Y    Y    Y    Y    Y
    access           -    -    Y    Y    Y    Y    Y    Y    Y    Y
    modify           -    -    -    -    -    -    -    Y    Y    -
    delete           -    -    -    -    -    -    -    Y    Y    -
    add_evidence     -    -    -    -    -    -    Y    Y    Y    -
    review           -    -    -    -    -    -    Y    Y    Y    -
    """,
    "cancelled": """
    view             -    -    Y    Y    Y    Y    Y    Y    Y    -
    access           -    -    Y    Y    Y    Y    Y    Y    Y    -
    modify           -    -    -    -    -    -    -    Y    Y    -
    delete           -    -    -    -    -    -    Y    Y    Y    -
    add_evidence     -    -    -    -    -    -    -    Y    Y    -
    review           -    -    -    -    -    -    Y    Y    Y    -
    """,
}

# Who sees a project, by the state of its year plan and its own state.
INTERNAL = {"Owner", "Contributor", "Editor", "Reader", "Reviewer", "Site Administrator", "Manager"}
AUDITOR_SEES = {("draft", state): False for state in PROJECT_PATHS} | {
    (plan, state): state != "cancelled" for plan in ("adopted", "closed") for state in PROJECT_PATHS
}

# Who may take which step (transition@from-state).
#                 Anon Auth Ownr Cont Edit Read Revw SAdm Mngr Audt
TRANSITIONS = parse_grid(
    """
    start@plan       -    -    Y    -    Y    -    Y    Y    Y    -
    evaluate@do      -    -    Y    -    Y    -    Y    Y    Y    -
    adjust@check     -    -    Y    -    Y    -    Y    Y    Y    -
    complete@act     -    -    -    -    -    -    Y    Y    Y    -
    replan@act       -    -    Y    -    Y    -    Y    Y    Y    -
    cancel@plan      -    -    Y    -    Y    -    Y    Y    Y    -
    cancel@do        -    -    Y    -    Y    -    Y    Y    Y    -
    cancel@check     -    -    Y    -    Y    -    Y    Y    Y    -
    cancel@act       -    -    Y    -    Y    -    Y    Y    Y    -
    reopen@done      -    -    -    -    -    -    Y    Y    Y    -
    reopen@cancelled -    -    -    -    -    -    Y    Y    Y    -
    """
)
TARGET = {
    "start": "do",
    "evaluate": "check",
    "adjust": "act",
    "complete": "done",
    "replan": "plan",
    "cancel": "cancelled",
    "reopen": "plan",
}
TRANSITION_CASES = [
    (step, role, value) for step, row in TRANSITIONS.items() for role, value in row.items()
]
# Steps that do not leave the given state (never offered, for anyone).
IMPOSSIBLE = [
    ("plan", "evaluate"),
    ("plan", "complete"),
    ("plan", "reopen"),
    ("do", "start"),
    ("do", "adjust"),
    ("check", "complete"),
    ("act", "start"),
    ("done", "cancel"),
    ("done", "start"),
    ("cancelled", "start"),
    ("cancelled", "complete"),
]


@pytest.fixture(scope="class")
def projects(portal_class):
    """Projects in every state, in a draft, an adopted and a closed year plan."""
    library = make_library(portal_class)
    make_users(library)
    tree = {}
    for year, plan_state in ((2025, "closed"), (2026, "adopted"), (2027, "draft")):
        plan = make_plan(library, year)
        for state, path in PROJECT_PATHS.items():
            project = make_project(plan, f"project-{state}")
            walk(project, path)
            assert review_state(project) == state
            tree[plan_state, state] = project
        walk(plan, YEARPLAN_PATHS[plan_state])
        assert review_state(plan) == plan_state
    return tree


class TestPermissionMatrix:
    @pytest.mark.parametrize("case", matrix_cases(EXPECTED), ids=case_id)
    def test_permission(self, projects, case):
        state, permission, role, expected = case
        assert allowed(role, permission, projects["adopted", state]) is expected

    @pytest.mark.parametrize("permission", ["view", "access"])
    @pytest.mark.parametrize("state", list(PROJECT_PATHS))
    @pytest.mark.parametrize("plan_state", ["draft", "closed"])
    @pytest.mark.parametrize("role", ROLES)
    def test_view_by_plan_state(self, projects, role, plan_state, state, permission):
        """Only the Auditor's view depends on the plan: adopted/closed, not cancelled.

        Projects of the adopted plan are checked in full by ``test_permission``."""
        if role == "Auditor":
            expected = AUDITOR_SEES[plan_state, state]
        else:
            expected = role in INTERNAL
        assert allowed(role, permission, projects[plan_state, state]) is expected

    def test_auditor_cannot_open_project_of_draft_plan(self, projects):
        from AccessControl import Unauthorized

        project = projects["draft", "do"]
        path = "/".join(project.getPhysicalPath())
        with as_role("Auditor"), pytest.raises(Unauthorized):
            project.unrestrictedTraverse("/").restrictedTraverse(path)

    def test_auditor_opens_project_of_adopted_plan(self, projects):
        project = projects["adopted", "do"]
        path = "/".join(project.getPhysicalPath())
        with as_role("Auditor"):
            found = project.unrestrictedTraverse("/").restrictedTraverse(path)
            assert found.Title() == "Taalcafé"

    def test_adopting_plan_lets_auditor_see_its_projects(self, projects):
        """The plan's step changes what its existing projects show the Auditor."""
        plan = projects["draft", "plan"].__parent__
        assert not allowed("Auditor", "view", projects["draft", "do"])
        walk(plan, ["adopt"])
        try:
            assert allowed("Auditor", "view", projects["draft", "do"])
            assert not allowed("Auditor", "view", projects["draft", "cancelled"])
        finally:
            walk(plan, ["reopen"])
        assert not allowed("Auditor", "view", projects["draft", "do"])


@pytest.fixture(scope="class")
def project(portal_class):
    """One project in an adopted plan (the Auditor can see it), for the steps."""
    library = make_library(portal_class)
    make_users(library)
    plan = make_plan(library)
    walk(plan, ["adopt"])
    return make_project(plan, "project")


class TestTransitions:
    @pytest.mark.parametrize(
        "step, role, expected",
        TRANSITION_CASES,
        ids=[f"{s}-{r.replace(' ', '')}-{'yes' if v else 'no'}" for s, r, v in TRANSITION_CASES],
    )
    def test_transition(self, project, step, role, expected):
        transition, source = step.split("@")
        set_state(project, source)
        if expected:
            with as_role(role):
                api.content.transition(obj=project, transition=transition, comment="ok")
            assert review_state(project) == TARGET[transition]
        else:
            with as_role(role), pytest.raises((InvalidParameterError, WorkflowException)):
                api.content.transition(obj=project, transition=transition)
            assert review_state(project) == source

    @pytest.mark.parametrize("state, transition", IMPOSSIBLE)
    def test_impossible_step(self, project, state, transition):
        set_state(project, state)
        with as_role("Manager"), pytest.raises(InvalidParameterError):
            api.content.transition(obj=project, transition=transition)
        assert review_state(project) == state

    @pytest.mark.parametrize("state", list(PROJECT_PATHS))
    def test_offered_steps_per_state(self, project, state):
        """The state menu offers a Manager exactly the contract's exits."""
        exits = {
            "plan": {"start", "cancel"},
            "do": {"evaluate", "cancel"},
            "check": {"adjust", "cancel"},
            "act": {"complete", "replan", "cancel"},
            "done": {"reopen"},
            "cancelled": {"reopen"},
        }
        set_state(project, state)
        wf_tool = api.portal.get_tool("portal_workflow")
        with as_role("Manager"):
            offered = {t["id"] for t in wf_tool.getTransitionsFor(project)}
        assert offered == exits[state]

    @pytest.mark.parametrize("role", ROLES)
    def test_steps_offered_in_act(self, project, role):
        """What the state menu shows each role on a project in act."""
        expected = {
            "Owner": {"replan", "cancel"},
            "Editor": {"replan", "cancel"},
            "Reviewer": {"complete", "replan", "cancel"},
            "Site Administrator": {"complete", "replan", "cancel"},
            "Manager": {"complete", "replan", "cancel"},
        }.get(role, set())
        set_state(project, "act")
        wf_tool = api.portal.get_tool("portal_workflow")
        with as_role(role):
            offered = {t["id"] for t in wf_tool.getTransitionsFor(project)}
        assert offered == expected
