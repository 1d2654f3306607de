"""Who may do what with audit reports and findings, per state (role x state x permission).

AuditReport (bibqual_auditreport_workflow): a draft while the auditors add their
findings, then final. The coordinator (Reviewer) records the report's own fields
("bibqual: Record audit report"), finalizes and retracts it. An Auditor reads the
report, adds findings to a draft and edits them; the Auditor holds "Modify portal
content" on a draft report only so that its findings can take it (the report's
fields need the record permission, which the Auditor never has).

Finding (bibqual_finding_workflow): open, then closed by the coordinator. While
open, the coordinator edits it, and so does an Auditor while its report is a
draft; staff read findings but never edit them. A closed finding is changed by
the site administrators only. A finding belongs to the round, not to who typed
it: the Owner role (an auditor who added it keeps it after the grant) gives
nothing on a finding.
"""

from AccessControl.SecurityManagement import getSecurityManager
from datetime import date
from plone import api
from plone.api.exc import InvalidParameterError
from Products.CMFCore.WorkflowCore import WorkflowException
from round_support import new_request
from support.content import create
from support.content import make_library
from support.workflows import PERMISSIONS
from support.workflows import as_role
from support.workflows import case_id
from support.workflows import make_users
from support.workflows import matrix_cases
from support.workflows import parse_grid
from support.workflows import review_state
from support.workflows import set_state
from support.workflows import walk
import pytest


KEYS = {
    **PERMISSIONS,
    "add_finding": "bibqual: Add Finding",
    "record": "bibqual: Record audit report",
}


def may(role, key, obj):
    with as_role(role):
        return bool(getSecurityManager().checkPermission(KEYS[key], obj))


#                 Anon Auth Ownr Cont Edit Read Revw SAdm Mngr Audt
REPORT = {
    "draft": """
    view             -    -    Y    Y    Y    Y    Y    Y    Y    Y
    access           -    -    Y    Y    Y    Y    Y    Y    Y    Y
    modify           -    -    -    -    -    -    Y    Y    Y    Y
    record           -    -    -    -    -    -    Y    Y    Y    -
    delete           -    -    -    -    -    -    Y    Y    Y    -
    add_finding      -    -    -    -    -    -    Y    Y    Y    Y
    review           -    -    -    -    -    -    Y    Y    Y    -
    """,
    "final": """
    view             -    -    Y    Y    Y    Y    Y    Y    Y    Y
    access           -    -    Y    Y    Y    Y    Y    Y    Y    Y
    modify           -    -    -    -    -    -    Y    Y    Y    -
    record           -    -    -    -    -    -    Y    Y    Y    -
    delete           -    -    -    -    -    -    -    Y    Y    -
    add_finding      -    -    -    -    -    -    Y    Y    Y    -
    review           -    -    -    -    -    -    Y    Y    Y    -
    """,
}

#                 Anon Auth Ownr Cont Edit Read Revw SAdm Mngr Audt
FINDING = {
    "open-in-draft": """
    view             -    -    -    Y    Y    Y    Y    Y    Y    Y
    access           -    -    -    Y    Y    Y    Y    Y    Y    Y
    modify           -    -    -    -    -    -    Y    Y    Y    Y
    delete           -    -    -    -    -    -    Y    Y    Y    -
    review           -    -    -    -    -    -    Y    Y    Y    -
    """,
    "open-in-final": """
    view             -    -    -    Y    Y    Y    Y    Y    Y    Y
    access           -    -    -    Y    Y    Y    Y    Y    Y    Y
    modify           -    -    -    -    -    -    Y    Y    Y    -
    delete           -    -    -    -    -    -    Y    Y    Y    -
    review           -    -    -    -    -    -    Y    Y    Y    -
    """,
    "closed-in-draft": """
    view             -    -    -    Y    Y    Y    Y    Y    Y    Y
    access           -    -    -    Y    Y    Y    Y    Y    Y    Y
    modify           -    -    -    -    -    -    -    Y    Y    -
    delete           -    -    -    -    -    -    -    Y    Y    -
    review           -    -    -    -    -    -    Y    Y    Y    -
    """,
    "closed-in-final": """
    view             -    -    -    Y    Y    Y    Y    Y    Y    Y
    access           -    -    -    Y    Y    Y    Y    Y    Y    Y
    modify           -    -    -    -    -    -    -    Y    Y    -
    delete           -    -    -    -    -    -    -    Y    Y    -
    review           -    -    -    -    -    -    Y    Y    Y    -
    """,
}

#                 Anon Auth Ownr Cont Edit Read Revw SAdm Mngr Audt
TRANSITIONS = parse_grid(
    """
    finalize@draft   -    -    -    -    -    -    Y    Y    Y    -
    retract@final    -    -    -    -    -    -    Y    Y    Y    -
    close@open       -    -    -    -    -    -    Y    Y    Y    -
    reopen@closed    -    -    -    -    -    -    Y    Y    Y    -
    """
)
TARGET = {"finalize": "final", "retract": "draft", "close": "closed", "reopen": "open"}
TRANSITION_CASES = [
    (step, role, value) for step, row in TRANSITIONS.items() for role, value in row.items()
]


def _round(portal):
    library = make_library(portal)
    make_users(library)
    return create(
        library, "Certification", "ronde", title="Ronde 2027", certified_until=date(2027, 5, 31)
    )


def _finding(report, item_id):
    # a strength without actions: its close has no content condition
    return create(
        report,
        "Finding",
        item_id,
        title="Bevinding",
        norm_field="middelen",
        kind="strength",
        text="Sterk netwerk.",
    )


@pytest.fixture(scope="class")
def items(portal_class):
    """A draft and a final report, each with an open and a closed finding."""
    certification = _round(portal_class)
    result = {}
    for report_state in ("draft", "final"):
        report = create(certification, "AuditReport", f"rapport-{report_state}", title="Rapport")
        for finding_state in ("open", "closed"):
            finding = _finding(report, f"bevinding-{finding_state}")
            if finding_state == "closed":
                walk(finding, ["close"])
            result[f"{finding_state}-in-{report_state}"] = finding
        if report_state == "final":
            walk(report, ["finalize"])
        result[report_state] = report
    for key, finding in result.items():
        if "-in-" in key:
            assert review_state(finding) == key.split("-")[0]
    return result


class TestPermissionMatrix:
    @pytest.mark.parametrize("case", matrix_cases(REPORT), ids=case_id)
    def test_report(self, items, case):
        state, key, role, expected = case
        assert review_state(items[state]) == state
        assert may(role, key, items[state]) is expected

    @pytest.mark.parametrize("case", matrix_cases(FINDING), ids=case_id)
    def test_finding(self, items, case):
        where, key, role, expected = case
        assert may(role, key, items[where]) is expected

    def test_an_auditor_who_added_a_finding_gets_nothing_from_owning_it(self, items):
        """The Owner role on a finding (its creator's) gives neither view nor edit."""
        finding = items["open-in-draft"]
        with as_role("Manager"):
            api.user.grant_roles(username="wf-authenticated", obj=finding, roles=["Owner"])
        new_request()
        try:
            assert api.user.get_roles(username="wf-authenticated", obj=finding).count("Owner")
            assert not may("Authenticated", "view", finding)
            assert not may("Authenticated", "modify", finding)
        finally:
            with as_role("Manager"):
                finding.manage_delLocalRoles(["wf-authenticated"])
            new_request()


@pytest.fixture(scope="class")
def steps(portal_class):
    certification = _round(portal_class)
    report = create(certification, "AuditReport", "rapport", title="Rapport")
    return {"report": report, "finding": _finding(report, "bevinding")}


class TestTransitions:
    @pytest.mark.parametrize(
        "step, role, expected",
        TRANSITION_CASES,
        ids=[f"{s}-{r.replace(' ', '')}-{'yes' if v else 'no'}" for s, r, v in TRANSITION_CASES],
    )
    def test_transition(self, steps, step, role, expected):
        transition, source = step.split("@")
        item = steps["report" if transition in ("finalize", "retract") else "finding"]
        set_state(item, source)
        if expected:
            with as_role(role):
                api.content.transition(obj=item, transition=transition)
            assert review_state(item) == TARGET[transition]
        else:
            with as_role(role), pytest.raises((InvalidParameterError, WorkflowException)):
                api.content.transition(obj=item, transition=transition)
            assert review_state(item) == source

    @pytest.mark.parametrize(
        "kind, state, exits",
        [
            ("report", "draft", {"finalize"}),
            ("report", "final", {"retract"}),
            ("finding", "open", {"close"}),
            ("finding", "closed", {"reopen"}),
        ],
    )
    def test_offered_steps_per_state(self, steps, kind, state, exits):
        set_state(steps[kind], state)
        tool = api.portal.get_tool("portal_workflow")
        with as_role("Manager"):
            assert {t["id"] for t in tool.getTransitionsFor(steps[kind])} == exits
