"""Carry the norm tags of other frameworks over to the active framework.

``mapping_preview(library)`` lists, per item of the library the user may see,
the elements of the active framework the settings' mapping would add (from
brains). ``apply_mapping(library)`` adds exactly those, item by item, and keeps
every tag the item had: the old tags are the item's history under the framework
they were given in and stay counted there; an editor may untick them later.
Nothing is removed, so applying twice changes nothing the second time.

The services and the page call these on a Library with ``Review portal
content`` (the coordinator); the operation changes only what the preview lists.
Without a mapping that leads to the active framework both answer no items
(``mappings`` is empty then).
"""

from bibqual.content.classification import IClassification
from bibqual.content.security import CLASSIFIED_TYPES
from bibqual.frameworks.site import current_framework
from bibqual.frameworks.site import site_frameworks
from bibqual.reports import queries
from bibqual.settings import norm_mappings
from bibqual.vocabularies.norm import active_elements
from zope.event import notify
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent


def _plan():
    """``(framework, mappings, additions)``: the active framework, the mappings that
    lead to it and a function from an item's tokens to the tokens to add."""
    framework = current_framework()
    mappings = [mapping for mapping in norm_mappings() if mapping.target == framework.token]
    active = {token for token, _title in active_elements()}

    def additions(tokens):
        tokens = list(tokens or ())
        add = []
        for token in tokens:
            if token in active:
                continue  # already a tag of the active framework
            for mapping in mappings:
                for target in mapping.map.get(token, ()):
                    if target not in tokens and target not in add:
                        add.append(target)
        return add

    return framework, mappings, additions


def _item(brain, add, titles):
    return {
        "@id": brain.getURL(),
        "UID": brain.UID,
        "title": brain.Title,
        "portal_type": brain.portal_type,
        "review_state": brain.review_state,
        "norm_fields": list(brain.norm_fields or ()),
        "add": [{"token": token, "title": titles.get(token, token)} for token in add],
    }


def _answer(library, framework, mappings, items, applied):
    frameworks = site_frameworks()

    def ref(token):
        return {"token": token, "title": frameworks[token].title}

    return {
        "@id": f"{library.absolute_url()}/@norm-mapping",
        "active": ref(framework.token),
        "mappings": [{"from": ref(m.source), "to": ref(m.target)} for m in mappings],
        "applied": applied,
        "items": items,
        "items_total": len(items),
    }


def _planned(library, additions):
    """``[(brain, tokens to add)]`` of the library's tagged items that would change."""
    planned = []
    for brain in queries.library_brains(library, CLASSIFIED_TYPES, sort_on="sortable_title"):
        add = additions(brain.norm_fields)
        if add:
            planned.append((brain, add))
    return planned


def mapping_preview(library):
    """What ``apply_mapping`` would add, per item (brains only); changes nothing."""
    framework, mappings, additions = _plan()
    titles = {element.token: element.title for element in framework.elements}
    items = [_item(brain, add, titles) for brain, add in _planned(library, additions)]
    return _answer(library, framework, mappings, items, applied=False)


def apply_mapping(library):
    """Add the mapped elements of the active framework to every item the preview
    lists, keeping its other tags; reindexes them. Answers the changed items."""
    framework, mappings, additions = _plan()
    titles = {element.token: element.title for element in framework.elements}
    items = []
    for brain, _add in _planned(library, additions):
        obj = brain.getObject()
        current = list(getattr(obj, "norm_fields", None) or ())
        add = additions(current)  # from the object itself, not the brain
        if not add:
            continue
        obj.norm_fields = current + add
        notify(ObjectModifiedEvent(obj, Attributes(IClassification, "IClassification.norm_fields")))
        items.append({**_item(brain, add, titles), "norm_fields": obj.norm_fields})
    return _answer(library, framework, mappings, items, applied=True)
