"""Workflow, state and transition ids of bibqual (see CONTRACT.md)."""

# Workflows
PROJECT_WORKFLOW = "bibqual_project_workflow"
ASSURANCE_WORKFLOW = "bibqual_assurance_workflow"
YEARPLAN_WORKFLOW = "bibqual_yearplan_workflow"
EVIDENCE_WORKFLOW = "bibqual_evidence_workflow"
LIBRARY_WORKFLOW = "bibqual_library_workflow"

# PDCA states (projects and assurance projects)
PLAN = "plan"
DO = "do"
CHECK = "check"
ACT = "act"
DONE = "done"
CANCELLED = "cancelled"

# Year plan states
DRAFT = "draft"
ADOPTED = "adopted"
CLOSED = "closed"

# Evidence states (DRAFT is shared with year plans)
RELEASED = "released"
ARCHIVED = "archived"

# Library state
INTERNAL = "internal"

# Transitions
START = "start"
EVALUATE = "evaluate"
ADJUST = "adjust"
COMPLETE = "complete"
REPLAN = "replan"
CANCEL = "cancel"
REOPEN = "reopen"
NEW_CYCLE = "new_cycle"
ADOPT = "adopt"
CLOSE = "close"
RELEASE = "release"
ARCHIVE = "archive"
RETRACT = "retract"

# States in which a project is still being worked on
OPEN_PROJECT_STATES = (PLAN, DO, CHECK, ACT)

# All project states, in PDCA order
PROJECT_STATES = (PLAN, DO, CHECK, ACT, DONE, CANCELLED)
