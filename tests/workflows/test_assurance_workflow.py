"""AssuranceProject (bibqual_assurance_workflow): a cyclic PDCA everybody internal reads.

Staff (Owner, Editor) run the cycle (start, evaluate, adjust, new_cycle); the
coordinator and up may also delete a running one; an Auditor reads it in every
state and never changes it.
"""

from plone import api
from plone.api.exc import InvalidParameterError
from Products.CMFCore.WorkflowCore import WorkflowException
from support.content import make_assurance
from support.content import make_library
from support.workflows import ASSURANCE_PATHS
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
}

#                 Anon Auth Ownr Cont Edit Read Revw SAdm Mngr Audt
TRANSITIONS = parse_grid(
    """
    start@plan       -    -    Y    -    Y    -    Y    Y    Y    -
    evaluate@do      -    -    Y    -    Y    -    Y    Y    Y    -
    adjust@check     -    -    Y    -    Y    -    Y    Y    Y    -
    new_cycle@act    -    -    Y    -    Y    -    Y    Y    Y    -
    """
)
TARGET = {"start": "do", "evaluate": "check", "adjust": "act", "new_cycle": "plan"}
TRANSITION_CASES = [
    (step, role, value) for step, row in TRANSITIONS.items() for role, value in row.items()
]
IMPOSSIBLE = [
    ("plan", "evaluate"),
    ("plan", "new_cycle"),
    ("do", "adjust"),
    ("check", "new_cycle"),
    ("act", "start"),
    ("plan", "complete"),
    ("act", "cancel"),
]


@pytest.fixture(scope="class")
def items(portal_class):
    """An assurance project in every state."""
    library = make_library(portal_class)
    make_users(library)
    result = {}
    for state, path in ASSURANCE_PATHS.items():
        item = make_assurance(library, f"borging-{state}", evaluation="Collectieplan is actueel.")
        walk(item, path)
        assert review_state(item) == state
        result[state] = item
    return result


@pytest.fixture(scope="class")
def item(portal_class):
    library = make_library(portal_class)
    make_users(library)
    return make_assurance(library, "borging")


class TestPermissionMatrix:
    @pytest.mark.parametrize("case", matrix_cases(EXPECTED), ids=case_id)
    def test_permission(self, items, case):
        state, permission, role, expected = case
        assert allowed(role, permission, items[state]) is expected


class TestTransitions:
    @pytest.mark.parametrize(
        "step, role, expected",
        TRANSITION_CASES,
        ids=[f"{s}-{r.replace(' ', '')}-{'yes' if v else 'no'}" for s, r, v in TRANSITION_CASES],
    )
    def test_transition(self, item, step, role, expected):
        """Each step as each role, without a comment (Volto sends none); the item holds
        the evaluation ``adjust`` needs."""
        transition, source = step.split("@")
        set_state(item, source)
        item.evaluation = "Collectieplan is actueel."
        cycle = item.cycle
        if expected:
            with as_role(role):
                api.content.transition(obj=item, transition=transition)
            assert review_state(item) == TARGET[transition]
        else:
            with as_role(role), pytest.raises((InvalidParameterError, WorkflowException)):
                api.content.transition(obj=item, transition=transition)
            assert review_state(item) == source
            assert item.cycle == cycle

    @pytest.mark.parametrize("state, transition", IMPOSSIBLE)
    def test_impossible_step(self, item, state, transition):
        set_state(item, state)
        with as_role("Manager"), pytest.raises(InvalidParameterError):
            api.content.transition(obj=item, transition=transition, comment="x")
        assert review_state(item) == state

    @pytest.mark.parametrize(
        "state, exits",
        [("plan", {"start"}), ("do", {"evaluate"}), ("check", {"adjust"}), ("act", {"new_cycle"})],
    )
    def test_offered_steps_per_state(self, item, state, exits):
        set_state(item, state)
        wf_tool = api.portal.get_tool("portal_workflow")
        with as_role("Manager"):
            assert {t["id"] for t in wf_tool.getTransitionsFor(item)} == exits
