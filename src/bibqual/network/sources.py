"""Copy a project into a year plan from wherever it is: the one entry point.

A source is a local project (UID or URL) or the URL of a project on a partner
site (``bibqual.network.partners``); the URL of any other site is refused.
``copy_from_source`` is what the REST service, the Classic view and the add
form's panel use; every refusal is a ``BibqualError`` with its status.
"""

from AccessControl import getSecurityManager
from bibqual import _
from bibqual.errors import BibqualError
from bibqual.ids import SMART_PROJECT
from bibqual.network.copy import copy_project
from bibqual.network.duplicates import refuse_duplicate
from bibqual.network.partners import NOT_A_PARTNER
from bibqual.network.partners import copy_partner_project
from bibqual.network.partners import partner_for_url
from bibqual.network.sharing import shared_with_network
from bibqual.validation import MAX_LINE_LENGTH
from plone import api
from plone.uuid.interfaces import IUUID


class SourceError(BibqualError):
    """The source cannot be copied (400 malformed, 404 unknown or not to be copied)."""


def _by_uid(uid):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(UID=uid)
    return brains[0]._unrestrictedGetObject() if brains else None


def _by_url(url):
    portal = api.portal.get()
    portal_url = portal.absolute_url()
    if not url.startswith(portal_url + "/"):
        return None
    path = url[len(portal_url) + 1 :].split("?", 1)[0].strip("/")
    path = path.replace("++api++/", "")
    return portal.unrestrictedTraverse(path, None)


def resolve_source(source):
    """The local SmartProject a UID or URL names, if the current user may copy it.

    May copy: the user can view it, or the network may see it
    (``bibqual.network.sharing``). Raises ``SourceError``: 400 when malformed,
    404 otherwise: a project the user may not copy is answered exactly like one
    that does not exist, so its existence is not given away.
    """
    if not isinstance(source, str) or not source.strip():
        raise SourceError(_("Give the source project as a UID or URL."))
    source = source.strip()
    obj = _by_url(source) if "/" in source else _by_uid(source)
    if obj is not None and getattr(obj, "portal_type", None) == SMART_PROJECT:
        if getSecurityManager().checkPermission("View", obj) or shared_with_network(obj):
            return obj
    raise SourceError(
        _("There is no project '${source}' you may copy.", mapping={"source": source}),
        status=404,
    )


def resolve_partner_source(source):
    """The partner site whose project the URL ``source`` names, or ``None`` when local.

    ``None`` for a UID, a path or a URL of this site. Raises ``SourceError`` (403)
    for a URL of a site that is neither this one nor a configured partner: no
    request is made to it.
    """
    if not isinstance(source, str) or "://" not in source:
        return None
    source = source.strip()
    portal_url = api.portal.get().absolute_url()
    if source == portal_url or source.startswith(portal_url + "/"):
        return None
    site = partner_for_url(source)
    if site is None:
        raise SourceError(NOT_A_PARTNER, status=403)
    return site


def copy_title(title):
    """The title typed for the copy, stripped, or ``None`` when none was given.

    Raises ``BibqualError`` (400) for a title that is not text or too long.
    """
    if title is None:
        return None
    if not isinstance(title, str):
        raise BibqualError(_("Give the title of the copy as text."))
    title = " ".join(title.split())
    if len(title) > MAX_LINE_LENGTH:
        raise BibqualError(_("Title: at most ${max} characters.", mapping={"max": MAX_LINE_LENGTH}))
    return title or None


def copy_from_source(plan, source, title=None, allow_duplicate=False):
    """Copy the project ``source`` names into ``plan``; return the new project.

    Local projects are copied when the user may view them or the network may see
    them; partner projects are fetched with the partner's service account. The
    copy gets ``title`` when given (what the user typed in the add form). A
    source already in the plan (itself or a copy of it) is refused with
    ``duplicates.DuplicateError`` (409) unless ``allow_duplicate``.
    Nothing is created when a ``BibqualError`` is raised.
    """
    title = copy_title(title)
    partner = resolve_partner_source(source)
    if partner is None:
        project = resolve_source(source)
        if not allow_duplicate:
            refuse_duplicate(plan, IUUID(project))
        return copy_project(project, plan, title=title)
    url = source.strip()
    if not allow_duplicate:
        refuse_duplicate(plan, url)
    return copy_partner_project(url, plan, sites=[partner], title=title)


def origin_of(copy):
    """Where a copy came from, for people: the source's library or the partner's name."""
    source = getattr(copy, "copied_from", None) or ""
    partner = partner_for_url(source) if "://" in source else None
    if partner is not None:
        return partner.name
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(UID=source) if source else []
    return brains[0].library_title if brains else ""
