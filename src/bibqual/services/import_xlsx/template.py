"""GET {library}/@import-xlsx-template: the empty year plan workbook."""

from bibqual.clock import today
from bibqual.documents.filenames import download_name
from bibqual.documents.spreadsheet.export import template_workbook
from bibqual.documents.spreadsheet.workbook import XLSX_TYPE
from bibqual.services.download import DownloadView
from bibqual.services.download import File


class ImportTemplate(DownloadView):
    """The sheets, Dutch headers, notes and dropdowns of ``@export-xlsx`` without
    rows, to fill in and send to ``@import-xlsx``.

    Who: users with bibqual: Add SmartProject on the library (those who may
    import). Named ``jaarplan-<library>-sjabloon-<date>.xlsx``.
    """

    def download(self):
        filename = download_name(
            "jaarplan", self.context.Title(), "sjabloon", today(), extension="xlsx"
        )
        return File(filename, XLSX_TYPE, template_workbook())
