"""Quality dossier of a library: the evidence an auditor asks for, per norm element and topic."""

from bibqual import clock
from bibqual.ids import VOCAB_DOCUMENT_TYPES
from bibqual.ids import VOCAB_NORM_FIELDS
from bibqual.reports import queries
from bibqual.validation import safe_link
from bibqual.workflows.ids import RELEASED
from datetime import timedelta
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory


# Evidence "expires soon" when its validity ends within this many days.
EXPIRY_WARNING_DAYS = 90
EXPIRED = "expired"
EXPIRES_SOON = "expires-soon"

# ``getObjSize`` metadata of an item without a file (human_readable_size(0)).
NO_SIZE = ("", "0 KB", "0 B", None)


def expiry(valid_until, today, days=EXPIRY_WARNING_DAYS):
    """``"expired"`` when the date has passed, ``"expires-soon"`` within ``days``, else None."""
    if valid_until is None:
        return None
    if valid_until < today:
        return EXPIRED
    if valid_until <= today + timedelta(days=days):
        return EXPIRES_SOON
    return None


def expiring_evidence(library, today, days=EXPIRY_WARNING_DAYS):
    """Brains of the evidence in ``library`` whose validity ends between ``today``
    and ``days`` later (the ``expires-soon`` items of ``expiry``), soonest first."""
    return queries.evidence(
        library,
        valid_until={"query": (today, today + timedelta(days=days)), "range": "min:max"},
        sort_on="valid_until",
    )


def _remote_url(brain):
    """The link of a link-only evidence item, from the ``getRemoteUrl`` metadata;
    ``None`` unless it is a web address (a ``javascript:`` link stored before the
    schema refused it is not offered as a link)."""
    return safe_link(getattr(brain, "getRemoteUrl", None))


def evidence_summary(brain, today, document_types):
    """One evidence item as the dossier shows it (from the brain)."""
    url = brain.getURL()
    has_file = brain.getObjSize not in NO_SIZE
    valid_until = queries.as_date(brain.valid_until)
    token = brain.document_type or ""
    return {
        "@id": url,
        "title": brain.Title,
        "description": brain.Description or "",
        "document_type": token,
        "document_type_title": document_types.get(token, token),
        "review_state": brain.review_state,
        "released": brain.review_state == RELEASED,
        "valid_until": valid_until,
        "expiry": expiry(valid_until, today),
        "file": f"{url}/@@download/file" if has_file else None,
        "link": None if has_file else _remote_url(brain),
        "norm_fields": list(brain.norm_fields or ()),
        "policy_topics": list(brain.policy_topics or ()),
    }


def quality_dossier(library):
    """All evidence in ``library`` the current user may see, grouped.

    ``elements``: every element of the active norm framework, in order, with its
    evidence and ``gap`` when none of it is released; ``unassigned``: evidence
    without a known element; ``topics``: per policy topic (alphabetical) and
    ``no_topic``. An item tagged with several elements or topics is listed under each.
    """
    today = clock.today()
    norm = getUtility(IVocabularyFactory, VOCAB_NORM_FIELDS)(library)
    types = getUtility(IVocabularyFactory, VOCAB_DOCUMENT_TYPES)(library)
    document_types = {term.token: term.title for term in types}
    items = [
        evidence_summary(brain, today, document_types)
        for brain in queries.evidence(library, sort_on="sortable_title")
    ]
    elements = {
        term.token: {"token": term.token, "title": term.title, "items": [], "released": 0}
        for term in norm
    }
    unassigned = []
    topics = {}
    no_topic = []
    for item in items:
        known = [token for token in item["norm_fields"] if token in elements]
        for token in known:
            elements[token]["items"].append(item)
            elements[token]["released"] += item["released"]
        if not known:
            unassigned.append(item)
        for topic in item["policy_topics"]:
            topics.setdefault(topic, []).append(item)
        if not item["policy_topics"]:
            no_topic.append(item)
    for element in elements.values():
        element["gap"] = element["released"] == 0
    element_list = list(elements.values())
    return {
        "@id": f"{library.absolute_url()}/@quality-dossier",
        "library": {"@id": library.absolute_url(), "title": library.Title()},
        "date": today,
        "total": len(items),
        "elements": element_list,
        "gaps": [element["token"] for element in element_list if element["gap"]],
        "unassigned": unassigned,
        "topics": [
            {"topic": topic, "items": topics[topic]}
            for topic in sorted(topics, key=lambda name: name.casefold())
        ],
        "no_topic": no_topic,
    }
