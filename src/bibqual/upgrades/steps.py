"""What bibqual's upgrade steps share: they touch only bibqual's own objects."""

from bibqual.ids import BIBQUAL_TYPES
from bibqual.indexers.catalog import add_indexes
from bibqual.indexers.catalog import index_bibqual_content
from plone import api


def import_steps(*steps):
    """Import ``steps`` of ``bibqual:default`` again (never the catalog step: it would
    empty the indexes it names; see ``indexers.catalog``)."""
    setup = api.portal.get_tool("portal_setup")
    for step in steps:
        setup.runImportStepFromProfile("profile-bibqual:default", step, run_dependencies=False)


def update_role_mappings():
    """Apply the workflows' permission tables to bibqual's objects, and only to them
    (a hand-set permission on any other item of the site stays as it is).
    Returns the number of objects changed."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=BIBQUAL_TYPES):
        obj = brain._unrestrictedGetObject()
        changed = False
        for workflow in workflow_tool.getWorkflowsFor(obj):
            changed = workflow.updateRoleMappingsFor(obj) or changed
        if changed:
            obj.reindexObject(idxs=["allowedRolesAndUsers", "review_state"])
            count += 1
    return count


def update_indexes():
    """Add bibqual's missing indexes and fill them (and the metadata) for bibqual's objects."""
    catalog = api.portal.get_tool("portal_catalog")
    return index_bibqual_content(catalog, add_indexes(catalog))
