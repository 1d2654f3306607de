"""1004: the types, workflows and permissions of the certification round.

The four new types (Certification, SelfAssessment, AuditReport, Finding) and
their workflows come from the profile's type, workflow and permission steps; the
library workflow now maps "bibqual: Add Certification" (the coordinator starts a
round), so the new tables are applied to bibqual's existing objects, and only
to them.
"""

from bibqual.upgrades.steps import import_steps
from bibqual.upgrades.steps import update_role_mappings
import logging


logger = logging.getLogger("bibqual.upgrades")

# The types first: the workflow step binds the new workflows to them.
STEPS = ("typeinfo", "workflow", "rolemap")


def add_round_types(context):
    """Import the types, workflows and permission settings of ``bibqual:default`` again."""
    import_steps(*STEPS)


def update_security(context):
    """Apply the workflows' permission tables to bibqual's objects (libraries get
    the coordinator's right to start a round)."""
    count = update_role_mappings()
    logger.info("bibqual 1004: role mappings of %s objects updated", count)
