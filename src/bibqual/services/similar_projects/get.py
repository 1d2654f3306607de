"""GET {site or yearplan}/@similar-projects?q=TEXT."""

from bibqual.network.partners import search_partners
from bibqual.network.similar import DEFAULT_LIMIT
from bibqual.network.similar import MAX_LIMIT
from bibqual.network.similar import similar_projects
from bibqual.network.similar import text_query
from bibqual.utils import find_library
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service
from plone.uuid.interfaces import IUUID
from zope.i18n import translate


TRUE = ("1", "true", "yes", "on")


class SimilarProjectsGet(Service):
    """SMART projects ranked by similarity to ``q`` (title and SMART texts).

    Permission: bibqual: Search the network (logged-in users). From the own
    library (``library`` = its UID, or the library of the year plan the service
    is called on) as far as the user may see it, and from libraries that share
    with the network. Each hit: library, year, state, specific goal, indicators.

    With ``partners=1`` the partner sites in the settings are searched too: their
    hits follow the local ones, marked with ``partner`` (its name) and
    ``partner_url``; a partner that fails does not fail the search but is
    reported in ``partner_errors`` (``[{"partner": name, "message": text}]``).
    """

    def reply(self):
        form = self.request.form
        text = form.get("q", "")
        try:
            limit = max(1, min(int(form.get("limit", DEFAULT_LIMIT)), MAX_LIMIT))
        except (TypeError, ValueError):
            limit = DEFAULT_LIMIT
        own = form.get("library") or None
        library = find_library(self.context)
        if own is None and library is not None:
            own = IUUID(library)
        items = similar_projects(text, own_library_uid=own, limit=limit)
        partner_errors = None
        if str(form.get("partners", "")).lower() in TRUE:
            partner_errors = []
            if text_query(text):
                hits, errors = search_partners(text, limit=limit)
                items = items + hits
                partner_errors = [
                    {"partner": name, "message": translate(error.args[0], context=self.request)}
                    for name, error in errors
                ]
        result = {
            "@id": f"{self.context.absolute_url()}/@similar-projects",
            "q": text,
            "items": items,
            "items_total": len(items),
        }
        if partner_errors is not None:
            result["partner_errors"] = partner_errors
        return json_compatible(result)
