"""Readiness of a library per norm element: the one answer behind every screen
that says whether an element is covered.

The library dashboard, the coverage page and ``@norm-coverage``
(``reports.coverage``), the quality dossier and ``@quality-dossier``
(``reports.dossier``) and the self-evaluation's suggestions
(``certification.suggestions``) all call ``norm_readiness`` and only format it.

Per element of the active framework (the elements the site works with, optional
modules when switched on, and the administrator's extra elements): SMART projects
per state, the projects past Plan (do, check, act, done; a cancelled project never
counts), the released evidence that is still valid (``reports.expiry.covers``: not
a draft, not archived, not expired), the assurance projects, and ``gap`` when there
is no such evidence or no project past Plan. Tags of other frameworks are counted
apart (``other_tags``). Three catalog queries; the catalog applies the current
user's permissions, so an auditor's answer holds what an auditor may see.
"""

from bibqual import _
from bibqual import clock
from bibqual.frameworks.site import active_token
from bibqual.reports import queries
from bibqual.reports.expiry import covers
from bibqual.vocabularies.norm import active_elements
from bibqual.vocabularies.norm import tag_owners
from bibqual.workflows.ids import ACT
from bibqual.workflows.ids import CHECK
from bibqual.workflows.ids import DO
from bibqual.workflows.ids import DONE
from bibqual.workflows.ids import PROJECT_STATES


PAST_PLAN = (DO, CHECK, ACT, DONE)

NO_EVIDENCE = "no-evidence"
NO_PROJECT = "no-project"
GAP_REASONS = {
    NO_EVIDENCE: _("no released, valid evidence"),
    NO_PROJECT: _("no project past Plan"),
}
"""Why an element is a gap (``gap_reasons`` of an element), as shown to people."""

COUNTS = (
    "token",
    "title",
    "projects",
    "projects_total",
    "projects_past_plan",
    "released_evidence",
    "assurance_projects",
    "gap",
    "gap_reasons",
)
"""The keys of an element that every screen shows (``counts``)."""


def _tags(brain):
    """The norm tokens of ``brain``, each once, in their order."""
    return list(dict.fromkeys(brain.norm_fields or ()))


def _element(token, title):
    return {
        "token": token,
        "title": title,
        "projects": dict.fromkeys(PROJECT_STATES, 0),
        "projects_total": 0,
        "projects_past_plan": 0,
        "released_evidence": 0,
        "assurance_projects": 0,
        "evidence_uids": [],
        "project_uids": [],
    }


def _item(brain, url):
    return {
        "uid": brain.UID,
        "title": brain.Title,
        "url": url(brain),
        "review_state": brain.review_state,
        "valid_until": queries.as_date(getattr(brain, "valid_until", None)),
    }


class _Tally:
    """Counts the brains of one library into the elements and the other tags."""

    def __init__(self, elements):
        self.elements = elements
        self.other_tags = {}
        self.items = {}
        self.url = queries.BrainURLs()

    def known(self, brain):
        """The elements ``brain`` is tagged with; its other tags are counted apart."""
        found = []
        for token in _tags(brain):
            element = self.elements.get(token)
            if element is None:
                self.other_tags[token] = self.other_tags.get(token, 0) + 1
            else:
                found.append(element)
        return found

    def keep(self, brain, element, key):
        """List ``brain`` (that counts) under ``element``'s ``key``."""
        element[key].append(brain.UID)
        if brain.UID not in self.items:
            self.items[brain.UID] = _item(brain, self.url)


def norm_readiness(library, framework=None):
    """Readiness of ``library`` per element of the active framework (or of the
    framework token ``framework``), from catalog brains.

    ``{date, framework, elements, gaps, items, other_tags}``: ``elements`` in the
    framework's order, each ``{token, title, projects: {state: count},
    projects_total, projects_past_plan, released_evidence, assurance_projects, gap,
    gap_reasons, evidence_uids, project_uids}`` (``released_evidence``: released and
    still valid; the UID lists, sorted by title, are that evidence and the projects
    past Plan); ``gaps``: the tokens of the gaps; ``items``: ``{uid: {uid, title,
    url, review_state, valid_until}}`` of the listed UIDs; ``other_tags``: ``{token:
    number of items}`` for the tags that are no element here (any state).
    """
    today = clock.today()
    framework = framework or active_token()
    tally = _Tally({token: _element(token, title) for token, title in active_elements(framework)})
    for brain in queries.projects(library, sort_on="sortable_title"):
        past_plan = brain.review_state in PAST_PLAN
        for element in tally.known(brain):
            element["projects"][brain.review_state] = (
                element["projects"].get(brain.review_state, 0) + 1
            )
            element["projects_total"] += 1
            if past_plan:
                element["projects_past_plan"] += 1
                tally.keep(brain, element, "project_uids")
    for brain in queries.evidence(library, sort_on="sortable_title"):
        valid = covers(brain, today)
        for element in tally.known(brain):
            if valid:
                element["released_evidence"] += 1
                tally.keep(brain, element, "evidence_uids")
    for brain in queries.assurance_projects(library):
        for element in tally.known(brain):
            element["assurance_projects"] += 1
    elements = list(tally.elements.values())
    for element in elements:
        reasons = []
        if not element["released_evidence"]:
            reasons.append(NO_EVIDENCE)
        if not element["projects_past_plan"]:
            reasons.append(NO_PROJECT)
        element["gap_reasons"] = reasons
        element["gap"] = bool(reasons)
    return {
        "date": today,
        "framework": framework,
        "elements": elements,
        "gaps": [element["token"] for element in elements if element["gap"]],
        "items": tally.items,
        "other_tags": tally.other_tags,
    }


def gap_text(element, translate):
    """Why ``element`` is a gap, as one text (``translate`` turns a message into the
    user's language); empty when it is covered."""
    return "; ".join(translate(GAP_REASONS[reason]) for reason in element["gap_reasons"])


def counts(element):
    """The numbers of one element of ``norm_readiness`` that the screens show
    (without the UID lists)."""
    return {key: element[key] for key in COUNTS}


def summary(elements):
    """``{total, covered, gaps}`` of the elements of ``norm_readiness`` (or of
    ``counts`` of them); ``gaps`` lists the uncovered elements."""
    gaps = [element for element in elements if element["gap"]]
    return {"total": len(elements), "covered": len(elements) - len(gaps), "gaps": gaps}


def other_frameworks(per_token):
    """The tags of other frameworks, per framework they belong to (a token of two
    frameworks under each): ``[{token, title, elements: [{token, title, items}]}]``;
    ``items`` is the value ``per_token`` holds for that tag (a count, or a list of
    items). Tokens no framework knows come last, under ``token: null``."""
    owners = tag_owners()
    groups = {}
    for token in sorted(per_token):
        for framework, title in owners.get(token, [(None, token)]):
            key = framework.token if framework is not None else None
            group = groups.setdefault(
                key,
                {"token": key, "title": framework.title if framework else "", "elements": []},
            )
            group["elements"].append({"token": token, "title": title, "items": per_token[token]})
    known = [group for key, group in groups.items() if key is not None]
    return known + ([groups[None]] if None in groups else [])
