"""Year plans of a library, found through the catalog (nothing is woken).

One home for "the plan of year Y": the rollover, the year plan's own
uniqueness rule and the screens ask here.
"""

from bibqual.ids import SMART_PROJECT
from bibqual.ids import YEAR_PLAN
from plone import api


def children(container, portal_type, restricted=True, **query):
    """Catalog brains of the ``portal_type`` items directly in ``container``.

    Restricted (the default): only what the current user may view; inactive
    (expired, not yet effective) items count too, that is not a security matter.
    """
    catalog = api.portal.get_tool("portal_catalog")
    search = catalog.searchResults if restricted else catalog.unrestrictedSearchResults
    return search(
        portal_type=portal_type,
        path={"query": "/".join(container.getPhysicalPath()), "depth": 1},
        sort_on="getObjPositionInParent",
        show_inactive=True,
        **query,
    )


def plan_for_year(library, year):
    """The year plan ``year`` of ``library`` that the current user may see, or None."""
    for brain in children(library, YEAR_PLAN, year=year):
        return brain.getObject()
    return None


def year_taken(library, year, own=None):
    """Whether ``library`` has a year plan for ``year`` other than ``own``, seen by
    the user or not (the year is unique within a library)."""
    if library is None or year is None:
        return False
    own_path = "/".join(own.getPhysicalPath()) if own is not None else None
    return any(
        brain.getPath() != own_path
        for brain in children(library, YEAR_PLAN, restricted=False, year=year)
    )


def project_brains(plan, **query):
    """Brains of the SMART projects of ``plan`` the current user may view."""
    return children(plan, SMART_PROJECT, **query)
