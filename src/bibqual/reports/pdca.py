"""PDCA overview of a library: per year plan the projects per state and what is overdue."""

from bibqual.reports import queries
from bibqual.workflows.ids import CANCELLED
from bibqual.workflows.ids import DONE
from bibqual.workflows.ids import PROJECT_STATES
from datetime import timedelta


ASSURANCE_DUE_DAYS = 60


def project_summary(brain, url=None):
    return {
        "@id": url(brain) if url is not None else brain.getURL(),
        "title": brain.Title,
        "review_state": brain.review_state,
        "deadline": queries.as_date(brain.deadline),
        "responsible": brain.responsible or "",
        "indicator_progress": brain.indicator_progress,
    }


def is_overdue(brain, today):
    deadline = queries.as_date(brain.deadline)
    return bool(deadline and deadline < today and brain.review_state not in (DONE, CANCELLED))


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
                "overdue": next_review < today,
            }
        )
    return result


def pdca_overview(library):
    """Per year plan: counts of projects per state and the overdue projects."""
    today = queries.today()
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
