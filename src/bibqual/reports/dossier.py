"""Quality dossier of a library: the evidence an auditor asks for, per norm element and topic.

Whether an element is covered is ``reports.readiness.norm_readiness``'s answer (the
same as on the dashboard and the coverage page); this module lists the evidence
under it.
"""

from bibqual.ids import VOCAB_DOCUMENT_TYPES
from bibqual.reports import queries
from bibqual.reports.expiry import expiry
from bibqual.reports.readiness import counts
from bibqual.reports.readiness import norm_readiness
from bibqual.reports.readiness import other_frameworks
from bibqual.validation import safe_link
from bibqual.workflows.ids import RELEASED
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory


# ``getObjSize`` metadata of an item without a file (human_readable_size(0)).
NO_SIZE = ("", "0 KB", "0 B", None)


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
    readiness (``readiness.counts``: ``gap`` where there is no released, valid
    evidence or no project past Plan) and its evidence in any state;
    ``other_frameworks``: evidence with tags of other frameworks, per framework and
    element (``readiness.other_frameworks``; tokens no framework knows last);
    ``unassigned``: evidence without any norm tag; ``topics``: per policy topic
    (alphabetical) and ``no_topic``. An item tagged with several elements or
    topics is listed under each.
    """
    answer = norm_readiness(library)
    today = answer["date"]
    types = getUtility(IVocabularyFactory, VOCAB_DOCUMENT_TYPES)(library)
    document_types = {term.token: term.title for term in types}
    items = [
        evidence_summary(brain, today, document_types)
        for brain in queries.evidence(library, sort_on="sortable_title")
    ]
    elements = {
        element["token"]: {**counts(element), "items": []} for element in answer["elements"]
    }
    others = {}
    unassigned = []
    topics = {}
    no_topic = []
    for item in items:
        for token in dict.fromkeys(item["norm_fields"]):
            group = elements[token]["items"] if token in elements else others.setdefault(token, [])
            group.append(item)
        if not item["norm_fields"]:
            unassigned.append(item)
        for topic in item["policy_topics"]:
            topics.setdefault(topic, []).append(item)
        if not item["policy_topics"]:
            no_topic.append(item)
    return {
        "@id": f"{library.absolute_url()}/@quality-dossier",
        "library": {"@id": library.absolute_url(), "title": library.Title()},
        "date": today,
        "framework": answer["framework"],
        "total": len(items),
        "elements": list(elements.values()),
        "gaps": answer["gaps"],
        "other_frameworks": other_frameworks(others),
        "unassigned": unassigned,
        "topics": [
            {"topic": topic, "items": topics[topic]}
            for topic in sorted(topics, key=lambda name: name.casefold())
        ],
        "no_topic": no_topic,
    }
