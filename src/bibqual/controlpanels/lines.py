"""The grammar of the settings' text lines, with their form validators.

Three settings are lists of lines a site administrator writes by hand:

- ``extra_norm_elements``: ``token|Title`` or ``framework|token|Title``;
- ``norm_field_groups``: ``token|group-id, group-id``;
- ``partner_sites``: ``Name|https://address-of-the-site/Plone|service-user|password``.

Each has a ``parse_*`` function (raises ``ValueError`` with a message for the
administrator) and a ``validate_*`` constraint for the schema. This module is a
leaf: the schema, the settings reader, the vocabularies and the network all
import it; it imports none of them.
"""

from bibqual import _
from bibqual.vocabularies.frameworks import FRAMEWORKS
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


def parse_extra_element(line):
    """Split a control-panel line into ``(framework or None, token, title)``.

    Raises ``ValueError`` with a user-facing message when the line is malformed.
    """
    parts = [part.strip() for part in (line or "").split("|")]
    if len(parts) == 2:
        framework, token, title = None, parts[0], parts[1]
    elif len(parts) == 3:
        framework, token, title = parts
    else:
        raise ValueError(_("Write an extra element as 'token|Title' or 'framework|token|Title'."))
    if framework is not None and framework not in FRAMEWORKS:
        raise ValueError(
            _(
                "Unknown norm framework '${framework}'.",
                mapping={"framework": framework},
            )
        )
    if not TOKEN_RE.match(token):
        raise ValueError(
            _(
                "The token '${token}' may only hold lower-case letters, digits and hyphens.",
                mapping={"token": token},
            )
        )
    if not title:
        raise ValueError(_("An extra element needs a title."))
    return framework, token, title


def validate_extra_element(line):
    """Field constraint for one line of ``extra_norm_elements``."""
    try:
        parse_extra_element(line)
    except ValueError as exc:
        raise Invalid(exc.args[0])
    return True


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


def validate_group_mapping(line):
    """Field constraint for one line of ``norm_field_groups``."""
    try:
        parse_group_mapping(line)
    except ValueError as exc:
        raise Invalid(exc.args[0])
    return True


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


def validate_partner_site(line):
    """Field constraint for one line of ``partner_sites``."""
    try:
        parse_partner_site(line)
    except ValueError as exc:
        raise Invalid(exc.args[0])
    return True
