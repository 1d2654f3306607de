"""GET {library}/@annual-report?year=Y: the annual report as a Word file."""

from bibqual.documents.annual import annual_report
from bibqual.documents.annual_data import latest_year
from bibqual.documents.annual_data import parse_year
from bibqual.documents.filenames import download_name
from bibqual.documents.word import DOCX_TYPE
from bibqual.documents.word import to_bytes
from bibqual.services.download import DownloadView
from bibqual.services.download import File


class AnnualReportDownload(DownloadView):
    """The annual report of the library for ``year`` as a ``.docx``
    (``documents.annual``), named like ``jaarverslag-<library>-<year>.docx``.

    Anyone who may view the library (staff, the coordinator, an auditor with a
    running grant); the report holds what that user may see. Without ``year``
    (or with an empty one) the year of the latest year plan the user may see.
    A year that is no whole number from 2000 to 2100 is refused (400); a year
    without a year plan the user may see is 404, as is a library without any.
    """

    def download(self):
        value = self.request.form.get("year")
        year = latest_year(self.context) if value in (None, "") else parse_year(value)
        document = annual_report(self.context, year, self.request)
        filename = download_name("jaarverslag", self.context.Title(), year, extension="docx")
        return File(filename, DOCX_TYPE, to_bytes(document))
