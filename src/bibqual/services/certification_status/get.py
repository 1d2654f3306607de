"""GET {certification}/@certification-status."""

from bibqual.certification.status import certification_status
from bibqual.restapi.plain import plain
from bibqual.services.base import BibqualService


class CertificationStatusGet(BibqualService):
    """The round's milestones (date, met, overdue), the next milestone, the newest
    self-evaluation's percentage and band, the report and the open findings.
    Anyone who may view the round; from catalog brains
    (``certification.status.certification_status``).
    """

    def answer(self):
        return plain(certification_status(self.context), self.request)
