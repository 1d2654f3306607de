"""Released evidence is not lost with its container.

Deleting an item checks "Delete objects" on that item only, not on what it
holds. Staff may delete a project in ``plan`` (after ``replan``) and with it the
evidence the coordinator released for the audit. So the deletion of any bibqual
container that holds released or archived evidence is refused unless the user
may delete each of those evidence items themselves (the coordinator may; see the
evidence workflow); the Classic confirmation page says so beforehand.
"""

from AccessControl import getSecurityManager
from Acquisition import aq_base
from bibqual import _
from bibqual.ids import EVIDENCE
from bibqual.workflows.ids import ARCHIVED
from bibqual.workflows.ids import RELEASED
from plone import api
from Products.CMFCore.permissions import DeleteObjects
from zExceptions import Forbidden
from zope.globalrequest import getRequest
from zope.i18n import translate


KEPT_STATES = (RELEASED, ARCHIVED)

REFUSED = _(
    "This item holds ${count} released or archived evidence item(s) for the audit. "
    "Only the quality coordinator can delete it."
)
WARNING = _(
    "This item holds ${count} released or archived evidence item(s) for the audit. "
    "They will be deleted with it."
)


def kept_evidence(container):
    """The released or archived evidence inside ``container`` (not itself).

    Walks the objects rather than asking the catalog: while a deletion is under
    way the items inside are unindexed before the container's turn comes.
    """
    workflow = api.portal.get_tool("portal_workflow")
    found = []
    pending = list(_children(container))
    while pending:
        obj = pending.pop()
        if getattr(obj, "portal_type", None) == EVIDENCE:
            if workflow.getInfoFor(obj, "review_state", None) in KEPT_STATES:
                found.append(obj)
        else:
            pending.extend(_children(obj))
    return found


def _children(obj):
    values = getattr(aq_base(obj), "objectValues", None)
    return obj.objectValues() if values is not None else ()


def may_not_delete(evidence):
    """Those of ``evidence`` the current user has no right to delete."""
    check = getSecurityManager().checkPermission
    return [obj for obj in evidence if not check(DeleteObjects, obj)]


def evidence_the_user_may_not_delete(container):
    """The kept evidence inside ``container`` the current user has no right to delete."""
    return may_not_delete(kept_evidence(container))


def refuse_losing_evidence(obj, event):
    """Subscriber (object will be removed): refuse when kept evidence would go too."""
    if event.object is not obj:
        return  # dispatched to a sub-item: the removed container was checked
    blocked = evidence_the_user_may_not_delete(obj)
    if blocked:
        message = _(REFUSED, mapping={"count": len(blocked)})
        raise Forbidden(translate(message, context=getRequest()))
