"""Upgrade to 1001: PDCA workflows, the Auditor's permissions and audit grants."""

from bibqual.audit.grants import install_plugin
from bibqual.ids import BIBQUAL_TYPES
from bibqual.ids import PROFILE_DEFAULT
from bibqual.indexers.evidence import RELATED_PROJECT_UIDS
from bibqual.indexers.library import LIBRARY_SHARES
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
    "catalog",
)
NEW_INDEXES = (RELATED_PROJECT_UIDS, LIBRARY_SHARES)


def upgrade(context):
    """Import the workflow, permission, sharing, registry, action, type and catalog
    steps again (new default views, bundle and indexes), index the new indexes,
    then update the role mappings of existing content (so permissions follow the
    new state definitions) and reindex its security and state."""
    setup = api.portal.get_tool("portal_setup")
    for step in STEPS:
        setup.runImportStepFromProfile(PROFILE_DEFAULT, step)
    install_plugin(api.portal.get())
    workflow_tool = api.portal.get_tool("portal_workflow")
    count = workflow_tool.updateRoleMappings()
    logger.info("bibqual 1001: role mappings of %s objects updated", count)
    catalog = api.portal.get_tool("portal_catalog")
    catalog.manage_reindexIndex(ids=list(NEW_INDEXES))
    for brain in catalog.unrestrictedSearchResults(portal_type=BIBQUAL_TYPES):
        # review_state follows the new workflows; idxs also refreshes all metadata
        brain._unrestrictedGetObject().reindexObject(idxs=["review_state"])
