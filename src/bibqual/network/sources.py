"""Resolve the project a user wants to copy, and check that they may copy it.

A source is a local project (UID or URL) or the URL of a project on a partner
site (``bibqual.network.partners``); the URL of any other site is refused.
"""

from AccessControl import getSecurityManager
from bibqual import _
from bibqual.ids import SMART_PROJECT
from bibqual.network.sharing import shared_with_network
from plone import api


class SourceError(ValueError):
    """The source cannot be copied; ``status`` is the HTTP status to answer."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.status = status


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
    from bibqual.network.partners import NOT_A_PARTNER
    from bibqual.network.partners import partner_for_url

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
