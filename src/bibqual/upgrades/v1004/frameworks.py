"""1004: the norm framework settings; an existing site keeps the framework it uses.

Until 1003 the settings' default framework was the SCOB 3rd round; new sites now
start on CBCT Kwaliteit in Beeld. A site that stored a framework keeps it (the
registry keeps a valid value, and this part puts it back in any case). A site
without the record keeps SCOB when its content is tagged with elements of SCOB
that KiB does not have; else it gets the new default.
"""

from bibqual.content.security import CLASSIFIED_TYPES
from bibqual.controlpanels.schema import IBibqualSettings
from bibqual.frameworks.site import ACTIVE_RECORD
from bibqual.frameworks.site import site_frameworks
from bibqual.frameworks.store import DEFAULT_FRAMEWORK
from bibqual.frameworks.store import SCOB3
from bibqual.ids import REGISTRY_PREFIX
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
import logging


logger = logging.getLogger("bibqual.upgrades")


def framework_in_use():
    """SCOB when bibqual's content holds a tag only SCOB knows, else the default."""
    frameworks = site_frameworks()
    default_tokens = set(frameworks[DEFAULT_FRAMEWORK].tokens())
    scob_only = set(frameworks[SCOB3].tokens()) - default_tokens
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type=CLASSIFIED_TYPES):
        if scob_only.intersection(brain.norm_fields or ()):
            return SCOB3
    return DEFAULT_FRAMEWORK


def keep_framework(context):
    """Register the new records of the settings; keep the stored framework."""
    registry = getUtility(IRegistry)
    stored = registry.get(ACTIVE_RECORD, None)
    registry.registerInterface(IBibqualSettings, prefix=REGISTRY_PREFIX)
    framework = stored if stored in site_frameworks() else framework_in_use()
    registry[ACTIVE_RECORD] = framework
    logger.info("bibqual 1004: active norm framework %s (stored: %s)", framework, stored)
