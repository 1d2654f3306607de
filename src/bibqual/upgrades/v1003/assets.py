"""1003: bibqual's CSS and JS on bibqual's pages only (issue 11, item 7).

New sites get the bundle disabled from ``registry.xml``; bibqual's pages switch it
on per request (``browser/assets.py``). On an existing site only one value of
bibqual's own bundle record changes: ``plone.bundles/bibqual.enabled``. Its files,
dependencies and any other bundle stay as they are.
"""

from plone.registry.interfaces import IRegistry
from zope.component import getUtility
import logging


logger = logging.getLogger("bibqual.upgrades")

ENABLED_RECORD = "plone.bundles/bibqual.enabled"


def keep_assets_to_bibqual(context):
    """Disable bibqual's bundle for the whole site (bibqual's pages enable it)."""
    registry = getUtility(IRegistry)
    if ENABLED_RECORD not in registry.records:
        logger.info("bibqual 1003: no bundle record %s, nothing to change", ENABLED_RECORD)
        return
    registry[ENABLED_RECORD] = False
