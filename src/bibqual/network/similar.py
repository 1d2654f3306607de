"""Find projects like the one being written, in the own library and the network.

Ranking is the catalog's text relevance (ZCTextIndex) over the full text of
projects (title and the SMART texts). The own library's projects come through
the ordinary, permission-checked catalog search; other libraries' projects
only when ``bibqual.network.sharing`` says the network may see them (indexed as
``network_shared``), and then only their summary from the catalog metadata:
nothing is woken.
"""

from bibqual.content.indicators import indicator_rows
from bibqual.ids import SMART_PROJECT
from bibqual.network.sharing import INDEX as NETWORK_SHARED
from bibqual.reports.queries import BrainURLs
from bibqual.workflows.ids import CANCELLED
from plone import api
import re


WORD_RE = re.compile(r"\w+", re.UNICODE)
MIN_WORD = 3
DEFAULT_LIMIT = 10
MAX_LIMIT = 50
# Words that say nothing about a project (ZCTextIndex would also drop some).
STOPWORDS = frozenset(
    "de het een en van voor met op in te aan om bij door naar als dat die dit is".split()
)


def text_query(text):
    """A ZCTextIndex query: every word as a prefix, any of them may match."""
    words = [
        word.lower()
        for word in WORD_RE.findall(text or "")
        if len(word) >= MIN_WORD and word.lower() not in STOPWORDS
    ]
    words = list(dict.fromkeys(words))[:8]
    return " OR ".join(f"{word}*" for word in words)


def summary(brain, own_library_uid=None, url=None):
    """What a hit shows: library, year, state, specific goal and indicators."""
    return {
        "@id": url(brain) if url is not None else brain.getURL(),
        "UID": brain.UID,
        "title": brain.Title,
        "library": brain.library_title,
        "library_uid": brain.library_uid,
        "own_library": bool(own_library_uid and brain.library_uid == own_library_uid),
        "year": brain.year,
        "review_state": brain.review_state,
        "specific": brain.specific or "",
        "indicators": [
            {"name": row["name"], "target": row["target"], "unit": row["unit"]}
            for row in indicator_rows(brain.indicators)
        ],
        "copy_count": brain.copy_count or 0,
        "score": brain.data_record_normalized_score_,
    }


def similar_projects(text, own_library_uid=None, limit=DEFAULT_LIMIT, exclude_uid=None):
    """Projects ranked by similarity to ``text``; see the module docstring."""
    query = text_query(text)
    if not query:
        return []
    catalog = api.portal.get_tool("portal_catalog")
    base = {"portal_type": SMART_PROJECT, "SearchableText": query}
    hits = {}
    if own_library_uid:
        for brain in catalog(library_uid=own_library_uid, **base):
            hits[brain.UID] = brain
    for brain in catalog.unrestrictedSearchResults(**{NETWORK_SHARED: True}, **base):
        hits.setdefault(brain.UID, brain)
    ranked = sorted(
        (
            brain
            for uid, brain in hits.items()
            if uid != exclude_uid and brain.review_state != CANCELLED
        ),
        key=lambda brain: (-brain.data_record_normalized_score_, brain.Title),
    )
    url = BrainURLs()
    return [summary(brain, own_library_uid, url) for brain in ranked[:limit]]
