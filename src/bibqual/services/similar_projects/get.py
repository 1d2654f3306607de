"""GET {site or yearplan}/@similar-projects?q=TEXT."""

from bibqual import _
from bibqual.errors import BibqualError
from bibqual.ids import LIBRARY
from bibqual.network.partners import may_search_partners
from bibqual.network.partners import search_partners
from bibqual.network.similar import DEFAULT_LIMIT
from bibqual.network.similar import MAX_LIMIT
from bibqual.network.similar import similar_projects
from bibqual.network.similar import text_query
from bibqual.restapi.plain import plain
from bibqual.services.base import BibqualService
from bibqual.utils import find_library
from plone import api
from plone.uuid.interfaces import IUUID
from zope.i18n import translate


TRUE = ("1", "true", "yes", "on")

PARTNERS_FORBIDDEN = _(
    "Partner sites can be searched only from a library that shares with the network, by "
    "its staff. Search from a year plan of such a library, or give its UID as the "
    "parameter 'library'."
)
LIMIT_NOT_A_NUMBER = _("The parameter 'limit' must be a whole number, for example 10.")
UNKNOWN_LIBRARY = _("The parameter 'library' must be the UID of a library you can see.")


def _param(form, name, default=""):
    """The single text value of ``name``; a repeated (list) or other value is refused."""
    value = form.get(name, default)
    if not isinstance(value, str):
        raise BibqualError(
            _("The parameter '${name}' must be given once, as text.", mapping={"name": name})
        )
    return value


def _limit(form):
    text = _param(form, "limit", str(DEFAULT_LIMIT)).strip() or str(DEFAULT_LIMIT)
    try:
        limit = int(text)
    except ValueError:
        raise BibqualError(LIMIT_NOT_A_NUMBER)
    return max(1, min(limit, MAX_LIMIT))


def _visible_library(uid):
    """The Library with ``uid`` if the user can see it (catalog search), else ``None``."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog(UID=uid, portal_type=LIBRARY):
        return brain.getObject()
    return None


class SimilarProjectsGet(BibqualService):
    """SMART projects ranked by similarity to ``q`` (title and SMART texts).

    Permission: bibqual: Search the network (logged-in users). From the own
    library (``library`` = its UID, or the library of the year plan the service
    is called on) as far as the user may see it, and from libraries that share
    with the network. Each hit: library, year, state, specific goal, indicators.

    With ``partners=1`` the partner sites in the settings are searched too: their
    hits follow the local ones, marked with ``partner`` (its name) and
    ``partner_url``; a partner that fails does not fail the search but is
    reported in ``partner_errors`` (``[{"partner": name, "message": text}]``).
    Only staff of a library that shares with the network may search partners
    (the permission "bibqual: Search partner sites" on that library, which is the
    own library as above): 403 for anyone else. 400 when ``q``, ``library``,
    ``limit`` or ``partners`` is given twice, ``limit`` is not a number, or
    ``library`` is not the UID of a library the user can see.
    """

    def answer(self):
        form = self.request.form
        text = _param(form, "q")
        limit = _limit(form)
        uid = _param(form, "library").strip()
        partners = _param(form, "partners").lower() in TRUE
        library = _visible_library(uid) if uid else find_library(self.context)
        if uid and library is None:
            raise BibqualError(UNKNOWN_LIBRARY)
        if partners and not may_search_partners(library):
            raise BibqualError(PARTNERS_FORBIDDEN, status=403)
        own = IUUID(library) if library is not None else None
        items = similar_projects(text, own_library_uid=own, limit=limit)
        result = {
            "@id": f"{self.context.absolute_url()}/@similar-projects",
            "q": text,
            "items": items,
            "items_total": len(items),
        }
        if partners:
            hits, errors = search_partners(text, limit=limit) if text_query(text) else ([], [])
            items.extend(hits)
            result["items_total"] = len(items)
            result["partner_errors"] = [
                {"partner": name, "message": translate(error.args[0], context=self.request)}
                for name, error in errors
            ]
        return plain(result, self.request)
