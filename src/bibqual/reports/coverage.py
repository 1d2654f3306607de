"""Norm coverage of a library: per norm element the projects, evidence and gaps."""

from bibqual.ids import VOCAB_NORM_FIELDS
from bibqual.reports import queries
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
    evidence or no project past ``plan`` (a cancelled project does not count)."""
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
    for brain in queries.projects(library):
        for token in brain.norm_fields or ():
            element = elements.get(token)
            if element is not None:
                element["projects"][brain.review_state] = (
                    element["projects"].get(brain.review_state, 0) + 1
                )
                element["projects_total"] += 1
    for brain in queries.evidence(library, review_state=RELEASED):
        for token in brain.norm_fields or ():
            if token in elements:
                elements[token]["released_evidence"] += 1
    for brain in queries.assurance_projects(library):
        for token in brain.norm_fields or ():
            if token in elements:
                elements[token]["assurance_projects"] += 1
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
    }


def coverage_summary(coverage):
    """``{total, covered, gaps}`` of a ``norm_coverage`` result; ``gaps`` lists the
    elements without coverage (their items)."""
    items = coverage["items"]
    gaps = [item for item in items if item["gap"]]
    return {"total": len(items), "covered": len(items) - len(gaps), "gaps": gaps}
