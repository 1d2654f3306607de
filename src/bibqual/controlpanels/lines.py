"""The grammar of the settings' text lines, with their form validators.

Two settings here are lists of lines a site administrator writes by hand:

- ``norm_field_groups``: ``token|group-id, group-id``;
- ``partner_sites``: ``Name|https://address-of-the-site/Plone|service-user|password``.

The norm framework settings (extra elements, framework files, the mapping
between frameworks) have theirs in ``norm_lines.py``.

Each has a ``parse_*`` function (raises ``ValueError`` with a message for the
administrator) and a ``validate_*`` constraint for the schema. This module is a
leaf: the schema, the settings reader and the network import it; it imports
none of them.
"""

from bibqual import _
from dataclasses import dataclass
from urllib.parse import unquote
from urllib.parse import urlsplit
from zope.interface import Invalid
import re


SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
LINE_FORMAT = _(
    "Write a partner site as 'Name|https://address-of-the-site/Plone|service-user|password'."
)


TOKEN_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def constraint(parse, error=Invalid):
    """A field constraint from a ``parse_*`` function: its ``ValueError`` becomes
    ``error`` (``Invalid``, or a validation error where a form needs one)."""

    def validate(value):
        try:
            parse(value)
        except ValueError as exc:
            raise error(exc.args[0])
        return True

    validate.__doc__ = f"Field constraint: ``{parse.__name__}`` accepts the value."
    return validate


# -- Groups per norm element ------------------------------------------------------------


def parse_group_mapping(line):
    """Split a ``token|group, group`` line into ``(token, [group, ...])``.

    Raises ``ValueError`` with a user-facing message when the line is malformed.
    """
    token, sep, groups = (line or "").partition("|")
    token = token.strip()
    names = [name.strip() for name in groups.split(",") if name.strip()]
    if not sep or not TOKEN_RE.match(token) or not names:
        raise ValueError(_("Write a mapping as 'token|group-id, group-id'."))
    return token, names


validate_group_mapping = constraint(parse_group_mapping)


# -- Partner sites ----------------------------------------------------------------------


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


validate_partner_site = constraint(parse_partner_site)
