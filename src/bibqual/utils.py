"""Helpers to find the library and year plan an item belongs to."""

from Acquisition import aq_chain
from Acquisition import aq_inner
from Acquisition import aq_parent
from bibqual.ids import LIBRARY
from bibqual.ids import YEAR_PLAN
from zope.globalrequest import getRequest


def _published_context():
    """The context of the view or REST service being published, if any.

    An item that plone.restapi is creating is validated before it is added to
    its container, so it has no acquisition chain yet; the service's context
    is that container.
    """
    request = getRequest()
    if request is None:
        return None
    published = request.get("PUBLISHED", None)
    return getattr(published, "context", None)


def _find(context, portal_type):
    candidates = [context]
    if context is None or aq_parent(aq_inner(context)) is None:
        # not (yet) in a container: look where the request is
        candidates.append(_published_context())
    for candidate in candidates:
        if candidate is None:
            continue
        for obj in aq_chain(aq_inner(candidate)):
            if getattr(obj, "portal_type", None) == portal_type:
                return obj
    return None


def find_library(context):
    """The Library that holds ``context`` (or is ``context``), else ``None``."""
    return _find(context, LIBRARY)


def find_year_plan(context):
    """The YearPlan that holds ``context`` (or is ``context``), else ``None``."""
    return _find(context, YEAR_PLAN)
