"""GET {site or yearplan}/@similar-projects?q=TEXT."""

from bibqual.network.similar import DEFAULT_LIMIT
from bibqual.network.similar import MAX_LIMIT
from bibqual.network.similar import similar_projects
from bibqual.utils import find_library
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service
from plone.uuid.interfaces import IUUID


class SimilarProjectsGet(Service):
    """SMART projects ranked by similarity to ``q`` (title and SMART texts).

    Permission: bibqual: Search the network (logged-in users). From the own
    library (``library`` = its UID, or the library of the year plan the service
    is called on) as far as the user may see it, and from libraries that share
    with the network. Each hit: library, year, state, specific goal, indicators.
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
        return json_compatible(
            {
                "@id": f"{self.context.absolute_url()}/@similar-projects",
                "q": text,
                "items": items,
                "items_total": len(items),
            }
        )
