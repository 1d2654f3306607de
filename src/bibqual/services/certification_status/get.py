"""GET {certification}/@certification-status."""

from bibqual.certification.status import certification_status
from bibqual.services.base import BibqualService
from plone.restapi.serializer.converters import json_compatible


class CertificationStatusGet(BibqualService):
    """The round's milestones (date, met, overdue), the next milestone, the newest
    self-evaluation's percentage and band, the report and the open findings.
    Anyone who may view the round; from catalog brains
    (``certification.status.certification_status``).
    """

    def answer(self):
        return json_compatible(certification_status(self.context))
