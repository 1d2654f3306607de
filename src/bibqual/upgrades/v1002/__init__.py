"""Upgrade to 1002: the security pass (issue 9).

- sharing on bibqual content is the coordinator's (workflows manage the sharing
  permissions): the new role mappings are applied to bibqual's own objects only;
- the network rule is indexed (``network_shared``) for existing projects;
- auditor groups get random ids and are real groups to Plone (the plugin is
  activated for enumeration, introspection and properties).
"""

from bibqual.audit.grants import install_plugin
from bibqual.audit.grants import take_over_legacy_groups
from bibqual.upgrades.steps import import_steps
from bibqual.upgrades.steps import update_indexes
from bibqual.upgrades.steps import update_role_mappings
from plone import api
import logging


logger = logging.getLogger("bibqual.upgrades")


def upgrade(context):
    """Import workflows and permissions again; update bibqual's objects only."""
    import_steps("workflow", "rolemap")
    count = update_role_mappings()
    logger.info("bibqual 1002: role mappings of %s objects updated", count)
    update_indexes()
    portal = api.portal.get()
    install_plugin(portal)
    changed = take_over_legacy_groups(portal)
    logger.info("bibqual 1002: auditor groups of %s libraries renewed", changed)
