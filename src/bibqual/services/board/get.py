"""GET {yearplan}/@board."""

from bibqual.browser.base import STATE_TITLES
from bibqual.reports.board import year_plan_board
from bibqual.restapi.plain import plain
from bibqual.services.base import BibqualService


class BoardGet(BibqualService):
    """The projects of a year plan the caller may see, by deadline, in one column
    per PDCA state (Plan, Do, Check, Act, Done; each with its title) and the
    cancelled ones apart. Anyone who may view the plan (as ``@@board``).
    """

    def answer(self):
        board = year_plan_board(self.context)
        plan = board["year_plan"]
        plan["review_state_title"] = STATE_TITLES.get(plan["review_state"], plan["review_state"])
        for column in [*board["columns"], board["cancelled"]]:
            column["title"] = STATE_TITLES.get(column["state"], column["state"])
        return plain(board, self.request)
