"""1006: bibqual's types and workflow tables of issue 15, applied to existing objects.

The types are read again (their views changed for issue 15, e.g. the evidence page).

Every state of every bibqual workflow now maps "Modify view template" to the
site administrators only (Plone's display menu asks for it), so staff can no
longer replace a library's dashboard for everyone. The workflow step reads all
of bibqual's tables again, so any other change to them (a new transition) comes
along; the new permission tables are then applied to bibqual's objects only.
"""

from bibqual.upgrades.steps import import_steps
from bibqual.upgrades.steps import update_role_mappings
import logging


logger = logging.getLogger("bibqual.upgrades")


def update_types(context):
    """Import bibqual's types again (bibqual's own FTIs only: the profile names no other)."""
    import_steps("typeinfo")


def update_workflows(context):
    """Import bibqual's workflows again and apply them to bibqual's objects."""
    import_steps("workflow")
    count = update_role_mappings()
    logger.info("bibqual 1006: role mappings of %s objects updated", count)
