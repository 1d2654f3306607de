"""What the annual report of a library holds, gathered for the current user.

Every list starts with a catalog query, and the catalog applies the current
user's permissions: an auditor's report holds what an auditor may see. Only the
objects the catalog returned are woken, and only where the report prints what no
brain holds: the year plan (its spearheads, in their order), its SMART projects
(their texts), assurance projects that finished a cycle (their cycle history)
and released or archived evidence created up to the year's end (the date of its
``release`` step). ``documents.annual`` writes it.
"""

from bibqual import _
from bibqual.content.assuranceproject import cycle_history
from bibqual.errors import BibqualError
from bibqual.ids import YEAR_MAX
from bibqual.ids import YEAR_MIN
from bibqual.ids import YEAR_PLAN
from bibqual.planning.plans import children
from bibqual.planning.plans import project_brains
from bibqual.reports import queries
from bibqual.reports.people import Names
from bibqual.reports.readiness import norm_readiness
from bibqual.vocabularies.core_functions import CORE_FUNCTIONS
from bibqual.workflows.ids import ARCHIVED
from bibqual.workflows.ids import EVIDENCE_WORKFLOW
from bibqual.workflows.ids import PROJECT_STATES
from bibqual.workflows.ids import RELEASE
from bibqual.workflows.ids import RELEASED
from DateTime import DateTime


BAD_YEAR = _("Give the year of the annual report as a whole number from ${min} to ${max}.")
NO_PLAN = _("This library has no year plan for ${year}, so there is no annual report for it.")
NO_PLANS = _("This library has no year plan yet, so there is no annual report.")
NO_CORE_FUNCTION = None
"""The key of the projects without a core function in ``core_function_counts``."""

PROJECT_TEXTS = ("specific", "measurable", "achievable", "realistic", "evaluation", "improvements")


def parse_year(value):
    """``value`` (a number or its text) as the year of a report; 400 when it is
    missing, not a whole number or outside the years a year plan may have."""
    if isinstance(value, str):
        value = value.strip()
        value = int(value) if value.isdigit() else None
    if isinstance(value, bool) or not isinstance(value, int) or not YEAR_MIN <= value <= YEAR_MAX:
        raise BibqualError(_(BAD_YEAR, mapping={"min": YEAR_MIN, "max": YEAR_MAX}), 400)
    return value


def latest_year(library):
    """The year of the latest year plan of ``library`` the current user may see;
    404 when there is none."""
    for brain in queries.year_plans(library):
        return brain.year
    raise BibqualError(NO_PLANS, 404)


def year_plan(library, year):
    """The year plan ``year`` of ``library`` the current user may see (woken:
    its spearheads are printed); 404 when there is none."""
    for brain in children(library, YEAR_PLAN, year=year):
        return brain.getObject()
    raise BibqualError(_(NO_PLAN, mapping={"year": year}), 404)


def percentage(actual, target):
    """``actual / target * 100``, or ``None`` when either is unknown or the target is 0."""
    if actual is None or not target:
        return None
    return actual / target * 100


def project_entry(brain, names):
    """What the report prints of one project: its state (from the brain) and its
    texts, indicators, people and dates (from the object)."""
    project = brain.getObject()
    entry = {name: getattr(project, name, None) or "" for name in PROJECT_TEXTS}
    entry.update(
        title=brain.Title,
        review_state=brain.review_state,
        portal_type=brain.portal_type,
        partners=list(project.partners or ()),
        target_groups=list(project.target_groups or ()),
        responsible=names(project.responsible),
        start=project.start,
        deadline=project.deadline,
        indicators=[
            {**row, "percentage": percentage(row.get("actual"), row.get("target"))}
            for row in project.indicators or ()
        ],
    )
    return entry


def sections(plan, brains, names):
    """The projects per spearhead, in the plan's order: ``[(spearhead, [entry])]``;
    projects without a spearhead (or one the plan no longer has) last, under
    ``None``, when there are any."""
    spearheads = list(plan.spearheads or ())
    grouped = {spearhead: [] for spearhead in spearheads}
    others = []
    for brain in brains:
        grouped.get(brain.spearhead or None, others).append(project_entry(brain, names))
    result = list(grouped.items())
    if others:
        result.append((None, others))
    return result


def core_function_counts(brains):
    """Per core function (the vocabulary's order; ``None``: projects without one,
    only when there are such): ``{state: count}`` of the projects in ``brains``."""
    counts = {token: dict.fromkeys(PROJECT_STATES, 0) for token, _title in CORE_FUNCTIONS}
    for brain in brains:
        for token in brain.core_functions or (NO_CORE_FUNCTION,):
            row = counts.setdefault(token, dict.fromkeys(PROJECT_STATES, 0))
            row[brain.review_state] = row.get(brain.review_state, 0) + 1
    if not any(counts.get(NO_CORE_FUNCTION, {}).values()):
        counts.pop(NO_CORE_FUNCTION, None)
    return counts


def completed_cycles(library, year):
    """The assurance cycles completed in ``year``, by date: ``{title, cycle,
    date, evaluation}`` (``AssuranceProject.cycle_history``: a cycle is completed
    on the day ``new_cycle`` starts the next). Only projects past their first
    cycle (brain ``cycle``) are woken."""
    found = []
    for brain in queries.assurance_projects(library, sort_on="sortable_title"):
        if (brain.cycle or 1) <= 1:
            continue
        for cycle in cycle_history(brain.getObject()):
            day = cycle.get("date")
            if day is not None and day.year == year:
                found.append({"title": brain.Title, **cycle})
    return sorted(found, key=lambda cycle: (cycle["date"], cycle["title"]))


def release_day(evidence, year):
    """The last day in ``year`` on which ``evidence`` was released (its workflow
    history), or ``None``."""
    days = [
        step["time"].asdatetime().date()
        for step in evidence.workflow_history.get(EVIDENCE_WORKFLOW, ())
        if step.get("action") == RELEASE and step.get("time") is not None
    ]
    days = [day for day in days if day.year == year]
    return max(days) if days else None


def released_evidence(library, year):
    """The evidence released in ``year`` that is released or archived now, by date:
    ``{title, document_type, valid_until, released, review_state}``."""
    end = DateTime(f"{year}/12/31 23:59:59")
    found = []
    brains = queries.evidence(
        library,
        review_state=[RELEASED, ARCHIVED],
        created={"query": end, "range": "max"},
        sort_on="sortable_title",
    )
    for brain in brains:
        day = release_day(brain.getObject(), year)
        if day is not None:
            found.append(
                {
                    "title": brain.Title,
                    "document_type": brain.document_type,
                    "valid_until": queries.as_date(brain.valid_until),
                    "released": day,
                    "review_state": brain.review_state,
                }
            )
    return sorted(found, key=lambda item: (item["released"], item["title"]))


def annual_data(library, year):
    """Everything the annual report of ``library`` for ``year`` (a valid year)
    prints, as the current user may see it: ``{library, year, plan, sections,
    core_functions, readiness, cycles, evidence}``."""
    plan = year_plan(library, year)
    brains = list(project_brains(plan))
    names = Names()
    return {
        "library": library,
        "year": year,
        "plan": plan,
        "sections": sections(plan, brains, names),
        "core_functions": core_function_counts(brains),
        "readiness": norm_readiness(library),
        "cycles": completed_cycles(library, year),
        "evidence": released_evidence(library, year),
    }
