"""The partner sites in the settings: which addresses belong to which partner.

The site administrator lists the partners in the registry record
``bibqual.partner_sites``, one per line::

    Name|https://bibliotheek.example.nl/Plone|service-user|password

Only URLs under a configured partner's base URL may ever be requested (same scheme,
host, port and path prefix, no user info, no dot segments, no query).
"""

from bibqual import _
from bibqual.ids import REGISTRY_PREFIX
from dataclasses import dataclass
from plone import api
from urllib.parse import unquote
from urllib.parse import urlsplit
from zope.interface import Invalid
import logging


logger = logging.getLogger(__name__)

PARTNER_SITES_RECORD = f"{REGISTRY_PREFIX}.partner_sites"
SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}

NOT_A_PARTNER = _(
    "Only projects of this site and of the partner sites in the settings can be copied."
)
LINE_FORMAT = _(
    "Write a partner site as 'Name|https://address-of-the-site/Plone|service-user|password'."
)


@dataclass(frozen=True)
class PartnerSite:
    """One configured partner: its name, base URL (no trailing slash) and service account."""

    name: str
    url: str
    user: str
    password: str

    def __repr__(self):  # never show the password in logs or tracebacks
        return f"PartnerSite(name={self.name!r}, url={self.url!r}, user={self.user!r})"

    def owns(self, url):
        """Whether ``url`` lies under this partner's base URL (and is safe to request)."""
        mine, other = url_parts(self.url), url_parts(url)
        if mine is None or other is None:
            return False
        scheme, host, port, path = other
        if (scheme, host, port) != mine[:3]:
            return False
        base = mine[3].rstrip("/")
        return path == base or path.startswith(base + "/")


def url_parts(url):
    """``(scheme, host, port, path)`` of a URL that may be requested, else ``None``.

    Refuses user info, queries, fragments, dot segments, backslashes and
    whitespace or control characters.
    """
    if not isinstance(url, str) or not url or any(ord(char) <= 32 for char in url):
        return None
    if "\\" in url:
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES or not parts.hostname:
        return None
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return None
    if parts.query or parts.fragment or "?" in url or "#" in url:
        return None
    segments = unquote(parts.path).split("/")
    if any(segment in (".", "..") for segment in segments):
        return None
    return scheme, parts.hostname.lower(), port or DEFAULT_PORTS[scheme], parts.path


def parse_partner_site(line):
    """A ``PartnerSite`` from one settings line.

    Raises ``ValueError`` with a message for the administrator when the line is malformed.
    """
    parts = [part.strip() for part in (line or "").split("|", 3)]
    if len(parts) != 4:
        raise ValueError(LINE_FORMAT)
    name, url, user, password = parts
    if not name:
        raise ValueError(
            _(
                "A partner site needs a name: write it as "
                "'Name|https://address-of-the-site/Plone|service-user|password'."
            )
        )
    url = url.rstrip("/")
    if url_parts(url) is None:
        raise ValueError(
            _(
                "The address of partner site '${name}' must start with http:// or https:// "
                "and name the Plone site, for example https://bibliotheek.example.nl/Plone "
                "(no user name, question mark or '#' in it).",
                mapping={"name": name},
            )
        )
    if not user or not password:
        raise ValueError(
            _(
                "Partner site '${name}' needs a service account: a user name and a password.",
                mapping={"name": name},
            )
        )
    return PartnerSite(name=name, url=url, user=user, password=password)


def validate_partner_site(line):
    """Field constraint for one line of ``partner_sites``."""
    try:
        parse_partner_site(line)
    except ValueError as exc:
        raise Invalid(exc.args[0])
    return True


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
