"""The partner sites in the settings: which addresses belong to which partner.

The site administrator lists the partners in the registry record
``bibqual.partner_sites``, one per line::

    Name|https://bibliotheek.example.nl/Plone|service-user|password

Only URLs under a configured partner's base URL may ever be requested (same scheme,
host, port and path prefix, no user info, no dot segments, no query).
"""

from bibqual import _
from bibqual.controlpanels.lines import parse_partner_site
from bibqual.ids import REGISTRY_PREFIX
from plone import api
import logging


logger = logging.getLogger(__name__)

PARTNER_SITES_RECORD = f"{REGISTRY_PREFIX}.partner_sites"

NOT_A_PARTNER = _(
    "Only projects of this site and of the partner sites in the settings can be copied."
)


def partner_sites():
    """The configured partner sites; malformed lines and repeated names are skipped."""
    sites = []
    for line in api.portal.get_registry_record(PARTNER_SITES_RECORD, default=None) or []:
        try:
            site = parse_partner_site(line)
        except ValueError:
            logger.warning("Skipping a malformed line in %s", PARTNER_SITES_RECORD)
            continue
        if site.name not in {other.name for other in sites}:
            sites.append(site)
    return sites


def partner_for_url(url, sites=None):
    """The configured partner site ``url`` belongs to, or ``None``."""
    for site in partner_sites() if sites is None else sites:
        if site.owns(url):
            return site
    return None
