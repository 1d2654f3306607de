"""``GET {certification or auditreport}/@recovery-plan-docx``: the recovery plan as
a Word file (``documents.recovery``)."""

from bibqual import clock
from bibqual.documents.filenames import download_name
from bibqual.documents.recovery import recovery_plan_document
from bibqual.documents.word import DOCX_TYPE
from bibqual.documents.word import to_bytes
from bibqual.services.download import DownloadView
from bibqual.services.download import File
from bibqual.utils import find_library


class RecoveryPlanDocx(DownloadView):
    """``@recovery-plan-docx`` on a Certification or an AuditReport. Who: anyone who
    may view it (staff, the coordinator, an auditor with a running grant). Returns
    ``herstelplan-<library>-<today>.docx`` with the findings that user may see."""

    def download(self):
        library = find_library(self.context)
        filename = download_name(
            "herstelplan",
            library.Title() if library is not None else "",
            clock.today().isoformat(),
            extension="docx",
        )
        body = to_bytes(recovery_plan_document(self.context, self.request))
        return File(filename, DOCX_TYPE, body)
