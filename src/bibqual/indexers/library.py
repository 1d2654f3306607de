"""Indexers that tie every bibqual item to its library and year."""

from bibqual.content.interfaces import IBibqualContent
from bibqual.utils import find_library
from bibqual.utils import find_year_plan
from plone.indexer import indexer
from plone.uuid.interfaces import IUUID


# Catalog index names of the indexers below (catalog.xml names them too).
LIBRARY_UID = "library_uid"
LIBRARY_TITLE = "library_title"
YEAR = "year"
LIBRARY_SHARES = "library_shares"


@indexer(IBibqualContent)
def library_uid(obj):
    """UID of the Library the item belongs to (a Library indexes its own)."""
    library = find_library(obj)
    if library is None:
        raise AttributeError(LIBRARY_UID)
    return IUUID(library, None)


@indexer(IBibqualContent)
def library_title(obj):
    """Title of the owning Library, so listings need not wake it."""
    library = find_library(obj)
    if library is None:
        raise AttributeError(LIBRARY_TITLE)
    return library.Title()


@indexer(IBibqualContent)
def year(obj):
    """The year of the year plan the item belongs to."""
    plan = find_year_plan(obj)
    value = getattr(plan, "year", None) if plan is not None else None
    if value is None:
        raise AttributeError(YEAR)
    return value


@indexer(IBibqualContent)
def library_shares(obj):
    """Whether the owning library shares its projects with the network."""
    library = find_library(obj)
    return bool(getattr(library, "share_with_network", False)) if library is not None else False
