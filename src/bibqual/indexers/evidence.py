"""Indexer of the projects an evidence item is linked to."""

from bibqual.content.evidence import IEvidence
from bibqual.validation import safe_link
from plone.indexer import indexer
from plone.uuid.interfaces import IUUID
from zope.component import queryUtility
from zope.intid.interfaces import IIntIds


# Catalog index (KeywordIndex, no metadata column) of the linked projects' UIDs.
RELATED_PROJECT_UIDS = "related_project_uids"


def _target(relation, context):
    """The relation's target, found through the intid utility of ``context``'s site
    (indexing may run at commit time, when no site is set)."""
    to_id = getattr(relation, "to_id", None)
    if to_id is None:
        return None
    intids = queryUtility(IIntIds, context=context)
    return intids.queryObject(to_id) if intids is not None else None


@indexer(IEvidence)
def related_project_uids(obj):
    """UIDs of the projects and assurance projects in ``related_projects``
    (broken relations are left out), so pages find linked evidence by catalog."""
    uids = []
    for relation in getattr(obj, "related_projects", None) or ():
        target = _target(relation, obj)
        uid = IUUID(target, None) if target is not None else None
        if uid and uid not in uids:
            uids.append(uid)
    return uids


@indexer(IEvidence)
def remote_url(obj):
    """The evidence's link, in Plone's ``getRemoteUrl`` metadata (listings need no object).

    Only a web address is indexed: listings that render the metadata as a link
    never get a ``javascript:`` or ``data:`` link stored before the schema refused it.
    """
    value = safe_link(getattr(obj, "remote_url", None))
    if not value:
        raise AttributeError("getRemoteUrl")
    return value
