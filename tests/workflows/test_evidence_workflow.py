"""Evidence (bibqual_evidence_workflow): draft, released by the coordinator, archived.

Staff write and change draft evidence; only the quality coordinator and up
release, archive and retract it; released evidence is changed by the coordinator
only, archived evidence by the site administrators only. An Auditor reads
released and archived evidence, never drafts, and only where the Auditor sees
its container (not in a project of a draft plan or a cancelled project).
"""

from plone import api
from plone.api.exc import InvalidParameterError
from Products.CMFCore.WorkflowCore import WorkflowException
from support.content import make_assurance
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.workflows import EVIDENCE_PATHS
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
    review           -    -    -    -    -    -    Y    Y    Y    -
    """,
    "released": """
    view             -    -    Y    Y    Y    Y    Y    Y    Y    Y
    access           -    -    Y    Y    Y    Y    Y    Y    Y    Y
    modify           -    -    -    -    -    -    Y    Y    Y    -
    delete           -    -    -    -    -    -    Y    Y    Y    -
    review           -    -    -    -    -    -    Y    Y    Y    -
    """,
    "archived": """
    view             -    -    Y    Y    Y    Y    Y    Y    Y    Y
    access           -    -    Y    Y    Y    Y    Y    Y    Y    Y
    modify           -    -    -    -    -    -    -    Y    Y    -
    delete           -    -    -    -    -    -    Y    Y    Y    -
    review           -    -    -    -    -    -    Y    Y    Y    -
    """,
}

#                 Anon Auth Ownr Cont Edit Read Revw SAdm Mngr Audt
TRANSITIONS = parse_grid(
    """
    release@draft    -    -    -    -    -    -    Y    Y    Y    -
    archive@released -    -    -    -    -    -    Y    Y    Y    -
    retract@released -    -    -    -    -    -    Y    Y    Y    -
    retract@archived -    -    -    -    -    -    Y    Y    Y    -
    """
)
TARGET = {"release": "released", "archive": "archived", "retract": "draft"}
TRANSITION_CASES = [
    (step, role, value) for step, row in TRANSITIONS.items() for role, value in row.items()
]
IMPOSSIBLE = [("draft", "archive"), ("draft", "retract"), ("released", "release")]


# Where evidence can sit; the Auditor's view of released/archived evidence follows its
# container: hidden in a project of a draft plan and in a cancelled project.
CONTAINERS = {
    "library": True,
    "assurance": True,
    "project": True,
    "closed-plan-project": True,
    "draft-plan-project": False,
    "cancelled-project": False,
}


@pytest.fixture(scope="class")
def evidence(portal_class):
    """Evidence in every state, in every kind of container."""
    library = make_library(portal_class)
    make_users(library)
    adopted = make_plan(library, 2026)
    closed = make_plan(library, 2025)
    draft = make_plan(library, 2027)
    containers = {
        "library": library,
        "assurance": make_assurance(library, "borging"),
        "project": make_project(adopted, "project"),
        "closed-plan-project": make_project(closed, "project"),
        "draft-plan-project": make_project(draft, "project"),
        "cancelled-project": make_project(adopted, "cancelled"),
    }
    result = {}
    for where, container in containers.items():
        for state, path in EVIDENCE_PATHS.items():
            item = make_evidence(container, f"bewijs-{state}")
            walk(item, path)
            assert review_state(item) == state
            result[where, state] = item
    walk(containers["cancelled-project"], ["cancel"])
    walk(adopted, ["adopt"])
    walk(closed, ["adopt", "close"])
    return result


@pytest.fixture(scope="class")
def item(portal_class):
    library = make_library(portal_class)
    make_users(library)
    return make_evidence(library, "bewijs")


# The only permissions an evidence state acquires from its container (acquired="True" in
# the workflow); every other one is set on the item itself, so it cannot differ between
# containers and the full grid is checked once, in the library.
ACQUIRED = {"released": ("view", "access"), "archived": ("view", "access")}
ACQUIRED_CASES = [case for case in matrix_cases(EXPECTED) if case[1] in ACQUIRED.get(case[0], ())]


def _expected(case, where):
    state, permission, role, expected = case
    if role == "Auditor" and permission in ("view", "access"):
        return expected and CONTAINERS[where]
    return expected


class TestPermissionMatrix:
    @pytest.mark.parametrize("case", matrix_cases(EXPECTED), ids=case_id)
    def test_permission(self, evidence, case):
        """Every state x permission x role, for evidence in the library."""
        state, permission, role, _ = case
        assert allowed(role, permission, evidence["library", state]) is _expected(case, "library")

    @pytest.mark.parametrize("where", [where for where in CONTAINERS if where != "library"])
    @pytest.mark.parametrize("case", ACQUIRED_CASES, ids=case_id)
    def test_acquired_permission(self, evidence, case, where):
        """The acquired permissions in every other container: the Auditor's follow it."""
        state, permission, role, _ = case
        assert allowed(role, permission, evidence[where, state]) is _expected(case, where)

    @pytest.mark.parametrize("state", ["released", "archived"])
    def test_auditor_follows_plan_adoption(self, evidence, state):
        """Adopting the draft plan shows its project's released evidence to the Auditor."""
        item = evidence["draft-plan-project", state]
        plan = item.__parent__.__parent__
        assert not allowed("Auditor", "view", item)
        walk(plan, ["adopt"])
        try:
            assert allowed("Auditor", "view", item)
        finally:
            walk(plan, ["reopen"])
        assert not allowed("Auditor", "view", item)


class TestTransitions:
    @pytest.mark.parametrize(
        "step, role, expected",
        TRANSITION_CASES,
        ids=[f"{s}-{r.replace(' ', '')}-{'yes' if v else 'no'}" for s, r, v in TRANSITION_CASES],
    )
    def test_transition(self, item, step, role, expected):
        transition, source = step.split("@")
        set_state(item, source)
        if expected:
            with as_role(role):
                api.content.transition(obj=item, transition=transition)
            assert review_state(item) == TARGET[transition]
        else:
            with as_role(role), pytest.raises((InvalidParameterError, WorkflowException)):
                api.content.transition(obj=item, transition=transition)
            assert review_state(item) == source

    @pytest.mark.parametrize("state, transition", IMPOSSIBLE)
    def test_impossible_step(self, item, state, transition):
        set_state(item, state)
        with as_role("Manager"), pytest.raises(InvalidParameterError):
            api.content.transition(obj=item, transition=transition)
        assert review_state(item) == state

    @pytest.mark.parametrize(
        "state, exits",
        [("draft", {"release"}), ("released", {"archive", "retract"}), ("archived", {"retract"})],
    )
    def test_offered_steps_per_state(self, item, state, exits):
        set_state(item, state)
        wf_tool = api.portal.get_tool("portal_workflow")
        with as_role("Manager"):
            assert {t["id"] for t in wf_tool.getTransitionsFor(item)} == exits
