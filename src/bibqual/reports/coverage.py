"""Norm coverage of a library: per norm element the projects, evidence and gaps."""

from bibqual.ids import VOCAB_NORM_FIELDS
from bibqual.reports import queries
from bibqual.vocabularies.norm import tag_owners
from bibqual.workflows.ids import ACT
from bibqual.workflows.ids import CHECK
from bibqual.workflows.ids import DO
from bibqual.workflows.ids import DONE
from bibqual.workflows.ids import PROJECT_STATES
from bibqual.workflows.ids import RELEASED
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory


PAST_PLAN = (DO, CHECK, ACT, DONE)


def norm_coverage(library):
    """Per norm element of the active framework: projects per state, released
    evidence, assurance projects, and ``gap`` where there is no released
    evidence or no project past ``plan`` (a cancelled project does not count).
    ``other_frameworks``: the tags of other frameworks, counted under the
    framework they belong to (see ``other_frameworks``)."""
    vocabulary = getUtility(IVocabularyFactory, VOCAB_NORM_FIELDS)(library)
    elements = {
        term.token: {
            "token": term.token,
            "title": term.title,
            "projects": dict.fromkeys(PROJECT_STATES, 0),
            "projects_total": 0,
            "released_evidence": 0,
            "assurance_projects": 0,
        }
        for term in vocabulary
    }
    others = {}
    for brain in queries.projects(library):
        for token in brain.norm_fields or ():
            element = elements.get(token)
            if element is not None:
                element["projects"][brain.review_state] = (
                    element["projects"].get(brain.review_state, 0) + 1
                )
                element["projects_total"] += 1
        _count_others(others, brain, elements)
    for brain in queries.evidence(library):
        if brain.review_state == RELEASED:
            for token in brain.norm_fields or ():
                if token in elements:
                    elements[token]["released_evidence"] += 1
        _count_others(others, brain, elements)
    for brain in queries.assurance_projects(library):
        for token in brain.norm_fields or ():
            if token in elements:
                elements[token]["assurance_projects"] += 1
        _count_others(others, brain, elements)
    for element in elements.values():
        past_plan = sum(element["projects"].get(state, 0) for state in PAST_PLAN)
        element["projects_past_plan"] = past_plan
        element["gap"] = element["released_evidence"] == 0 or past_plan == 0
    items = list(elements.values())
    return {
        "@id": f"{library.absolute_url()}/@norm-coverage",
        "library": {"@id": library.absolute_url(), "title": library.Title()},
        "items": items,
        "gaps": [item["token"] for item in items if item["gap"]],
        "other_frameworks": other_frameworks(others),
    }


def _count_others(counts, brain, active):
    """Count the tags of ``brain`` that are no element of the active framework."""
    for token in set(brain.norm_fields or ()) - set(active):
        counts[token] = counts.get(token, 0) + 1


def other_frameworks(counts):
    """The tags of other frameworks, per framework they belong to (a token of two
    frameworks under each): ``[{token, title, elements: [{token, title, items}]}]``;
    ``items`` counts projects, assurance projects and evidence (any state) tagged
    with it. Tokens no framework knows come last, under ``token: null``."""
    owners = tag_owners()
    groups = {}
    for token in sorted(counts):
        for framework, title in owners.get(token, [(None, token)]):
            key = framework.token if framework is not None else None
            group = groups.setdefault(
                key,
                {"token": key, "title": framework.title if framework else "", "elements": []},
            )
            group["elements"].append({"token": token, "title": title, "items": counts[token]})
    known = [group for key, group in groups.items() if key is not None]
    return known + ([groups[None]] if None in groups else [])


def coverage_summary(coverage):
    """``{total, covered, gaps}`` of a ``norm_coverage`` result; ``gaps`` lists the
    elements without coverage (their items)."""
    items = coverage["items"]
    gaps = [item for item in items if item["gap"]]
    return {"total": len(items), "covered": len(items) - len(gaps), "gaps": gaps}
