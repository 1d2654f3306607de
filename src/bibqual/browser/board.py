"""The year plan board: the plan's projects in PDCA columns, with filters."""

from bibqual import _
from bibqual import clock
from bibqual.browser.base import BOARD_STATES
from bibqual.browser.base import BibqualView
from bibqual.browser.display import Names
from bibqual.browser.display import core_terms
from bibqual.browser.display import norm_terms
from bibqual.ids import SMART_PROJECT
from bibqual.permissions import ADD_SMART_PROJECT
from bibqual.reports.pdca import is_overdue
from bibqual.reports.queries import BrainURLs
from bibqual.reports.queries import as_date
from bibqual.workflows.ids import CANCELLED
from plone import api
from plone.memoize.view import memoize


# Values of a card's data-* filter attributes are joined with this.
SEPARATOR = "|"


def plan_projects(plan, **query):
    """Brains of the projects directly inside ``plan`` the current user may see."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog(
        portal_type=SMART_PROJECT,
        path={"query": "/".join(plan.getPhysicalPath()), "depth": 1},
        **query,
    )


def filter_value(value):
    """``value`` as one filter value (the separator cannot occur inside)."""
    return value.replace(SEPARATOR, " ")


def joined(values):
    return SEPARATOR.join(filter_value(value) for value in values if value)


class YearPlanBoardView(BibqualView):
    """Default view of a YearPlan (``@@board``): its projects in the columns Plan,
    Do, Check, Act and Done (cancelled ones folded away below), filterable by
    spearhead, norm element, core function and responsible without a reload.

    Who: anyone who may view the plan; the catalog shows each user the projects
    they may see. All from brains and vocabularies.
    """

    @memoize
    def names(self):
        return Names()

    @memoize
    def norm_terms(self):
        return norm_terms(self.context, self.request)

    @memoize
    def core_terms(self):
        return core_terms(self.context, self.request)

    def card(self, brain, now, url=None, names=None, norm_terms=None):
        norm_fields = list(brain.norm_fields or ())
        core_functions = list(brain.core_functions or ())
        progress = brain.indicator_progress
        deadline = as_date(brain.deadline)
        return {
            "url": url(brain) if url is not None else brain.getURL(),
            "title": brain.Title,
            "review_state": brain.review_state,
            "responsible": brain.responsible or "",
            "responsible_name": (names or self.names())(brain.responsible),
            "deadline": self.date(deadline),
            "deadline_iso": self.iso(deadline),
            "overdue": is_overdue(brain, now),
            "progress": progress if isinstance(progress, int | float) else None,
            "spearhead": brain.spearhead or "",
            "norm_fields": norm_fields,
            "norm_titles": (norm_terms or self.norm_terms()).titles(norm_fields),
            "core_functions": core_functions,
            "data": {
                "spearhead": joined([brain.spearhead or ""]),
                "norm": joined(norm_fields),
                "core": joined(core_functions),
                "responsible": joined([brain.responsible or ""]),
            },
        }

    @memoize
    def cards(self):
        now = clock.today()
        url, names, norm_terms = BrainURLs(), self.names(), self.norm_terms()
        return [
            self.card(brain, now, url, names, norm_terms)
            for brain in plan_projects(self.context, sort_on="deadline")
        ]

    def columns(self):
        """One column per board state: ``{state, title, cards}``."""
        cards = self.cards()
        return [
            {
                "state": state,
                "title": self.state_title(state),
                "cards": [card for card in cards if card["review_state"] == state],
            }
            for state in BOARD_STATES
        ]

    def cancelled(self):
        return [card for card in self.cards() if card["review_state"] == CANCELLED]

    def plan_state(self):
        return api.content.get_state(self.context, default="")

    def spearheads(self):
        return list(getattr(self.context, "spearheads", None) or [])

    def can_add(self):
        return self.can(ADD_SMART_PROJECT)

    def filters(self):
        """The filter selects: ``{name, label, options: [(value, title)]}``, only
        the values that occur on the board (and all of the plan's spearheads)."""
        cards = self.cards()
        spearheads = dict.fromkeys(self.spearheads())
        spearheads.update(dict.fromkeys(card["spearhead"] for card in cards if card["spearhead"]))
        responsible = sorted(
            {
                (filter_value(card["responsible"]), card["responsible_name"])
                for card in cards
                if card["responsible"]
            },
            key=lambda item: item[1].lower(),
        )
        norm_used = {token for card in cards for token in card["norm_fields"]}
        core_used = {token for card in cards for token in card["core_functions"]}
        return [
            {
                "name": "spearhead",
                "label": self.tr(_("Spearhead")),
                "options": [(filter_value(value), value) for value in spearheads],
            },
            {
                "name": "norm",
                "label": self.tr(_("Norm element")),
                "options": self.norm_terms().options(norm_used),
            },
            {
                "name": "core",
                "label": self.tr(_("Core function")),
                "options": self.core_terms().options(core_used),
            },
            {"name": "responsible", "label": self.tr(_("Responsible")), "options": responsible},
        ]

    def status_template(self):
        """The filter status line; the script puts the number in ``{n}``."""
        return self.tr(_("Projects shown: {n}"))

    def status(self, count):
        return self.status_template().replace("{n}", str(count))
