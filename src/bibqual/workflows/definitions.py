"""The workflows of bibqual as readable tables (one dict per workflow).

``bibqual.workflows.render`` writes them as DCWorkflow definitions into
``profiles/default/workflows/*/definition.xml``; run ``python scripts/workflows.py``
after changing a table (``tests/workflows/test_definitions.py`` fails until you do).

Every state maps every managed permission explicitly for every role
(acquired="False"), except where a table says ``acquire``: projects take the
Auditor's View from their year plan, so an auditor sees the projects of adopted
and closed plans only, and released evidence takes it from its container
(library, project or assurance project), so evidence of a cancelled project
stays hidden. The renderer adds "Add portal content" wherever a bibqual add
permission is granted, and the sharing permissions for ``roles.SHARING_ROLES``.

Pure Python (no Zope imports), so the script runs without an instance.
"""

from bibqual.permissions import ACCESS_CONTENTS
from bibqual.permissions import ADD_ASSURANCE_PROJECT
from bibqual.permissions import ADD_CERTIFICATION
from bibqual.permissions import ADD_EVIDENCE
from bibqual.permissions import ADD_SMART_PROJECT
from bibqual.permissions import ADD_YEAR_PLAN
from bibqual.permissions import DELETE_OBJECTS
from bibqual.permissions import MODIFY_CONTENT
from bibqual.permissions import MODIFY_VIEW_TEMPLATE
from bibqual.permissions import REVIEW_CONTENT
from bibqual.permissions import VIEW
from bibqual.workflows import ids as w
from bibqual.workflows.roles import ADMINS
from bibqual.workflows.roles import AUDIT
from bibqual.workflows.roles import COORDINATOR
from bibqual.workflows.roles import INTERNAL
from bibqual.workflows.roles import STAFF_ADD
from bibqual.workflows.roles import STAFF_EDIT


def managed(*adds):
    """The permissions a workflow manages: viewing, editing, deleting, ``adds``, reviewing,
    and choosing the layout."""
    basics = (ACCESS_CONTENTS, VIEW, MODIFY_CONTENT, DELETE_OBJECTS)
    return (*basics, *adds, REVIEW_CONTENT, MODIFY_VIEW_TEMPLATE)


def state(title, description, exits, perms, acquire=()):
    """A state: its exit transitions, ``{permission: roles}`` and the acquired permissions.
    In every state only site administrators may change the item's layout."""
    return {
        "title": title,
        "description": description,
        "exits": exits,
        "perms": {MODIFY_VIEW_TEMPLATE: ADMINS, **perms},
        "acquire": acquire,
    }


def transition(title, new_state, guard, action):
    """A user transition to ``new_state``, guarded by the permission ``guard``."""
    return {"title": title, "new_state": new_state, "guard": guard, "action": action}


def project_perms(view, modify, delete, add):
    """The permission map of a project state (the coordinator always reviews)."""
    return {
        VIEW: view,
        ACCESS_CONTENTS: view,
        MODIFY_CONTENT: modify,
        DELETE_OBJECTS: delete,
        ADD_EVIDENCE: add,
        REVIEW_CONTENT: COORDINATOR,
    }


PROJECT_OPEN = project_perms(INTERNAL, STAFF_EDIT, COORDINATOR, STAFF_ADD)
PROJECT = {
    "id": w.PROJECT_WORKFLOW,
    "title": "bibqual: SMART project (PDCA)",
    "description": "Plan, Do, Check, Act, then done; staff work, the coordinator completes.",
    "initial": w.PLAN,
    "permissions": managed(ADD_EVIDENCE),
    "states": {
        w.PLAN: state(
            "Plan",
            "The project is being planned.",
            (w.START, w.CANCEL),
            project_perms(INTERNAL, STAFF_EDIT, STAFF_EDIT, STAFF_ADD),
            acquire=(VIEW, ACCESS_CONTENTS),
        ),
        w.DO: state(
            "Do",
            "The project is carried out.",
            (w.EVALUATE, w.CANCEL),
            PROJECT_OPEN,
            acquire=(VIEW, ACCESS_CONTENTS),
        ),
        w.CHECK: state(
            "Check",
            "The results are measured and evaluated.",
            (w.ADJUST, w.CANCEL),
            PROJECT_OPEN,
            acquire=(VIEW, ACCESS_CONTENTS),
        ),
        w.ACT: state(
            "Act",
            "Improvements are decided.",
            (w.COMPLETE, w.REPLAN, w.CANCEL),
            PROJECT_OPEN,
            acquire=(VIEW, ACCESS_CONTENTS),
        ),
        w.DONE: state(
            # "Completed", not "Done": Plone's toolbar translates state titles in its own
            # domain first, where "Done" is "Gedaan"; the badges say "Afgerond"
            "Completed",
            "The project is completed and secured; frozen for staff.",
            (w.REOPEN,),
            project_perms(INTERNAL, ADMINS, ADMINS, COORDINATOR),
            acquire=(VIEW, ACCESS_CONTENTS),
        ),
        w.CANCELLED: state(
            "Cancelled",
            "The project was stopped.",
            (w.REOPEN,),
            project_perms(INTERNAL, ADMINS, COORDINATOR, ADMINS),
        ),
    },
    "transitions": {
        w.START: transition("Start", w.DO, MODIFY_CONTENT, "Start (Do)"),
        w.EVALUATE: transition("Evaluate", w.CHECK, MODIFY_CONTENT, "Evaluate (Check)"),
        w.ADJUST: transition("Adjust", w.ACT, MODIFY_CONTENT, "Adjust (Act)"),
        w.COMPLETE: transition("Complete", w.DONE, REVIEW_CONTENT, "Complete"),
        w.REPLAN: transition("Plan again", w.PLAN, MODIFY_CONTENT, "Plan again"),
        w.CANCEL: transition("Stop project", w.CANCELLED, MODIFY_CONTENT, "Stop project"),
        w.REOPEN: transition("Reopen", w.PLAN, REVIEW_CONTENT, "Reopen"),
    },
}

ASSURANCE_PERMS = {
    VIEW: AUDIT,
    ACCESS_CONTENTS: AUDIT,
    MODIFY_CONTENT: STAFF_EDIT,
    DELETE_OBJECTS: COORDINATOR,
    ADD_EVIDENCE: STAFF_ADD,
    REVIEW_CONTENT: COORDINATOR,
}
ASSURANCE = {
    "id": w.ASSURANCE_WORKFLOW,
    "title": "bibqual: assurance project (cyclic PDCA)",
    "description": "Plan, Do, Check, Act, then a new cycle.",
    "initial": w.PLAN,
    "permissions": managed(ADD_EVIDENCE),
    "states": {
        w.PLAN: state(
            "Plan",
            "The next round is planned.",
            (w.START,),
            {**ASSURANCE_PERMS, DELETE_OBJECTS: STAFF_EDIT},
        ),
        w.DO: state("Do", "The agreement is carried out.", (w.EVALUATE,), ASSURANCE_PERMS),
        w.CHECK: state("Check", "The agreement is checked.", (w.ADJUST,), ASSURANCE_PERMS),
        w.ACT: state("Act", "Improvements are decided.", (w.NEW_CYCLE,), ASSURANCE_PERMS),
    },
    "transitions": {
        w.START: transition("Start", w.DO, MODIFY_CONTENT, "Start (Do)"),
        w.EVALUATE: transition("Evaluate", w.CHECK, MODIFY_CONTENT, "Evaluate (Check)"),
        w.ADJUST: transition("Adjust", w.ACT, MODIFY_CONTENT, "Adjust (Act)"),
        w.NEW_CYCLE: transition("New cycle", w.PLAN, MODIFY_CONTENT, "Start a new cycle"),
    },
}

YEARPLAN = {
    "id": w.YEARPLAN_WORKFLOW,
    "title": "bibqual: year plan",
    "description": "Draft, adopted by the quality coordinator, closed after the year.",
    "initial": w.DRAFT,
    "permissions": managed(ADD_SMART_PROJECT),
    "states": {
        w.DRAFT: state(
            "Draft",
            "The plan is being written.",
            (w.ADOPT,),
            {
                VIEW: INTERNAL,
                ACCESS_CONTENTS: INTERNAL,
                MODIFY_CONTENT: STAFF_EDIT,
                DELETE_OBJECTS: STAFF_EDIT,
                ADD_SMART_PROJECT: STAFF_ADD,
                REVIEW_CONTENT: COORDINATOR,
            },
        ),
        w.ADOPTED: state(
            "Adopted",
            "The plan is adopted; its projects run.",
            (w.CLOSE, w.REOPEN),
            {
                VIEW: AUDIT,
                ACCESS_CONTENTS: AUDIT,
                MODIFY_CONTENT: COORDINATOR,
                DELETE_OBJECTS: ADMINS,
                ADD_SMART_PROJECT: STAFF_ADD,
                REVIEW_CONTENT: COORDINATOR,
            },
        ),
        w.CLOSED: state(
            "Closed",
            "The year is over; the plan is frozen.",
            (w.REOPEN,),
            {
                VIEW: AUDIT,
                ACCESS_CONTENTS: AUDIT,
                MODIFY_CONTENT: ADMINS,
                DELETE_OBJECTS: ADMINS,
                ADD_SMART_PROJECT: ADMINS,
                REVIEW_CONTENT: COORDINATOR,
            },
        ),
    },
    "transitions": {
        w.ADOPT: transition("Adopt", w.ADOPTED, REVIEW_CONTENT, "Adopt"),
        w.CLOSE: transition("Close", w.CLOSED, REVIEW_CONTENT, "Close"),
        w.REOPEN: transition("Reopen", w.DRAFT, REVIEW_CONTENT, "Back to draft"),
    },
}

EVIDENCE = {
    "id": w.EVIDENCE_WORKFLOW,
    "title": "bibqual: evidence",
    "description": "Draft, released for the audit by the quality coordinator, archived.",
    "initial": w.DRAFT,
    "permissions": managed(),
    "states": {
        w.DRAFT: state(
            "Draft",
            "Not yet released for the audit.",
            (w.RELEASE,),
            {
                VIEW: INTERNAL,
                ACCESS_CONTENTS: INTERNAL,
                MODIFY_CONTENT: STAFF_EDIT,
                DELETE_OBJECTS: STAFF_EDIT,
                REVIEW_CONTENT: COORDINATOR,
            },
        ),
        # Released evidence takes the Auditor's view from its container, so
        # evidence inside a cancelled project or a draft plan's project stays hidden.
        w.RELEASED: state(
            "Released",
            "Released as evidence for the audit.",
            (w.ARCHIVE, w.RETRACT),
            {
                VIEW: INTERNAL,
                ACCESS_CONTENTS: INTERNAL,
                MODIFY_CONTENT: COORDINATOR,
                # the coordinator may retract and delete anyway; deleting at once
                # (or with the project that holds it) is theirs, never the staff's
                DELETE_OBJECTS: COORDINATOR,
                REVIEW_CONTENT: COORDINATOR,
            },
            acquire=(VIEW, ACCESS_CONTENTS),
        ),
        w.ARCHIVED: state(
            "Archived",
            "No longer current; kept for the record.",
            (w.RETRACT,),
            {
                VIEW: INTERNAL,
                ACCESS_CONTENTS: INTERNAL,
                MODIFY_CONTENT: ADMINS,
                DELETE_OBJECTS: COORDINATOR,
                REVIEW_CONTENT: COORDINATOR,
            },
            acquire=(VIEW, ACCESS_CONTENTS),
        ),
    },
    "transitions": {
        w.RELEASE: transition("Release", w.RELEASED, REVIEW_CONTENT, "Release"),
        w.ARCHIVE: transition("Archive", w.ARCHIVED, REVIEW_CONTENT, "Archive"),
        w.RETRACT: transition("Retract", w.DRAFT, REVIEW_CONTENT, "Back to draft"),
    },
}

LIBRARY = {
    "id": w.LIBRARY_WORKFLOW,
    "title": "bibqual: library",
    "description": "A library is internal: staff and its auditors see it, anonymous never.",
    "initial": w.INTERNAL,
    "permissions": managed(ADD_YEAR_PLAN, ADD_ASSURANCE_PROJECT, ADD_EVIDENCE, ADD_CERTIFICATION),
    "states": {
        w.INTERNAL: state(
            "Internal",
            "Visible to the library's staff and auditors.",
            (),
            {
                VIEW: AUDIT,
                ACCESS_CONTENTS: AUDIT,
                MODIFY_CONTENT: COORDINATOR,
                DELETE_OBJECTS: ADMINS,
                ADD_YEAR_PLAN: STAFF_ADD,
                ADD_ASSURANCE_PROJECT: STAFF_ADD,
                ADD_EVIDENCE: STAFF_ADD,
                # the coordinator starts a certification round
                ADD_CERTIFICATION: COORDINATOR,
                REVIEW_CONTENT: COORDINATOR,
            },
        ),
    },
    "transitions": {},
}

WORKFLOWS = (PROJECT, ASSURANCE, YEARPLAN, EVIDENCE, LIBRARY)
