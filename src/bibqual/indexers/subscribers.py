"""Keep the catalog of descendants right when a library or year plan changes.

Projects and evidence carry their library's title and their plan's year in the
catalog (so listings need no parent object); when those change, the
descendants are reindexed.
"""

from bibqual.indexers.library import LIBRARY_SHARES
from bibqual.indexers.library import LIBRARY_UID
from bibqual.indexers.library import YEAR
from bibqual.network.sharing import INDEX as NETWORK_SHARED
from plone import api
from zope.container.interfaces import IContainerModifiedEvent


def _reindex_descendants(obj, idxs):
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(obj.getPhysicalPath())
    for brain in catalog.unrestrictedSearchResults(path={"query": path, "depth": -1}):
        if brain.getPath() != path:
            # reindexObject with idxs also refreshes all metadata columns
            brain._unrestrictedGetObject().reindexObject(idxs=idxs)


def library_modified(obj, event):
    """A library's title is shown in its items' listings, and whether it shares
    decides who finds its projects: reindex them."""
    if not IContainerModifiedEvent.providedBy(event):
        _reindex_descendants(obj, [LIBRARY_UID, LIBRARY_SHARES, NETWORK_SHARED])


def year_plan_modified(obj, event):
    """A plan's year is its projects' year: reindex them."""
    if not IContainerModifiedEvent.providedBy(event):
        _reindex_descendants(obj, [YEAR])
