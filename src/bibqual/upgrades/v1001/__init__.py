"""Upgrade to 1001: PDCA workflows, the Auditor's permissions and audit grants."""

from bibqual.audit.grants import install_plugin
from bibqual.upgrades.steps import import_steps
from bibqual.upgrades.steps import update_indexes
from bibqual.upgrades.steps import update_role_mappings
from plone import api
import logging


logger = logging.getLogger("bibqual.upgrades")

STEPS = (
    "workflow",
    "rolemap",
    "sharing",
    "plone.app.registry",
    "actions",
    "typeinfo",
)


def upgrade(context):
    """Import the workflow, permission, sharing, registry, action and type steps
    again (new default views and bundle), add and fill the new indexes, then apply
    the new state definitions to bibqual's existing content (only bibqual's)."""
    import_steps(*STEPS)
    install_plugin(api.portal.get())
    count = update_role_mappings()
    logger.info("bibqual 1001: role mappings of %s objects updated", count)
    update_indexes()
