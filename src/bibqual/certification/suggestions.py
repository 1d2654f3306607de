"""What the self-evaluation's scoring page suggests per norm element: what
bibqual already knows about the library's readiness.

Per element: the released, still valid evidence and the projects past Plan
tagged with it (catalog brains, nothing woken). ``readiness`` is the one
adapter onto the reports layer: when ``reports`` answers readiness per element
in one function (shared by dashboard, coverage page and dossier), only its body
changes to call that.
"""

from bibqual import clock
from bibqual.reports import queries
from bibqual.reports.coverage import PAST_PLAN
from bibqual.reports.dossier import EXPIRED
from bibqual.reports.dossier import expiry
from bibqual.workflows.ids import RELEASED


def _item(brain, url):
    return {
        "uid": brain.UID,
        "title": brain.Title,
        "url": url(brain),
        "review_state": brain.review_state,
        "valid_until": queries.as_date(getattr(brain, "valid_until", None)),
    }


def readiness(library):
    """``{element token: {"evidence": [item], "projects": [item]}}`` for every token
    the library's items are tagged with; an item is ``{uid, title, url,
    review_state, valid_until}``. Evidence: released and not expired; projects:
    SMART projects past Plan (as ``reports.coverage`` counts them)."""
    today = clock.today()
    url = queries.BrainURLs()
    result = {}

    def add(brain, key):
        for token in brain.norm_fields or ():
            entry = result.setdefault(token, {"evidence": [], "projects": []})
            entry[key].append(_item(brain, url))

    for brain in queries.evidence(library, review_state=RELEASED, sort_on="sortable_title"):
        if expiry(queries.as_date(brain.valid_until), today) != EXPIRED:
            add(brain, "evidence")
    for brain in queries.projects(library, review_state=PAST_PLAN, sort_on="sortable_title"):
        add(brain, "projects")
    return result


def suggestions(framework, library):
    """Per element of ``framework`` (in order): ``{"evidence", "projects"}`` to
    suggest, from ``readiness``."""
    known = readiness(library)
    empty = {"evidence": [], "projects": []}
    return {element.token: known.get(element.token, empty) for element in framework.elements}
