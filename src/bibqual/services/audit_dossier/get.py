"""GET {library}/@audit-dossier."""

from bibqual.documents.dossier_zip import audit_dossier
from bibqual.services.download import DownloadView


class AuditDossierGet(DownloadView):
    """The audit dossier of a library as one ZIP, streamed while it is written:
    a folder per element of the active norm framework with the released, still
    valid evidence the caller may see (links as ``.url`` files), ``index.docx``
    (contents, gaps, the certifier's checklist) and ``manifest.csv`` (path,
    title, type, valid until, SHA-256). Anyone who may view the library: staff,
    the coordinator, an auditor with a running grant; ``auditdossier-<library>-
    <date>.zip``.
    """

    def download(self):
        return audit_dossier(self.context, self.request)
