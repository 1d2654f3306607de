"""Workflow, state and transition ids of bibqual (see CONTRACT.md)."""

# Workflows
PROJECT_WORKFLOW = "bibqual_project_workflow"
ASSURANCE_WORKFLOW = "bibqual_assurance_workflow"
YEARPLAN_WORKFLOW = "bibqual_yearplan_workflow"
EVIDENCE_WORKFLOW = "bibqual_evidence_workflow"
LIBRARY_WORKFLOW = "bibqual_library_workflow"
CERTIFICATION_WORKFLOW = "bibqual_certification_workflow"
SELFASSESSMENT_WORKFLOW = "bibqual_selfassessment_workflow"
AUDITREPORT_WORKFLOW = "bibqual_auditreport_workflow"
FINDING_WORKFLOW = "bibqual_finding_workflow"

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

# Certification round states (DRAFT is shared)
PREPARING = "preparing"
AUDITED = "audited"
DECIDED = "decided"
SUBMITTED = "submitted"
FINAL = "final"
OPEN = "open"
# CLOSED is shared with year plans

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
AUDIT = "audit"
DECIDE = "decide"
SUBMIT = "submit"
FINALIZE = "finalize"

# States in which a project is still being worked on
OPEN_PROJECT_STATES = (PLAN, DO, CHECK, ACT)

# All project states, in PDCA order
PROJECT_STATES = (PLAN, DO, CHECK, ACT, DONE, CANCELLED)
