"""Helpers of the workflow and security tests: users per role, states, permission grids.

The expectation grids live in the test modules; they are written from the contract
(CONTRACT.md) and the rules of the quality work, not copied from scripts/workflows.py,
so a wrong permission table is caught. The content builders are in ``support.content``.
"""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import nobody
from contextlib import contextmanager
from DateTime import DateTime
from plone import api
from support import PASSWORD


ROLES = (
    "Anonymous",
    "Authenticated",
    "Owner",
    "Contributor",
    "Editor",
    "Reader",
    "Reviewer",
    "Site Administrator",
    "Manager",
    "Auditor",
)
GLOBAL_ROLES = ("Site Administrator", "Manager")

PERMISSIONS = {
    "view": "View",
    "access": "Access contents information",
    "modify": "Modify portal content",
    "delete": "Delete objects",
    "review": "Review portal content",
    "add_plan": "bibqual: Add YearPlan",
    "add_project": "bibqual: Add SmartProject",
    "add_assurance": "bibqual: Add AssuranceProject",
    "add_evidence": "bibqual: Add Evidence",
}


def user_id(role):
    """The test user that holds ``role`` (``None`` for Anonymous)."""
    if role == "Anonymous":
        return None
    return "wf-" + role.lower().replace(" ", "-")


def make_users(library):
    """One user per role: local roles on ``library``, Site Administrator/Manager global."""
    with api.env.adopt_roles(["Manager"]):
        for role in ROLES:
            userid = user_id(role)
            if userid is None:
                continue
            if api.user.get(userid=userid) is None:
                api.user.create(email=f"{userid}@example.org", username=userid, password=PASSWORD)
            if role in GLOBAL_ROLES:
                api.user.grant_roles(username=userid, roles=[role])
            elif role != "Authenticated":
                api.user.grant_roles(username=userid, obj=library, roles=[role])
    library.reindexObjectSecurity()


@contextmanager
def as_role(role):
    """Run the block as the user of ``role`` (as Anonymous for ``"Anonymous"``)."""
    if role == "Anonymous":
        old = getSecurityManager()
        newSecurityManager(None, nobody)
        try:
            yield
        finally:
            setSecurityManager(old)
        return
    with api.env.adopt_user(username=user_id(role)):
        yield


def allowed(role, permission, obj):
    """Whether the user of ``role`` has ``permission`` on ``obj``."""
    with as_role(role):
        return bool(getSecurityManager().checkPermission(PERMISSIONS[permission], obj))


def parse_grid(text):
    """``{permission key: {role: bool}}`` from a grid of ``Y``/``-`` per role column."""
    grid = {}
    for line in text.strip().splitlines():
        key, *cells = line.split()
        assert len(cells) == len(ROLES), line
        assert set(cells) <= {"Y", "-"}, line
        grid[key] = {role: cell == "Y" for role, cell in zip(ROLES, cells, strict=True)}
    return grid


def matrix_cases(expected):
    """``[(state, permission, role, allowed), ...]`` from ``{state: grid text}``."""
    cases = []
    for state, text in expected.items():
        for permission, row in parse_grid(text).items():
            for role, value in row.items():
                cases.append((state, permission, role, value))
    return cases


def case_id(case):
    state, permission, role, value = case
    return f"{state}-{permission}-{role.replace(' ', '')}-{'yes' if value else 'no'}"


def review_state(obj):
    return api.portal.get_tool("portal_workflow").getInfoFor(obj, "review_state")


def set_state(obj, state):
    """Put ``obj`` into ``state`` directly (no transition, no guard) and apply its mappings."""
    wf_tool = api.portal.get_tool("portal_workflow")
    workflow_id = wf_tool.getChainFor(obj)[0]
    wf_tool.setStatusOf(
        workflow_id,
        obj,
        {
            "review_state": state,
            "action": None,
            "actor": "test",
            "comments": "",
            "time": DateTime(),
        },
    )
    wf_tool[workflow_id].updateRoleMappingsFor(obj)
    obj.reindexObjectSecurity()


def walk(obj, transitions):
    """Take ``transitions`` one by one as a Manager (guards and events included)."""
    with api.env.adopt_roles(["Manager"]):
        for transition in transitions:
            api.content.transition(obj=obj, transition=transition, comment=f"test: {transition}")


PROJECT_PATHS = {
    "plan": (),
    "do": ("start",),
    "check": ("start", "evaluate"),
    "act": ("start", "evaluate", "adjust"),
    "done": ("start", "evaluate", "adjust", "complete"),
    "cancelled": ("cancel",),
}
ASSURANCE_PATHS = {
    "plan": (),
    "do": ("start",),
    "check": ("start", "evaluate"),
    "act": ("start", "evaluate", "adjust"),
}
YEARPLAN_PATHS = {"draft": (), "adopted": ("adopt",), "closed": ("adopt", "close")}
EVIDENCE_PATHS = {"draft": (), "released": ("release",), "archived": ("release", "archive")}
