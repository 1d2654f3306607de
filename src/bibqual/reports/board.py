"""The year plan board: a plan's projects per PDCA state, soonest deadline first."""

from bibqual import clock
from bibqual.ids import SMART_PROJECT
from bibqual.reports.pdca import is_overdue
from bibqual.reports.people import Names
from bibqual.reports.queries import BrainURLs
from bibqual.reports.queries import as_date
from bibqual.workflows.ids import CANCELLED
from bibqual.workflows.ids import PROJECT_STATES
from plone import api


# The board's columns: every project state but ``cancelled`` (folded away below them).
BOARD_STATES = tuple(state for state in PROJECT_STATES if state != CANCELLED)


def plan_projects(plan, **query):
    """Brains of the projects directly inside ``plan`` the current user may see."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog(
        portal_type=SMART_PROJECT,
        path={"query": "/".join(plan.getPhysicalPath()), "depth": 1},
        **query,
    )


def board_card(brain, today, url, names):
    """One project as the board shows it (from the brain)."""
    progress = brain.indicator_progress
    return {
        "@id": url(brain),
        "title": brain.Title,
        "review_state": brain.review_state,
        "responsible": brain.responsible or "",
        "responsible_fullname": names(brain.responsible),
        "deadline": as_date(brain.deadline),
        "overdue": is_overdue(brain, today),
        "indicator_progress": progress if isinstance(progress, int | float) else None,
        "spearhead": brain.spearhead or "",
        "norm_fields": list(brain.norm_fields or ()),
        "core_functions": list(brain.core_functions or ()),
    }


def board_cards(plan):
    """The cards (``board_card``) of the projects in ``plan`` the current user may
    see, soonest deadline first."""
    today = clock.today()
    url, names = BrainURLs(), Names()
    return [
        board_card(brain, today, url, names) for brain in plan_projects(plan, sort_on="deadline")
    ]


def year_plan_board(plan, cards=None):
    """The board of ``plan``: one column (``{state, items}``) per state of
    ``BOARD_STATES`` and the ``cancelled`` projects apart, each by deadline. ``cards``: the plan's
    ``board_cards`` when the caller has them already."""
    cards = board_cards(plan) if cards is None else cards
    return {
        "@id": f"{plan.absolute_url()}/@board",
        "year_plan": {
            "@id": plan.absolute_url(),
            "title": plan.Title(),
            "year": getattr(plan, "year", None),
            "review_state": api.content.get_state(plan, default=""),
            "spearheads": list(getattr(plan, "spearheads", None) or []),
        },
        "date": clock.today(),
        "total": len(cards),
        "columns": [
            {"state": state, "items": [card for card in cards if card["review_state"] == state]}
            for state in BOARD_STATES
        ],
        "cancelled": {
            "state": CANCELLED,
            "items": [card for card in cards if card["review_state"] == CANCELLED],
        },
    }
