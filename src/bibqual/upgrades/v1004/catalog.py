"""1004: the catalog of the certification round, without emptying anything.

The round's screens read new metadata columns (``certified_until``, a finding's
``norm_field``, ``kind``, ``due`` and ``action_uids``, an assurance project's
``last_adjusted``) and query a new index (``action_uids``). The columns are the
profile's ``catalog.xml``; they are added here by code, the missing ones only
(importing the catalog step again is what ``upgrades.steps`` avoids). Then the
new index is added and filled, and the metadata refreshed, for bibqual's own
objects (``steps.update_indexes``).
"""

from bibqual.upgrades.steps import update_indexes
from importlib.resources import files
from plone import api
from xml.etree import ElementTree
import logging


logger = logging.getLogger("bibqual.upgrades")

CATALOG_XML = files("bibqual") / "profiles" / "default" / "catalog.xml"


def profile_columns():
    """The metadata columns ``bibqual:default`` names in its ``catalog.xml``."""
    root = ElementTree.fromstring(CATALOG_XML.read_bytes())
    return [node.get("value") for node in root.iter("column") if node.get("remove") is None]


def add_columns(context):
    """Add the profile's metadata columns the catalog lacks (existing ones stay as
    they are; adding a column empties nothing)."""
    catalog = api.portal.get_tool("portal_catalog")
    missing = [name for name in profile_columns() if name not in catalog.schema()]
    for name in missing:
        catalog.addColumn(name)
    logger.info("bibqual 1004: metadata columns added: %s", ", ".join(missing) or "none")


def index_content(context):
    """Add and fill the new indexes; refresh the metadata of bibqual's objects."""
    update_indexes()
