"""1003: search criteria for bibqual's indexes; the year, progress and date indexes
read the text of a query (issue 11).

Only bibqual's own records and indexes change: the querystring file of the default
profile is imported alone (the rest of ``registry.xml`` is not imported again, so
the bundle and the settings keep what the administrator set), and the year,
indicator progress and date indexes are replaced by bibqual's index classes and
filled for bibqual's objects only.
"""

from bibqual.upgrades.steps import update_indexes
from plone import api
from plone.app.registry.exportimport.handler import RegistryImporter
from plone.registry.interfaces import IRegistry
from Products.GenericSetup.context import DirectoryImportContext
from zope.component import getUtility
import bibqual
import logging
import os


logger = logging.getLogger("bibqual.upgrades")

DEFAULT_PROFILE = os.path.join(os.path.dirname(bibqual.__file__), "profiles", "default")
QUERYSTRING_FILE = "registry/querystring.xml"


def import_querystring_records():
    """Import ``registry/querystring.xml`` of the default profile, and nothing else."""
    setup = api.portal.get_tool("portal_setup")
    environ = DirectoryImportContext(setup, DEFAULT_PROFILE, should_purge=False)
    RegistryImporter(getUtility(IRegistry), environ).importDocument(
        environ.readDataFile(QUERYSTRING_FILE)
    )


def add_querystring_fields(context):
    """Add the querystring records of bibqual's indexes; replace the year, progress
    and date indexes by bibqual's classes and refill them for bibqual's objects."""
    import_querystring_records()
    count = update_indexes()
    logger.info("bibqual 1003: querystring records imported, %s items reindexed", count)
