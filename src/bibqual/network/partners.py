"""Partner sites: other bibqual Plone sites whose shared projects can be searched and copied.

The site administrator lists the partners in the settings (``bibqual.partner_sites``),
one per line::

    Name|https://bibliotheek.example.nl/Plone|service-user|password

bibqual then asks the partner's plone.restapi with that service account:
``GET {base}/@similar-projects?q=...`` to search and ``GET {project url}`` to copy.

Security:

- The password is kept in the registry in plain text. Only who may open the
  bibqual control panel (Manager, Site Administrator) can read it, but use a
  dedicated, read-only service account on the partner: a plain member with the
  Reader role on the partner's libraries that share with the network, nothing more.
- Only URLs under a configured partner's base URL are ever requested (same scheme,
  host, port and path prefix, no user info, no dot segments, no query); redirects
  are followed only within the same partner. Other URLs are refused before any
  request is made, so users cannot make the site fetch arbitrary addresses.
- Every request is bounded: connect and read time-outs, a total deadline and a
  maximum answer size. Whatever the partner answers is checked strictly before
  anything is created.

Failures raise ``PartnerError`` with a message for the librarian (translatable)
and the HTTP status the services answer with: 504 when the partner was too slow,
502 for everything else it did wrong.
"""

from bibqual import _
from bibqual.ids import SMART_PROJECT
from bibqual.ids import VOCAB_CORE_FUNCTIONS
from bibqual.ids import VOCAB_NORM_FIELDS
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import unquote
from urllib.parse import urljoin
from urllib.parse import urlsplit
from zope.component import queryUtility
from zope.interface import Invalid
from zope.schema.interfaces import IVocabularyFactory
import datetime
import json
import logging
import requests
import time


logger = logging.getLogger(__name__)

# Seconds. Module constants so that a test (or a patch) can change them.
CONNECT_TIMEOUT = 3
READ_TIMEOUT = 5
# Largest answer read from a partner (bytes); a project is a few kilobytes.
MAX_BYTES = 2 * 1024 * 1024
MAX_REDIRECTS = 3
# Partners asked at the same time when searching.
MAX_PARALLEL = 4
SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}

NOT_A_PARTNER = _(
    "Only projects of this site and of the partner sites in the settings can be copied."
)
LINE_FORMAT = _(
    "Write a partner site as 'Name|https://address-of-the-site/Plone|service-user|password'."
)


class PartnerError(Exception):
    """A partner site could not give what was asked.

    ``args[0]`` is the message (a translatable message id); ``status`` the HTTP
    status to answer with (504: too slow, 502: other failures of the partner,
    400: the address is not a project).
    """

    def __init__(self, message, status=502):
        super().__init__(message)
        self.status = status

    @property
    def kind(self):
        """The ``type`` of plone.restapi's error answer."""
        kinds = {403: "Forbidden", 502: "BadGateway", 504: "GatewayTimeout"}
        return kinds.get(self.status, "BadRequest")


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
        mine, other = _url_parts(self.url), _url_parts(url)
        if mine is None or other is None:
            return False
        scheme, host, port, path = other
        if (scheme, host, port) != mine[:3]:
            return False
        base = mine[3].rstrip("/")
        return path == base or path.startswith(base + "/")


def _url_parts(url):
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


# -- Settings ------------------------------------------------------------------------------


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
    if _url_parts(url) is None:
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
    """The configured partner sites; malformed lines are skipped."""
    from bibqual.settings import get_settings

    settings = get_settings()
    sites = []
    for line in getattr(settings, "partner_sites", None) or []:
        try:
            site = parse_partner_site(line)
        except ValueError:
            logger.warning("Skipping a malformed line in bibqual.partner_sites")
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


# -- HTTP ----------------------------------------------------------------------------------


def _timed_out(site):
    return PartnerError(
        _("Partner site '${name}' did not answer in time.", mapping={"name": site.name}),
        status=504,
    )


def _unreachable(site):
    return PartnerError(
        _(
            "Partner site '${name}' could not be reached. Is its address right and is the "
            "site running?",
            mapping={"name": site.name},
        )
    )


def _not_bibqual(site):
    return PartnerError(
        _(
            "Partner site '${name}' did not answer with data bibqual understands. Is the "
            "address that of the Plone site, with bibqual installed?",
            mapping={"name": site.name},
        )
    )


def _redirected_away(site):
    return PartnerError(
        _(
            "Partner site '${name}' sent bibqual to an address outside the partner site; "
            "bibqual does not follow it.",
            mapping={"name": site.name},
        )
    )


def _status_error(site, status):
    mapping = {"name": site.name, "status": str(status)}
    if status in (401, 403):
        message = _(
            "Partner site '${name}' refused the service account (HTTP ${status}). Check the "
            "user name and password in the partner settings, and that the account may read "
            "the partner's shared projects.",
            mapping=mapping,
        )
    elif status == 404:
        message = _(
            "Partner site '${name}' does not know this address (HTTP ${status}, not found). "
            "The project may have been moved or removed, or bibqual is not installed there.",
            mapping=mapping,
        )
    elif status >= 500:
        message = _(
            "Partner site '${name}' had an error (HTTP ${status}). Try again later.",
            mapping=mapping,
        )
    else:
        message = _(
            "Partner site '${name}' gave an unexpected answer (HTTP ${status}).",
            mapping=mapping,
        )
    return PartnerError(message)


def _is_timeout(exc):
    """Whether a requests exception is (or wraps) a time-out."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, requests.Timeout | TimeoutError) or "timed out" in str(exc).lower():
            return True
        exc = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
        seen += 1
    return False


def get_json(site, url, params=None):
    """GET ``url`` of ``site`` as its service account; return the decoded JSON.

    ``url`` must belong to ``site``. Redirects are followed within the site only.
    Raises ``PartnerError``.
    """
    deadline = time.monotonic() + CONNECT_TIMEOUT + 2 * READ_TIMEOUT
    with requests.Session() as session:
        # as UTF-8 bytes: requests would encode text as Latin-1 and fail on other characters
        session.auth = (site.user.encode("utf-8"), site.password.encode("utf-8"))
        session.headers.update({"Accept": "application/json"})
        for _hop in range(MAX_REDIRECTS + 1):
            if not site.owns(url):
                logger.warning("Partner %s redirected outside itself: %s", site.name, url)
                raise _redirected_away(site)
            try:
                response = session.get(
                    url,
                    params=params,
                    timeout=(CONNECT_TIMEOUT, READ_TIMEOUT),
                    allow_redirects=False,
                    stream=True,
                )
            except (requests.RequestException, ValueError, OSError) as exc:
                logger.warning("Partner %s failed on %s: %r", site.name, url, exc)
                raise _timed_out(site) if _is_timeout(exc) else _unreachable(site)
            with response:
                location = response.headers.get("Location")
                if response.is_redirect and location:
                    url, params = urljoin(url, location), None
                    continue
                if response.status_code != 200:
                    logger.warning(
                        "Partner %s answered %s on %s", site.name, response.status_code, url
                    )
                    raise _status_error(site, response.status_code)
                content_type = response.headers.get("Content-Type", "").lower()
                if "json" not in content_type:
                    logger.warning("Partner %s answered %s on %s", site.name, content_type, url)
                    raise _not_bibqual(site)
                body = _read(site, response, deadline)
            try:
                return json.loads(body.decode(response.encoding or "utf-8"))
            except (ValueError, LookupError, RecursionError):
                raise _not_bibqual(site)
        raise _redirected_away(site)


def _read(site, response, deadline):
    """The body of ``response``, at most ``MAX_BYTES``, read before ``deadline``."""
    chunks, size = [], 0
    try:
        for chunk in response.iter_content(64 * 1024):
            size += len(chunk)
            if size > MAX_BYTES:
                raise _not_bibqual(site)
            if time.monotonic() > deadline:
                raise _timed_out(site)
            chunks.append(chunk)
    except requests.RequestException as exc:
        raise _timed_out(site) if _is_timeout(exc) else _unreachable(site)
    return b"".join(chunks)


# -- JSON shapes ---------------------------------------------------------------------------


class _Shape(ValueError):
    """The partner's JSON has not the shape bibqual expects."""


def _text(value, required=False):
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        raise _Shape(value)
    return value


def _number(value):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Shape(value)
    return value


def _int(value):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Shape(value)
    return value


def _texts(value):
    if value is None:
        return []
    if not isinstance(value, list):
        raise _Shape(value)
    return [_text(item, required=True) for item in value]


def _tokens(value):
    """Tokens from a list of strings or of ``{"token": ..., "title": ...}``."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise _Shape(value)
    tokens = []
    for item in value:
        if isinstance(item, dict):
            item = item.get("token")
        tokens.append(_text(item, required=True))
    return tokens


def _indicators(value):
    if value is None:
        return []
    if not isinstance(value, list):
        raise _Shape(value)
    rows = []
    for row in value:
        if not isinstance(row, dict):
            raise _Shape(row)
        rows.append(
            {
                "name": _text(row.get("name")) or "",
                "target": _number(row.get("target")),
                "unit": _text(row.get("unit")) or "",
            }
        )
    return rows


def _date(value):
    value = _text(value)
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        raise _Shape(value)


def _hit(site, item):
    """A normalized search hit, or ``None`` for one not under the partner's URL."""
    if not isinstance(item, dict):
        raise _Shape(item)
    url = _text(item.get("@id"), required=True)
    hit = {
        "@id": url,
        "UID": _text(item.get("UID")),
        "title": _text(item.get("title"), required=True),
        "library": _text(item.get("library")) or "",
        "library_uid": None,
        "own_library": False,
        "year": _int(item.get("year")),
        "review_state": _text(item.get("review_state")),
        "specific": _text(item.get("specific")) or "",
        "indicators": _indicators(item.get("indicators")),
        "copy_count": _int(item.get("copy_count")) or 0,
        "score": _number(item.get("score")),
        "partner": site.name,
        "partner_url": site.url,
    }
    return hit if site.owns(url) else None


# -- Search --------------------------------------------------------------------------------


def search_partner(site, text, limit=10):
    """Projects of ``site`` similar to ``text``: normalized hits marked with the partner.

    Raises ``PartnerError``.
    """
    data = get_json(site, f"{site.url}/@similar-projects", params={"q": text, "limit": limit})
    try:
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            raise _Shape(data)
        hits = [_hit(site, item) for item in data["items"]]
    except _Shape:
        logger.warning("Partner %s answered a search with an unexpected shape", site.name)
        raise _not_bibqual(site)
    return [hit for hit in hits if hit is not None][:limit]


def search_partners(text, limit=10, sites=None):
    """Search every partner at once: ``(hits, [(partner name, PartnerError), ...])``.

    Nothing of Zope is used in the worker threads; each is bounded by the time-outs.
    """
    sites = partner_sites() if sites is None else sites
    if not sites:
        return [], []
    hits, errors = [], []
    with ThreadPoolExecutor(max_workers=min(MAX_PARALLEL, len(sites))) as pool:
        futures = [(site, pool.submit(search_partner, site, text, limit)) for site in sites]
        for site, future in futures:
            try:
                hits.extend(future.result())
            except PartnerError as error:
                errors.append((site.name, error))
            except Exception:
                logger.exception("Searching partner %s failed", site.name)
                errors.append((site.name, _unreachable(site)))
    return hits, errors


# -- Copy ----------------------------------------------------------------------------------


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
        raise _not_bibqual(site)
    if data.get("@type") != SMART_PROJECT:
        raise PartnerError(
            _(
                "This address is not a SMART project of partner site '${name}'.",
                mapping={"name": site.name},
            ),
            status=400,
        )
    return site, data


def _known(vocabulary, context, tokens):
    """The values of ``tokens`` known in the local vocabulary; unknown tokens are dropped."""
    factory = queryUtility(IVocabularyFactory, name=vocabulary)
    if factory is None:
        return []
    terms = {term.token: term.value for term in factory(context)}
    values = []
    for token in tokens:
        if token in terms and terms[token] not in values:
            values.append(terms[token])
    return values


def partner_copy_data(data, context):
    """The fields a copy of the partner project ``data`` (its JSON) starts with.

    The same reset as ``bibqual.network.copy.project_data``: SMART texts, indicators
    (name, target, unit; no actual value), known norm and core-function tokens,
    partners, target groups, policy topics and budget; no evaluation or improvements.
    The responsible person is a user of the partner, so is left out.
    Raises ``_Shape`` when a value has the wrong type.
    """
    budget = _number(data.get("budget"))
    if budget is not None and budget < 0:
        raise _Shape(budget)
    spearhead = data.get("spearhead")
    if isinstance(spearhead, dict):
        spearhead = spearhead.get("token")
    values = {
        "title": _text(data.get("title"), required=True),
        "description": _text(data.get("description")) or "",
        "specific": _text(data.get("specific")),
        "measurable": _text(data.get("measurable")),
        "achievable": _text(data.get("achievable")),
        "realistic": _text(data.get("realistic")),
        "partners": _texts(data.get("partners")),
        "target_groups": _texts(data.get("target_groups")),
        "policy_topics": _texts(data.get("policy_topics")),
        "budget": budget,
        "indicators": [
            {"name": row["name"], "target": row["target"], "actual": None, "unit": row["unit"]}
            for row in _indicators(data.get("indicators"))
        ],
        "norm_fields": _known(VOCAB_NORM_FIELDS, context, _tokens(data.get("norm_fields"))),
        "core_functions": _known(
            VOCAB_CORE_FUNCTIONS, context, _tokens(data.get("core_functions"))
        ),
        "deadline": _date(data.get("deadline")),
    }
    return values, _text(spearhead)


def copy_partner_project(url, plan, sites=None):
    """Copy the partner project at ``url`` into ``plan``; return the new project.

    Everything is fetched and checked before anything is created. Raises ``PartnerError``.
    """
    from bibqual.network.copy import create_copy

    url = url.strip()
    site, data = fetch_partner_project(url, sites)
    try:
        values, spearhead = partner_copy_data(data, plan)
    except _Shape:
        logger.warning("Partner %s sent a project with an unexpected shape: %s", site.name, url)
        raise _not_bibqual(site)
    return create_copy(plan, values, copied_from=url, spearhead=spearhead)
