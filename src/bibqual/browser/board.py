"""The year plan board: the plan's projects in PDCA columns, with filters."""

from bibqual import _
from bibqual.browser.base import BibqualView
from bibqual.browser.display import core_terms
from bibqual.browser.display import norm_terms
from bibqual.permissions import ADD_SMART_PROJECT
from bibqual.reports.board import board_cards
from bibqual.reports.board import year_plan_board
from plone.memoize.view import memoize


# Values of a card's data-* filter attributes are joined with this.
SEPARATOR = "|"


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
    they may see. The data is ``reports.board.year_plan_board`` (as ``@board``).
    """

    @memoize
    def items(self):
        return board_cards(self.context)

    @memoize
    def board(self):
        return year_plan_board(self.context, self.items())

    @memoize
    def norm_terms(self):
        return norm_terms(self.context, self.request)

    @memoize
    def core_terms(self):
        return core_terms(self.context, self.request)

    def card(self, item):
        """A card of the board (``item`` as in ``year_plan_board``) with its display texts."""
        return {
            "url": item["@id"],
            "title": item["title"],
            "review_state": item["review_state"],
            "responsible": item["responsible"],
            "responsible_name": item["responsible_fullname"],
            "deadline": self.date(item["deadline"]),
            "deadline_iso": self.iso(item["deadline"]),
            "overdue": item["overdue"],
            "progress": item["indicator_progress"],
            "spearhead": item["spearhead"],
            "norm_fields": item["norm_fields"],
            "norm_titles": self.norm_terms().titles(item["norm_fields"]),
            "core_functions": item["core_functions"],
            "data": {
                "spearhead": joined([item["spearhead"]]),
                "norm": joined(item["norm_fields"]),
                "core": joined(item["core_functions"]),
                "responsible": joined([item["responsible"]]),
            },
        }

    @memoize
    def cards(self):
        """Every card, soonest deadline first."""
        return [self.card(item) for item in self.items()]

    def columns(self):
        """One column per board state: ``{state, title, cards}``."""
        return [
            {
                "state": column["state"],
                "title": self.state_title(column["state"]),
                "cards": [self.card(item) for item in column["items"]],
            }
            for column in self.board()["columns"]
        ]

    def cancelled(self):
        return [self.card(item) for item in self.board()["cancelled"]["items"]]

    def plan_state(self):
        return self.board()["year_plan"]["review_state"]

    def spearheads(self):
        return self.board()["year_plan"]["spearheads"]

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
