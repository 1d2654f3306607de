"""Upgrade to 1001: PDCA workflows, the Auditor's permissions and audit grants."""

from bibqual.audit.grants import install_plugin
from bibqual.ids import BIBQUAL_TYPES
from bibqual.ids import PROFILE_DEFAULT
from plone import api
import logging


logger = logging.getLogger("bibqual.upgrades")

STEPS = ("workflow", "rolemap", "sharing", "plone.app.registry", "actions", "typeinfo")


def upgrade(context):
    """Import the workflow, permission, sharing, registry and action steps again,
    then update the role mappings of existing content (so permissions follow
    the new state definitions) and reindex its security."""
    setup = api.portal.get_tool("portal_setup")
    for step in STEPS:
        setup.runImportStepFromProfile(PROFILE_DEFAULT, step)
    install_plugin(api.portal.get())
    workflow_tool = api.portal.get_tool("portal_workflow")
    count = workflow_tool.updateRoleMappings()
    logger.info("bibqual 1001: role mappings of %s objects updated", count)
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type=BIBQUAL_TYPES):
        brain._unrestrictedGetObject().reindexObject(idxs=["review_state"])
