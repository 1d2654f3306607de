"""The workflows of the certification round as tables (see ``definitions.py``).

Who does what in a round: the coordinator (Reviewer) runs the round, submits the
self-evaluation and records the report; staff write the self-evaluation with them
while it is a draft and see findings and their actions; an Auditor (a running
grant on the library) reads the round, the submitted self-evaluation and the
report, and may add and edit findings while the report is a draft. That last right
comes from the report: a finding takes "Modify portal content" from its report
(``acquire``) while it is open, and the report gives it to the Auditor only as a
draft; the report's own fields need "bibqual: Record audit report", which the
Auditor never has. A finding belongs to the round, not to who typed it: the
Owner role gives nothing on a finding, so an auditor who added one sees it only
while the grant runs.
"""

from bibqual.permissions import ACCESS_CONTENTS
from bibqual.permissions import ADD_AUDIT_REPORT
from bibqual.permissions import ADD_FINDING
from bibqual.permissions import ADD_SELF_ASSESSMENT
from bibqual.permissions import DELETE_OBJECTS
from bibqual.permissions import MODIFY_CONTENT
from bibqual.permissions import RECORD_AUDIT_REPORT
from bibqual.permissions import REVIEW_CONTENT
from bibqual.permissions import VIEW
from bibqual.workflows import ids as w
from bibqual.workflows.definitions import managed
from bibqual.workflows.definitions import state
from bibqual.workflows.definitions import transition
from bibqual.workflows.roles import ADMINS
from bibqual.workflows.roles import AUDIT
from bibqual.workflows.roles import AUDITOR_ROLE
from bibqual.workflows.roles import COORDINATOR
from bibqual.workflows.roles import INTERNAL
from bibqual.workflows.roles import STAFF_EDIT


# Who reads findings: everyone of the audit but the Owner (an auditor who added a
# finding owns it, and would keep seeing it after the grant has ended).
FINDING_READERS = tuple(role for role in AUDIT if role != "Owner")


def round_perms(modify, adds):
    """A Certification state: everyone of the audit sees it, ``modify`` edits it, ``adds``
    add the self-evaluation and the report (and fill in the report's fields: its add form
    asks "bibqual: Record audit report" on the round)."""
    return {
        RECORD_AUDIT_REPORT: adds,
        VIEW: AUDIT,
        ACCESS_CONTENTS: AUDIT,
        MODIFY_CONTENT: modify,
        DELETE_OBJECTS: ADMINS,
        ADD_SELF_ASSESSMENT: adds,
        ADD_AUDIT_REPORT: adds,
        REVIEW_CONTENT: COORDINATOR,
    }


CERTIFICATION = {
    "id": w.CERTIFICATION_WORKFLOW,
    "title": "bibqual: certification round",
    "description": "Preparing, audited, decided; the coordinator runs the round.",
    "initial": w.PREPARING,
    "permissions": (*managed(ADD_SELF_ASSESSMENT, ADD_AUDIT_REPORT), RECORD_AUDIT_REPORT),
    "states": {
        w.PREPARING: state(
            "Preparing",
            "The library prepares the audit and writes its self-evaluation.",
            (w.AUDIT,),
            round_perms(COORDINATOR, COORDINATOR),
        ),
        w.AUDITED: state(
            "Audited",
            "The audit took place; the report and the decision follow.",
            (w.DECIDE, w.REOPEN),
            round_perms(COORDINATOR, COORDINATOR),
        ),
        w.DECIDED: state(
            "Decided",
            "The certifier decided; the round is over.",
            (w.REOPEN,),
            round_perms(COORDINATOR, ADMINS),
        ),
    },
    "transitions": {
        w.AUDIT: transition("Audited", w.AUDITED, REVIEW_CONTENT, "Record the audit"),
        w.DECIDE: transition("Decided", w.DECIDED, REVIEW_CONTENT, "Record the decision"),
        w.REOPEN: transition("Reopen", w.PREPARING, REVIEW_CONTENT, "Back to preparing"),
    },
}

SELFASSESSMENT = {
    "id": w.SELFASSESSMENT_WORKFLOW,
    "title": "bibqual: self-evaluation",
    "description": "Written by the library, submitted by the coordinator; auditors read it then.",
    "initial": w.DRAFT,
    "permissions": managed(),
    "states": {
        w.DRAFT: state(
            "Draft",
            "The library writes its self-evaluation.",
            (w.SUBMIT,),
            {
                VIEW: INTERNAL,
                ACCESS_CONTENTS: INTERNAL,
                MODIFY_CONTENT: STAFF_EDIT,
                DELETE_OBJECTS: COORDINATOR,
                REVIEW_CONTENT: COORDINATOR,
            },
        ),
        w.SUBMITTED: state(
            "Submitted",
            "Submitted to the certifier; the auditors read it.",
            (w.RETRACT,),
            {
                VIEW: AUDIT,
                ACCESS_CONTENTS: AUDIT,
                MODIFY_CONTENT: ADMINS,
                DELETE_OBJECTS: ADMINS,
                REVIEW_CONTENT: COORDINATOR,
            },
        ),
    },
    "transitions": {
        w.SUBMIT: transition("Submit", w.SUBMITTED, REVIEW_CONTENT, "Submit"),
        w.RETRACT: transition("Retract", w.DRAFT, REVIEW_CONTENT, "Back to draft"),
    },
}

AUDITREPORT = {
    "id": w.AUDITREPORT_WORKFLOW,
    "title": "bibqual: audit report",
    "description": "A draft while the auditors add findings, then final.",
    "initial": w.DRAFT,
    "permissions": (*managed(ADD_FINDING), RECORD_AUDIT_REPORT),
    "states": {
        w.DRAFT: state(
            "Draft",
            "The auditors add their findings; the coordinator records the report.",
            (w.FINALIZE,),
            {
                VIEW: AUDIT,
                ACCESS_CONTENTS: AUDIT,
                MODIFY_CONTENT: (*COORDINATOR, AUDITOR_ROLE),
                DELETE_OBJECTS: COORDINATOR,
                ADD_FINDING: (*COORDINATOR, AUDITOR_ROLE),
                REVIEW_CONTENT: COORDINATOR,
                RECORD_AUDIT_REPORT: COORDINATOR,
            },
        ),
        w.FINAL: state(
            "Final",
            "The report is final.",
            (w.RETRACT,),
            {
                VIEW: AUDIT,
                ACCESS_CONTENTS: AUDIT,
                MODIFY_CONTENT: COORDINATOR,
                DELETE_OBJECTS: ADMINS,
                ADD_FINDING: COORDINATOR,
                REVIEW_CONTENT: COORDINATOR,
                RECORD_AUDIT_REPORT: COORDINATOR,
            },
        ),
    },
    "transitions": {
        w.FINALIZE: transition("Finalize", w.FINAL, REVIEW_CONTENT, "Make final"),
        w.RETRACT: transition("Retract", w.DRAFT, REVIEW_CONTENT, "Back to draft"),
    },
}

FINDING = {
    "id": w.FINDING_WORKFLOW,
    "title": "bibqual: audit finding",
    "description": "Open until every action is done with released, valid evidence.",
    "initial": w.OPEN,
    "permissions": managed(),
    "states": {
        w.OPEN: state(
            "Open",
            "The finding is being acted on.",
            (w.CLOSE,),
            {
                VIEW: FINDING_READERS,
                ACCESS_CONTENTS: FINDING_READERS,
                # plus the report's: the Auditor while the report is a draft
                MODIFY_CONTENT: COORDINATOR,
                DELETE_OBJECTS: COORDINATOR,
                REVIEW_CONTENT: COORDINATOR,
            },
            acquire=(MODIFY_CONTENT,),
        ),
        w.CLOSED: state(
            "Closed",
            "Every action is done and shown with evidence.",
            (w.REOPEN,),
            {
                VIEW: FINDING_READERS,
                ACCESS_CONTENTS: FINDING_READERS,
                MODIFY_CONTENT: ADMINS,
                DELETE_OBJECTS: ADMINS,
                REVIEW_CONTENT: COORDINATOR,
            },
        ),
    },
    "transitions": {
        w.CLOSE: transition("Close", w.CLOSED, REVIEW_CONTENT, "Close"),
        w.REOPEN: transition("Reopen", w.OPEN, REVIEW_CONTENT, "Reopen"),
    },
}

ROUND_WORKFLOWS = (CERTIFICATION, SELFASSESSMENT, AUDITREPORT, FINDING)
