"""Upgrade to 1002: the security pass (issue 9).

- sharing on bibqual content is the coordinator's (workflows manage the sharing
  permissions): the new role mappings are applied to bibqual's own objects only;
- the network rule is indexed (``network_shared``) for existing projects;
- auditor groups get random ids and are real groups to Plone (the plugin is
  activated for enumeration, introspection and properties).
"""

from bibqual.audit.grants import install_plugin
from bibqual.audit.grants import take_over_legacy_groups
from bibqual.ids import BIBQUAL_TYPES
from bibqual.ids import PROFILE_DEFAULT
from bibqual.ids import SMART_PROJECT
from bibqual.network.sharing import INDEX as NETWORK_SHARED
from plone import api
import logging


logger = logging.getLogger("bibqual.upgrades")

# Not the catalog step: importing catalog.xml again empties the indexes it names.
STEPS = ("workflow", "rolemap")


def upgrade(context):
    """Import workflows, permissions and catalog again; update bibqual's objects only."""
    portal = api.portal.get()
    setup = api.portal.get_tool("portal_setup")
    for step in STEPS:
        setup.runImportStepFromProfile(PROFILE_DEFAULT, step, run_dependencies=False)
    workflow_tool = api.portal.get_tool("portal_workflow")
    catalog = api.portal.get_tool("portal_catalog")
    if NETWORK_SHARED not in catalog.indexes():
        catalog.addIndex(NETWORK_SHARED, "BooleanIndex")
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=BIBQUAL_TYPES):
        obj = brain._unrestrictedGetObject()
        changed = False
        for workflow in workflow_tool.getWorkflowsFor(obj):
            changed = workflow.updateRoleMappingsFor(obj) or changed
        if changed:
            obj.reindexObject(idxs=["allowedRolesAndUsers"])
            count += 1
        if brain.portal_type == SMART_PROJECT:
            obj.reindexObject(idxs=[NETWORK_SHARED])
    logger.info("bibqual 1002: role mappings of %s objects updated", count)
    install_plugin(portal)
    changed = take_over_legacy_groups(portal)
    logger.info("bibqual 1002: auditor groups of %s libraries renewed", changed)
