"""GET {yearplan}/@export-xlsx: the year plan as an Excel workbook (``.xlsx``)."""

from bibqual.documents.filenames import download_name
from bibqual.documents.spreadsheet.export import export_year_plan
from bibqual.documents.spreadsheet.workbook import XLSX_TYPE
from bibqual.services.download import DownloadView
from bibqual.services.download import File
from bibqual.utils import find_library


class ExportXlsx(DownloadView):
    """The plan (sheet Jaarplan), one row per project the user may view (sheet
    Projecten) and their indicators (sheet Indicatoren), headers in Dutch, with
    dropdowns for spearheads, norm elements and core functions.

    Who: anyone with View on the year plan (staff, the coordinator, an auditor
    with a running grant on an adopted plan); anonymous users get 401. The file
    is named ``jaarplan-<library>-<year>.xlsx``.
    """

    def download(self):
        library = find_library(self.context)
        filename = download_name(
            "jaarplan",
            library.Title() if library is not None else "",
            getattr(self.context, "year", None),
            extension="xlsx",
        )
        return File(filename, XLSX_TYPE, export_year_plan(self.context))
