"""YearPlan (bibqual_yearplan_workflow): draft, adopted by the coordinator, closed.

Staff write a draft plan and add projects to draft and adopted plans; only the
quality coordinator and up adopt, close and reopen; a closed plan is frozen for
everybody but the site administrators. An Auditor reads adopted and closed
plans, never drafts.
"""

from plone import api
from plone.api.exc import InvalidParameterError
from Products.CMFCore.WorkflowCore import WorkflowException
from support.content import make_library
from support.content import make_plan
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


#                 Anon Auth Ownr Cont Edit Read Revw SAdm Mngr Audt
EXPECTED = {
    "draft": """
    view             -    -    Y    Y    Y    Y    Y    Y    Y    -
    access           -    -    Y    Y    Y    Y    Y    Y    Y    -
    modify           -    -    Y    -    Y    -    Y    Y    Y    -
    delete           -    -    Y    -    Y    -    Y    Y    Y    -
    add_project      -    -    Y    Y    Y    -    Y    Y    Y    -
    review           -    -    -    -    -    -    Y    Y    Y    -
    """,
    "adopted": """
    view             -    -    Y    Y    Y    Y    Y    Y    Y    Y
    access           -    -    Y    Y    Y    Y    Y    Y    Y    Y
    modify           -    -    -    -    -    -    Y    Y    Y    -
    delete           -    -    -    -    -    -    -    Y    Y    -
    add_project      -    -    Y    Y    Y    -    Y    Y    Y    -
    review           -    -    -    -    -    -    Y    Y    Y    -
    """,
    "closed": """
    view             -    -    Y    Y    Y    Y    Y    Y    Y    Y
    access           -    -    Y    Y    Y    Y    Y    Y    Y    Y
    modify           -    -    -    -    -    -    -    Y    Y    -
    delete           -    -    -    -    -    -    -    Y    Y    -
    add_project      -    -    -    -    -    -    -    Y    Y    -
    review           -    -    -    -    -    -    Y    Y    Y    -
    """,
}

#                 Anon Auth Ownr Cont Edit Read Revw SAdm Mngr Audt
TRANSITIONS = parse_grid(
    """
    adopt@draft      -    -    -    -    -    -    Y    Y    Y    -
    close@adopted    -    -    -    -    -    -    Y    Y    Y    -
    reopen@adopted   -    -    -    -    -    -    Y    Y    Y    -
    reopen@closed    -    -    -    -    -    -    Y    Y    Y    -
    """
)
TARGET = {"adopt": "adopted", "close": "closed", "reopen": "draft"}
TRANSITION_CASES = [
    (step, role, value) for step, row in TRANSITIONS.items() for role, value in row.items()
]
IMPOSSIBLE = [("draft", "close"), ("draft", "reopen"), ("adopted", "adopt"), ("closed", "adopt")]


@pytest.fixture(scope="class")
def plans(portal_class):
    library = make_library(portal_class)
    make_users(library)
    result = {}
    for year, (state, path) in enumerate(YEARPLAN_PATHS.items(), start=2024):
        plan = make_plan(library, year)
        walk(plan, path)
        assert review_state(plan) == state
        result[state] = plan
    return result


@pytest.fixture(scope="class")
def plan(portal_class):
    library = make_library(portal_class)
    make_users(library)
    return make_plan(library)


class TestPermissionMatrix:
    @pytest.mark.parametrize("case", matrix_cases(EXPECTED), ids=case_id)
    def test_permission(self, plans, case):
        state, permission, role, expected = case
        assert allowed(role, permission, plans[state]) is expected


class TestTransitions:
    @pytest.mark.parametrize(
        "step, role, expected",
        TRANSITION_CASES,
        ids=[f"{s}-{r.replace(' ', '')}-{'yes' if v else 'no'}" for s, r, v in TRANSITION_CASES],
    )
    def test_transition(self, plan, step, role, expected):
        transition, source = step.split("@")
        set_state(plan, source)
        if expected:
            with as_role(role):
                api.content.transition(obj=plan, transition=transition)
            assert review_state(plan) == TARGET[transition]
        else:
            with as_role(role), pytest.raises((InvalidParameterError, WorkflowException)):
                api.content.transition(obj=plan, transition=transition)
            assert review_state(plan) == source

    @pytest.mark.parametrize("state, transition", IMPOSSIBLE)
    def test_impossible_step(self, plan, state, transition):
        set_state(plan, state)
        with as_role("Manager"), pytest.raises(InvalidParameterError):
            api.content.transition(obj=plan, transition=transition)
        assert review_state(plan) == state

    @pytest.mark.parametrize(
        "state, exits",
        [("draft", {"adopt"}), ("adopted", {"close", "reopen"}), ("closed", {"reopen"})],
    )
    def test_offered_steps_per_state(self, plan, state, exits):
        set_state(plan, state)
        wf_tool = api.portal.get_tool("portal_workflow")
        with as_role("Manager"):
            assert {t["id"] for t in wf_tool.getTransitionsFor(plan)} == exits
