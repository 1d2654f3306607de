"""Partner sites: other bibqual Plone sites whose shared projects can be searched and copied.

bibqual asks the partner's plone.restapi with the service account of the settings:
``GET {base}/@similar-projects?q=...`` to search and ``GET {project url}`` to copy.
The work is split in three modules, used here:

- ``partner_sites``: the partners in the settings; which URLs belong to a partner.
- ``partner_client``: the bounded HTTP exchange (total deadline, size limit, redirects
  within the partner, a limit on concurrent requests); failures are ``PartnerError``.
- ``partner_answers``: the strict check of the partner's JSON.

Security:

- The password is kept in the registry in plain text. Only who may open the
  bibqual control panel (Manager, Site Administrator) can read it, but use a
  dedicated, read-only service account on the partner: a plain member with the
  Reader role on the partner's libraries that share with the network, nothing more.
- Only URLs under a configured partner's base URL are ever requested; other URLs are
  refused before any request is made, so users cannot make the site fetch arbitrary
  addresses.
- Who may search partners is decided by the service (``@similar-projects``): staff of a
  library that shares with the network.

Failures raise ``PartnerError`` with a message for the librarian (translatable)
and the HTTP status the services answer with: 504 when the partner was too slow,
503 when too many partner requests are running, 502 for everything else it did wrong.
"""

from AccessControl import getSecurityManager
from bibqual import _
from bibqual.ids import SMART_PROJECT
from bibqual.network.copy import create_copy
from bibqual.network.partner_answers import ShapeError
from bibqual.network.partner_answers import partner_copy_data
from bibqual.network.partner_answers import search_hits
from bibqual.network.partner_client import PartnerError
from bibqual.network.partner_client import get_json
from bibqual.network.partner_client import get_json_all
from bibqual.network.partner_client import not_bibqual
from bibqual.network.partner_sites import NOT_A_PARTNER
from bibqual.network.partner_sites import partner_for_url
from bibqual.network.partner_sites import partner_sites
from bibqual.permissions import SEARCH_PARTNERS
import logging


__all__ = [
    "NOT_A_PARTNER",
    "PartnerError",
    "copy_partner_project",
    "fetch_partner_project",
    "partner_for_url",
    "partner_sites",
    "search_partners",
]

logger = logging.getLogger(__name__)


def search_partners(text, limit=10, sites=None):
    """Search every partner at once: ``(hits, [(partner name, PartnerError), ...])``.

    All partners are asked in parallel, as one request to the partner client: one
    total deadline for all of them. A partner that fails only adds an error.
    """
    sites = partner_sites() if sites is None else sites
    calls = [(site, f"{site.url}/@similar-projects", {"q": text, "limit": limit}) for site in sites]
    hits, errors = [], []
    for site, outcome in zip(sites, get_json_all(calls), strict=True):
        if isinstance(outcome, PartnerError):
            errors.append((site.name, outcome))
            continue
        try:
            hits.extend(search_hits(site, outcome, limit))
        except ShapeError:
            logger.warning("Partner %s answered a search with an unexpected shape", site.name)
            errors.append((site.name, not_bibqual(site)))
    return hits, errors


def fetch_partner_project(url, sites=None):
    """``(site, project JSON)`` of the SmartProject at ``url`` on a configured partner.

    Refuses, without any request, a URL that is not under a partner's base URL.
    Raises ``PartnerError``.
    """
    url = (url or "").strip() if isinstance(url, str) else ""
    site = partner_for_url(url, sites)
    if site is None:
        raise PartnerError(NOT_A_PARTNER, status=403)
    data = get_json(site, url)
    if not isinstance(data, dict):
        raise not_bibqual(site)
    if data.get("@type") != SMART_PROJECT:
        raise PartnerError(
            _(
                "This address is not a SMART project of partner site '${name}'.",
                mapping={"name": site.name},
            ),
            status=400,
        )
    return site, data


def copy_partner_project(url, plan, sites=None, title=None):
    """Copy the partner project at ``url`` into ``plan``; return the new project,
    titled ``title`` when given (else the partner's title).

    Everything is fetched and checked before anything is created. Raises ``PartnerError``.
    """
    url = url.strip()
    site, data = fetch_partner_project(url, sites)
    try:
        values, spearhead = partner_copy_data(data, plan)
    except ShapeError:
        logger.warning("Partner %s sent a project with an unexpected shape: %s", site.name, url)
        raise not_bibqual(site)
    if title:
        values["title"] = title
    return create_copy(plan, values, copied_from=url, spearhead=spearhead)


def may_search_partners(library):
    """Whether the user may search the partner sites from ``library``: it shares with
    the network and the user has "bibqual: Search partner sites" on it (its staff)."""
    return (
        library is not None
        and bool(getattr(library, "share_with_network", False))
        and bool(getSecurityManager().checkPermission(SEARCH_PARTNERS, library))
    )
