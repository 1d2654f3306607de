"""Write the DCWorkflow definitions of bibqual from the tables below.

Run ``python scripts/workflows.py`` after changing a table; it rewrites
``src/bibqual/profiles/default/workflows/*/definition.xml``. Every state maps
every managed permission explicitly for every role (acquired="False"), except
where a table says ``acquire``: projects take the Auditor's View from their year
plan, so an auditor sees the projects of adopted and closed plans only, and
released evidence takes it from its container (library, project or assurance
project), so evidence of a cancelled project stays hidden.
"""

from pathlib import Path
from xml.sax.saxutils import escape
import sys


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bibqual.workflows import ids as w  # noqa: E402


VIEW = "View"
ACCESS = "Access contents information"
MODIFY = "Modify portal content"
DELETE = "Delete objects"
REVIEW = "Review portal content"
ADD_YEAR_PLAN = "bibqual: Add YearPlan"
ADD_PROJECT = "bibqual: Add SmartProject"
ADD_ASSURANCE = "bibqual: Add AssuranceProject"
ADD_EVIDENCE = "bibqual: Add Evidence"
# Plone's add forms also need "Add portal content": a workflow that manages a
# bibqual add permission manages it too, for the same roles (see with_add_portal_content).
ADD_PORTAL_CONTENT = "Add portal content"
# Who may share an item or block the inheritance of local roles: the quality
# coordinator only (see with_sharing). Staff who could would lock the
# coordinator and the auditor out of their projects, or show drafts to anyone.
SHARING_PERMISSIONS = (
    "Change local roles",
    "Sharing page: Delegate roles",
    "Sharing page: Delegate Reader role",
    "Sharing page: Delegate Editor role",
    "Sharing page: Delegate Contributor role",
    "Sharing page: Delegate Reviewer role",
)

ADMINS = ("Site Administrator", "Manager")
COORDINATOR = ("Reviewer", *ADMINS)
STAFF_EDIT = ("Owner", "Editor", *COORDINATOR)
STAFF_ADD = ("Owner", "Contributor", "Editor", *COORDINATOR)
INTERNAL = ("Owner", "Contributor", "Editor", "Reader", *COORDINATOR)
AUDIT = (*INTERNAL, "Auditor")


def state(title, description, exits, perms, acquire=()):
    return {
        "title": title,
        "description": description,
        "exits": exits,
        "perms": perms,
        "acquire": acquire,
    }


def transition(title, new_state, guard, action):
    return {"title": title, "new_state": new_state, "guard": guard, "action": action}


def project_perms(view, modify, delete, add):
    return {
        VIEW: view,
        ACCESS: view,
        MODIFY: modify,
        DELETE: delete,
        ADD_EVIDENCE: add,
        REVIEW: COORDINATOR,
    }


PROJECT_OPEN = project_perms(INTERNAL, STAFF_EDIT, COORDINATOR, STAFF_ADD)
PROJECT = {
    "id": w.PROJECT_WORKFLOW,
    "title": "bibqual: SMART project (PDCA)",
    "description": "Plan, Do, Check, Act, then done; staff work, the coordinator completes.",
    "initial": w.PLAN,
    "permissions": (ACCESS, VIEW, MODIFY, DELETE, ADD_EVIDENCE, REVIEW),
    "states": {
        w.PLAN: state(
            "Plan",
            "The project is being planned.",
            (w.START, w.CANCEL),
            project_perms(INTERNAL, STAFF_EDIT, STAFF_EDIT, STAFF_ADD),
            acquire=(VIEW, ACCESS),
        ),
        w.DO: state(
            "Do",
            "The project is carried out.",
            (w.EVALUATE, w.CANCEL),
            PROJECT_OPEN,
            acquire=(VIEW, ACCESS),
        ),
        w.CHECK: state(
            "Check",
            "The results are measured and evaluated.",
            (w.ADJUST, w.CANCEL),
            PROJECT_OPEN,
            acquire=(VIEW, ACCESS),
        ),
        w.ACT: state(
            "Act",
            "Improvements are decided.",
            (w.COMPLETE, w.REPLAN, w.CANCEL),
            PROJECT_OPEN,
            acquire=(VIEW, ACCESS),
        ),
        w.DONE: state(
            "Done",
            "The project is completed and secured; frozen for staff.",
            (w.REOPEN,),
            project_perms(INTERNAL, ADMINS, ADMINS, COORDINATOR),
            acquire=(VIEW, ACCESS),
        ),
        w.CANCELLED: state(
            "Cancelled",
            "The project was stopped.",
            (w.REOPEN,),
            project_perms(INTERNAL, ADMINS, COORDINATOR, ADMINS),
        ),
    },
    "transitions": {
        w.START: transition("Start", w.DO, MODIFY, "Start (Do)"),
        w.EVALUATE: transition("Evaluate", w.CHECK, MODIFY, "Evaluate (Check)"),
        w.ADJUST: transition("Adjust", w.ACT, MODIFY, "Adjust (Act)"),
        w.COMPLETE: transition("Complete", w.DONE, REVIEW, "Complete"),
        w.REPLAN: transition("Plan again", w.PLAN, MODIFY, "Plan again"),
        w.CANCEL: transition("Cancel", w.CANCELLED, MODIFY, "Cancel"),
        w.REOPEN: transition("Reopen", w.PLAN, REVIEW, "Reopen"),
    },
}

ASSURANCE_PERMS = {
    VIEW: AUDIT,
    ACCESS: AUDIT,
    MODIFY: STAFF_EDIT,
    DELETE: COORDINATOR,
    ADD_EVIDENCE: STAFF_ADD,
    REVIEW: COORDINATOR,
}
ASSURANCE = {
    "id": w.ASSURANCE_WORKFLOW,
    "title": "bibqual: assurance project (cyclic PDCA)",
    "description": "Plan, Do, Check, Act, then a new cycle.",
    "initial": w.PLAN,
    "permissions": (ACCESS, VIEW, MODIFY, DELETE, ADD_EVIDENCE, REVIEW),
    "states": {
        w.PLAN: state(
            "Plan",
            "The next round is planned.",
            (w.START,),
            {**ASSURANCE_PERMS, DELETE: STAFF_EDIT},
        ),
        w.DO: state("Do", "The agreement is carried out.", (w.EVALUATE,), ASSURANCE_PERMS),
        w.CHECK: state("Check", "The agreement is checked.", (w.ADJUST,), ASSURANCE_PERMS),
        w.ACT: state("Act", "Improvements are decided.", (w.NEW_CYCLE,), ASSURANCE_PERMS),
    },
    "transitions": {
        w.START: transition("Start", w.DO, MODIFY, "Start (Do)"),
        w.EVALUATE: transition("Evaluate", w.CHECK, MODIFY, "Evaluate (Check)"),
        w.ADJUST: transition("Adjust", w.ACT, MODIFY, "Adjust (Act)"),
        w.NEW_CYCLE: transition("New cycle", w.PLAN, MODIFY, "Start a new cycle"),
    },
}

YEARPLAN = {
    "id": w.YEARPLAN_WORKFLOW,
    "title": "bibqual: year plan",
    "description": "Draft, adopted by the quality coordinator, closed after the year.",
    "initial": w.DRAFT,
    "permissions": (ACCESS, VIEW, MODIFY, DELETE, ADD_PROJECT, REVIEW),
    "states": {
        w.DRAFT: state(
            "Draft",
            "The plan is being written.",
            (w.ADOPT,),
            {
                VIEW: INTERNAL,
                ACCESS: INTERNAL,
                MODIFY: STAFF_EDIT,
                DELETE: STAFF_EDIT,
                ADD_PROJECT: STAFF_ADD,
                REVIEW: COORDINATOR,
            },
        ),
        w.ADOPTED: state(
            "Adopted",
            "The plan is adopted; its projects run.",
            (w.CLOSE, w.REOPEN),
            {
                VIEW: AUDIT,
                ACCESS: AUDIT,
                MODIFY: COORDINATOR,
                DELETE: ADMINS,
                ADD_PROJECT: STAFF_ADD,
                REVIEW: COORDINATOR,
            },
        ),
        w.CLOSED: state(
            "Closed",
            "The year is over; the plan is frozen.",
            (w.REOPEN,),
            {
                VIEW: AUDIT,
                ACCESS: AUDIT,
                MODIFY: ADMINS,
                DELETE: ADMINS,
                ADD_PROJECT: ADMINS,
                REVIEW: COORDINATOR,
            },
        ),
    },
    "transitions": {
        w.ADOPT: transition("Adopt", w.ADOPTED, REVIEW, "Adopt"),
        w.CLOSE: transition("Close", w.CLOSED, REVIEW, "Close"),
        w.REOPEN: transition("Reopen", w.DRAFT, REVIEW, "Back to draft"),
    },
}

EVIDENCE = {
    "id": w.EVIDENCE_WORKFLOW,
    "title": "bibqual: evidence",
    "description": "Draft, released for the audit by the quality coordinator, archived.",
    "initial": w.DRAFT,
    "permissions": (ACCESS, VIEW, MODIFY, DELETE, REVIEW),
    "states": {
        w.DRAFT: state(
            "Draft",
            "Not yet released for the audit.",
            (w.RELEASE,),
            {
                VIEW: INTERNAL,
                ACCESS: INTERNAL,
                MODIFY: STAFF_EDIT,
                DELETE: STAFF_EDIT,
                REVIEW: COORDINATOR,
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
                ACCESS: INTERNAL,
                MODIFY: COORDINATOR,
                # the coordinator may retract and delete anyway; deleting at once
                # (or with the project that holds it) is theirs, never the staff's
                DELETE: COORDINATOR,
                REVIEW: COORDINATOR,
            },
            acquire=(VIEW, ACCESS),
        ),
        w.ARCHIVED: state(
            "Archived",
            "No longer current; kept for the record.",
            (w.RETRACT,),
            {
                VIEW: INTERNAL,
                ACCESS: INTERNAL,
                MODIFY: ADMINS,
                DELETE: COORDINATOR,
                REVIEW: COORDINATOR,
            },
            acquire=(VIEW, ACCESS),
        ),
    },
    "transitions": {
        w.RELEASE: transition("Release", w.RELEASED, REVIEW, "Release"),
        w.ARCHIVE: transition("Archive", w.ARCHIVED, REVIEW, "Archive"),
        w.RETRACT: transition("Retract", w.DRAFT, REVIEW, "Back to draft"),
    },
}

LIBRARY = {
    "id": w.LIBRARY_WORKFLOW,
    "title": "bibqual: library",
    "description": "A library is internal: staff and its auditors see it, anonymous never.",
    "initial": w.INTERNAL,
    "permissions": (
        ACCESS,
        VIEW,
        MODIFY,
        DELETE,
        ADD_YEAR_PLAN,
        ADD_ASSURANCE,
        ADD_EVIDENCE,
        REVIEW,
    ),
    "states": {
        w.INTERNAL: state(
            "Internal",
            "Visible to the library's staff and auditors.",
            (),
            {
                VIEW: AUDIT,
                ACCESS: AUDIT,
                MODIFY: COORDINATOR,
                DELETE: ADMINS,
                ADD_YEAR_PLAN: STAFF_ADD,
                ADD_ASSURANCE: STAFF_ADD,
                ADD_EVIDENCE: STAFF_ADD,
                REVIEW: COORDINATOR,
            },
        ),
    },
    "transitions": {},
}

WORKFLOWS = (PROJECT, ASSURANCE, YEARPLAN, EVIDENCE, LIBRARY)

ALL_ROLES = (
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

VARIABLES = """
  <variable variable_id="action" for_catalog="False" for_status="True" update_always="True">
    <description>Previous transition</description>
    <default><expression>transition/getId|nothing</expression></default>
    <guard></guard>
  </variable>
  <variable variable_id="actor" for_catalog="False" for_status="True" update_always="True">
    <description>The ID of the user who performed the previous transition</description>
    <default><expression>user/getId</expression></default>
    <guard></guard>
  </variable>
  <variable variable_id="comments" for_catalog="False" for_status="True" update_always="True">
    <description>Comment about the last transition</description>
    <default><expression>python:state_change.kwargs.get('comment', '')</expression></default>
    <guard></guard>
  </variable>
  <variable variable_id="review_history" for_catalog="False" for_status="False"
            update_always="False">
    <description>Provides access to workflow history</description>
    <default><expression>state_change/getHistory</expression></default>
    <guard><guard-permission>Review portal content</guard-permission>
    <guard-permission>Request review</guard-permission></guard>
  </variable>
  <variable variable_id="time" for_catalog="False" for_status="True" update_always="True">
    <description>When the previous transition was performed</description>
    <default><expression>state_change/getDateTime</expression></default>
    <guard></guard>
  </variable>
"""


def with_add_portal_content(wf):
    """The workflow with "Add portal content" granted wherever a bibqual add permission is."""
    adds = [p for p in wf["permissions"] if p.startswith("bibqual: Add")]
    if not adds:
        return wf
    states = {}
    for state_id, st in wf["states"].items():
        roles = []
        for permission in adds:
            roles.extend(role for role in st["perms"][permission] if role not in roles)
        states[state_id] = {**st, "perms": {**st["perms"], ADD_PORTAL_CONTENT: tuple(roles)}}
    return {**wf, "permissions": (*wf["permissions"], ADD_PORTAL_CONTENT), "states": states}


def with_sharing(wf):
    """The workflow with the sharing permissions given to the coordinator in every state."""
    states = {
        state_id: {
            **st,
            "perms": {**st["perms"], **dict.fromkeys(SHARING_PERMISSIONS, COORDINATOR)},
        }
        for state_id, st in wf["states"].items()
    }
    return {**wf, "permissions": (*wf["permissions"], *SHARING_PERMISSIONS), "states": states}


def render(wf):
    wf = with_sharing(with_add_portal_content(wf))
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!-- Generated by scripts/workflows.py; edit the tables there, not this file. -->",
        '<dc-workflow xmlns:i18n="http://xml.zope.org/namespaces/i18n"',
        f'             workflow_id="{wf["id"]}"',
        f'             title="{escape(wf["title"])}"',
        f'             description="{escape(wf["description"])}"',
        '             state_variable="review_state"',
        f'             initial_state="{wf["initial"]}"',
        '             manager_bypass="False"',
        '             i18n:domain="bibqual"',
        '             i18n:attributes="title; description">',
        "",
    ]
    out += [f"  <permission>{escape(p)}</permission>" for p in wf["permissions"]]
    for state_id, st in wf["states"].items():
        out.append(
            f'  <state state_id="{state_id}" title="{escape(st["title"])}" i18n:attributes="title">'
        )
        out.append(f'    <description i18n:translate="">{escape(st["description"])}</description>')
        out += [f'    <exit-transition transition_id="{t}" />' for t in st["exits"]]
        for permission in wf["permissions"]:
            roles = st["perms"][permission]
            unknown = set(roles) - set(ALL_ROLES)
            assert not unknown, unknown
            acquired = "True" if permission in st["acquire"] else "False"
            out.append(f'    <permission-map name="{escape(permission)}" acquired="{acquired}">')
            out += [f"      <permission-role>{r}</permission-role>" for r in roles]
            out.append("    </permission-map>")
        out.append("  </state>")
    for transition_id, tr in wf["transitions"].items():
        out += [
            f'  <transition transition_id="{transition_id}" title="{escape(tr["title"])}"',
            f'              new_state="{tr["new_state"]}" trigger="USER"',
            '              before_script="" after_script="" i18n:attributes="title">',
            f'    <action url="%(content_url)s/content_status_modify?workflow_action='
            f'{transition_id}" category="workflow" i18n:translate="">'
            f"{escape(tr['action'])}</action>",
            f"    <guard><guard-permission>{escape(tr['guard'])}</guard-permission></guard>",
            "  </transition>",
        ]
    out.append(VARIABLES.rstrip())
    out.append("</dc-workflow>")
    return "\n".join(out) + "\n"


def main():
    base = ROOT / "src" / "bibqual" / "profiles" / "default" / "workflows"
    for wf in WORKFLOWS:
        folder = base / wf["id"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "definition.xml").write_text(render(wf), encoding="utf-8")
        print(f"wrote {folder.relative_to(ROOT)}/definition.xml")


if __name__ == "__main__":
    main()
