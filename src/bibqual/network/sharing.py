"""What a library shows the network: the one rule, for the catalog and for copying.

A SMART project of *another* library is found (``@similar-projects``), shown and
copied (``@copy-project``) only when all of these hold:

1. its library shares with the network (``share_with_network``);
2. its year plan is adopted or closed (a draft plan is still being written);
3. the project is not cancelled;
4. neither the project nor its year plan blocks the inheritance of local roles
   (a coordinator who blocks inheritance keeps an item to a chosen few).

Everything else of that library stays invisible to the network: it is answered
as if it did not exist. The own library's projects follow the ordinary
permissions. The rule is indexed (``network_shared``) so listings need no
objects; it is reindexed when the library's setting, the plan's state, the
project's state or the inheritance of the project or plan changes.
"""

from Acquisition import aq_base
from bibqual.ids import SMART_PROJECT
from bibqual.utils import find_library
from bibqual.utils import find_year_plan
from bibqual.workflows.ids import ADOPTED
from bibqual.workflows.ids import CANCELLED
from bibqual.workflows.ids import CLOSED
from plone import api


SHARED_PLAN_STATES = (ADOPTED, CLOSED)
INDEX = "network_shared"


def _state(obj):
    workflow = api.portal.get_tool("portal_workflow")
    return workflow.getInfoFor(obj, "review_state", None)


def blocks_inheritance(obj):
    """Whether local roles from above are not inherited by ``obj``."""
    return bool(getattr(aq_base(obj), "__ac_local_roles_block__", False))


def shared_with_network(obj):
    """Whether the network may find and copy the SmartProject ``obj`` (the rule above)."""
    if getattr(obj, "portal_type", None) != SMART_PROJECT:
        return False
    library = find_library(obj)
    plan = find_year_plan(obj)
    if library is None or plan is None:
        return False
    if not getattr(library, "share_with_network", False):
        return False
    if _state(plan) not in SHARED_PLAN_STATES or _state(obj) == CANCELLED:
        return False
    return not (blocks_inheritance(obj) or blocks_inheritance(plan))


def reindex_shared(obj):
    """Refresh the rule in the catalog for ``obj`` and the projects below it."""
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(obj.getPhysicalPath())
    for brain in catalog.unrestrictedSearchResults(
        path={"query": path, "depth": -1}, portal_type=SMART_PROJECT
    ):
        brain._unrestrictedGetObject().reindexObject(idxs=[INDEX])


def plan_transitioned(plan, event):
    """Subscriber: a year plan was adopted, closed or reopened."""
    reindex_shared(plan)


def local_roles_changed(obj, event):
    """Subscriber: the sharing of an item changed (perhaps its inheritance)."""
    reindex_shared(obj)
