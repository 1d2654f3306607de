"""The recovery plan (herstelplan): the open findings of a round or report with
their actions' PDCA state, printable."""

from bibqual import clock
from bibqual.browser.base import BibqualView
from bibqual.browser.finding import FindingPage
from bibqual.certification import rounds
from bibqual.ids import FINDING
from bibqual.workflows.ids import OPEN
from datetime import date
from plone.memoize.view import memoize


def by_due_date(row):
    """Soonest due first, findings without a due date last, then by title."""
    return (row["due"] is None, row["due"] or date.max, row["title"].casefold())


class RecoveryPlanView(FindingPage, BibqualView):
    """``@@recovery-plan`` on a Certification (all its reports) or an AuditReport:
    every open finding, soonest due first, with kind, norm element, due date
    (overdue ones highlighted) and each action with its PDCA state, deadline
    and what it still misses before the finding can close. For print too.

    Who: anyone who may view the round or report (permission View); from
    catalog brains only.
    """

    def today(self):
        return clock.today()

    @memoize
    def findings(self):
        brains = rounds.in_round(self.context, FINDING, review_state=OPEN)
        return sorted(self.rows(brains), key=by_due_date)

    def overdue_count(self):
        return sum(1 for row in self.findings() if row["overdue"])
