"""bibqual's catalog indexes, added by code so that installing never empties them.

Importing a ``catalog.xml`` that names an index re-creates that index empty: a
reinstall (or an upgrade that imports the catalog step) would lose what existing
bibqual content had indexed. So the profile's ``catalog.xml`` holds only the
metadata columns; the indexes are added here when missing, and then filled for
bibqual's own objects only (never a rebuild of the whole site).
"""

from bibqual.ids import BIBQUAL_TYPES
from bibqual.indexers.evidence import RELATED_PROJECT_UIDS
from bibqual.indexers.indexes import DayIndex
from bibqual.indexers.indexes import IntegerIndex
from bibqual.indexers.indexes import is_older_kind
from bibqual.indexers.library import LIBRARY_SHARES
from bibqual.indexers.library import LIBRARY_UID
from bibqual.indexers.library import YEAR
from bibqual.indexers.round import ACTION_UIDS
from bibqual.network.sharing import INDEX as NETWORK_SHARED
import logging


logger = logging.getLogger("bibqual.indexers")

# (name, kind): a stock meta type, or one of bibqual's index classes.
INDEXES = (
    ("norm_fields", "KeywordIndex"),
    ("core_functions", "KeywordIndex"),
    ("policy_topics", "KeywordIndex"),
    (YEAR, IntegerIndex),
    ("deadline", DayIndex),
    ("responsible", "FieldIndex"),
    (LIBRARY_UID, "FieldIndex"),
    ("indicator_progress", IntegerIndex),
    ("document_type", "FieldIndex"),
    ("valid_until", DayIndex),
    ("next_review", DayIndex),
    (RELATED_PROJECT_UIDS, "KeywordIndex"),
    (LIBRARY_SHARES, "BooleanIndex"),
    (NETWORK_SHARED, "BooleanIndex"),
    (ACTION_UIDS, "KeywordIndex"),
)
INDEX_NAMES = tuple(name for name, _kind in INDEXES)


def add_indexes(catalog):
    """Add bibqual's indexes that are missing and replace those an older bibqual
    made of a stock class where bibqual's own belongs; return their names (empty:
    to be filled)."""
    existing = set(catalog.indexes())
    added = []
    for name, kind in INDEXES:
        if name in existing:
            if not is_older_kind(catalog._catalog.getIndex(name), kind):
                continue
            catalog.delIndex(name)
        # a DateIndex reads naive datetimes as local time
        catalog.addIndex(name, kind(name) if isinstance(kind, type) else kind)
        added.append(name)
    return added


def index_bibqual_content(catalog, names):
    """Fill ``names`` and refresh the metadata of bibqual's objects, and only theirs."""
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=BIBQUAL_TYPES):
        obj = brain._unrestrictedGetObject()
        catalog.catalog_object(obj, brain.getPath(), idxs=list(names) or ["getId"])
        count += 1
    logger.info("bibqual: indexed %s items (%s)", count, ", ".join(names) or "metadata")
    return count


def install_indexes(catalog):
    """What installing does: add the missing indexes and index bibqual's content."""
    index_bibqual_content(catalog, add_indexes(catalog))
