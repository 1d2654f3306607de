"""The recovery plan (herstelplan): the open findings of a round or report with
their actions' PDCA state, printable."""

from bibqual import clock
from bibqual.browser.base import BibqualView
from bibqual.browser.finding import FindingPage
from bibqual.certification.recovery import recovery_findings
from bibqual.certification.recovery import recovery_rows
from plone.memoize.view import memoize


class RecoveryPlanView(FindingPage, BibqualView):
    """``@@recovery-plan`` on a Certification (all its reports) or an AuditReport:
    every open finding, soonest due first, with kind, norm element, due date
    (overdue ones highlighted) and each action with its PDCA state, deadline
    and what it still misses before the finding can close. For print too.

    Who: anyone who may view the round or report (permission View); from
    catalog brains only. The Word document of the same rows:
    ``@recovery-plan-docx`` (``documents.recovery``).
    """

    def today(self):
        return clock.today()

    @memoize
    def findings(self):
        """The open findings as ``certification.recovery.recovery_rows`` gives them."""
        brains = recovery_findings(self.context)
        return recovery_rows(brains, self.framework(), self.context)

    def overdue_count(self):
        return sum(1 for row in self.findings() if row["overdue"])
