"""PDCA overview of a library: per year plan the projects per state and what is overdue."""

from bibqual import clock
from bibqual.reports import queries
from bibqual.workflows.ids import CANCELLED
from bibqual.workflows.ids import DONE
from bibqual.workflows.ids import PROJECT_STATES
from datetime import timedelta


# An assurance project is "due" when its next review lies within this many days.
ASSURANCE_DUE_DAYS = 60

# States in which a project can no longer be overdue.
FINISHED_PROJECT_STATES = (DONE, CANCELLED)


def project_summary(brain, url=None):
    """An overdue project as the overview lists it (from the brain)."""
    return {
        "@id": url(brain) if url is not None else brain.getURL(),
        "title": brain.Title,
        "review_state": brain.review_state,
        "deadline": queries.as_date(brain.deadline),
        "responsible": brain.responsible or "",
        "indicator_progress": brain.indicator_progress,
    }


def overdue(deadline, review_state, today):
    """The overdue rule: the deadline has passed and the project is neither done nor cancelled."""
    deadline = queries.as_date(deadline)
    return bool(deadline and deadline < today and review_state not in FINISHED_PROJECT_STATES)


def is_overdue(brain, today):
    """Whether the project of ``brain`` is overdue (see ``overdue``)."""
    return overdue(brain.deadline, brain.review_state, today)


def review_overdue(next_review, today):
    """Whether an assurance project's next review has passed."""
    next_review = queries.as_date(next_review)
    return bool(next_review and next_review < today)


def assurance_due(library, today, days=ASSURANCE_DUE_DAYS):
    """Assurance projects whose next review lies within ``days`` (or has passed)."""
    horizon = today + timedelta(days=days)
    result = []
    for brain in queries.assurance_projects(library, sort_on="next_review"):
        next_review = queries.as_date(brain.next_review)
        if next_review is None or next_review > horizon:
            continue
        result.append(
            {
                "@id": brain.getURL(),
                "title": brain.Title,
                "review_state": brain.review_state,
                "next_review": next_review,
                "cycle": brain.cycle,
                "overdue": review_overdue(next_review, today),
            }
        )
    return result


def pdca_overview(library):
    """Per year plan: counts of projects per state and the overdue projects."""
    today = clock.today()
    url = queries.BrainURLs()
    plans = {}
    for brain in queries.year_plans(library):
        plans[brain.getPath()] = {
            "@id": url(brain),
            "title": brain.Title,
            "year": brain.year,
            "review_state": brain.review_state,
            "counts": dict.fromkeys(PROJECT_STATES, 0),
            "total": 0,
            "overdue": [],
        }
    for brain in queries.projects(library, sort_on="deadline"):
        plan = plans.get(queries.parent_path(brain))
        if plan is None:
            continue
        state = brain.review_state
        plan["counts"][state] = plan["counts"].get(state, 0) + 1
        plan["total"] += 1
        if is_overdue(brain, today):
            plan["overdue"].append(project_summary(brain, url))
    return {
        "@id": f"{library.absolute_url()}/@pdca-overview",
        "library": {"@id": library.absolute_url(), "title": library.Title()},
        "date": today,
        "year_plans": list(plans.values()),
        "assurance_due": assurance_due(library, today),
    }
