"""Versions of bibqual's items, without CMF's site-wide counter.

CMFEditions gives an object its history id with its first version, from CMF's one counter
``portal_uidgenerator``: every item added anywhere in the site writes that one number, so any two
additions at the same time (two instances, two libraries) conflict on it, and a request that keeps
conflicting ends as an error. bibqual's versioned types (``repositorytool.xml``: versionable, but
without Plone's ``at_edit_autoversion``, which would take the counter first) are versioned here
instead, exactly when Plone would version them: a first version when the item is added (after
CMFUid has cleared a copied item's old id), a new one when a save changed it. The history id is a
random 60-bit number above every number the counter gives, so no two additions write one object.
Reverting, the history listing and change notes keep working; the host's own content keeps the
counter.
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from bibqual.content.interfaces import IBibqualContent
from plone.app.versioningbehavior import _ as plone_
from plone.app.versioningbehavior.behaviors import IVersioningSupport
from plone.app.versioningbehavior.utils import get_change_note
from plone.base.utils import base_hasattr
from Products.CMFCore.utils import getToolByName
from Products.CMFEditions.interfaces.IArchivist import ArchivistUnregisteredError
from Products.CMFEditions.interfaces.IModifier import FileTooLargeToVersionError
from Products.CMFUid.interfaces import IUniqueIdAnnotationManagement
from zope.component import queryUtility
from zope.container.interfaces import IContainerModifiedEvent
from zope.lifecycleevent.interfaces import IObjectAddedEvent
import secrets


HISTORY_ID = "cmf_uid"  # the attribute CMFEditions' history id handler reads (CMFUid)
FIRST_OWN_ID = 1 << 60


def new_history_id():
    """A history id that no other item has and the site-wide counter never reaches."""
    return FIRST_OWN_ID | secrets.randbits(60)


def _give_history_id(item):
    if getattr(aq_base(item), HISTORY_ID, None) is not None:  # its own, not acquired
        return
    annotations = queryUtility(IUniqueIdAnnotationManagement)
    if annotations is not None:
        annotations(item, HISTORY_ID).setUid(new_history_id())


def _repository(item):
    if not IVersioningSupport.providedBy(item):
        return None
    repository = getToolByName(item, "portal_repository", None)
    if repository is None or not repository.isVersionable(item):
        return None
    return repository


def _changed(repository, item):
    if not base_hasattr(item, "version_id"):
        return True
    try:
        return not repository.isUpToDate(item, item.version_id)
    except ArchivistUnregisteredError:  # imported, or its history was removed
        return True


def version(item, event):
    """Save a version of a versioned bibqual item that was added or changed (not when only its
    contents changed); the user's change note, if any, is the version's comment."""
    if IContainerModifiedEvent.providedBy(event):
        return
    if IObjectAddedEvent.providedBy(event) and event.newParent is None:
        return
    repository = _repository(item)
    if repository is None or not _changed(repository, item):
        return
    # CMFEditions records the container's history id with every version: a bibqual container
    # (library, year plan, project) gets its own too, on its first child's first version
    _give_history_id(item)
    parent = aq_parent(aq_inner(item))
    if IBibqualContent.providedBy(parent):
        _give_history_id(parent)
    added = IObjectAddedEvent.providedBy(event)
    default = plone_("initial_version_changeNote", default="Initial version") if added else None
    request = getattr(item, "REQUEST", None)
    note = get_change_note(request, default) if request is not None else default
    try:
        repository.save(obj=item, comment=note)
    except FileTooLargeToVersionError:
        pass  # as Plone: a file above CMFEditions' limit is not versioned
