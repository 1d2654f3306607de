"""POST {library}/@import-xlsx: a year plan workbook into the library, all or nothing."""

from bibqual import _
from bibqual.documents.spreadsheet.importer import import_year_plan
from bibqual.errors import BibqualError
from bibqual.services.base import BibqualService
import base64
import binascii


NO_FILE = _("Send the workbook as 'file': base64 data with a file name, or a multipart upload.")
NOT_BASE64 = _("The file's data is not base64.")
NOT_A_FLAG = _("dry_run must be true or false.")
FLAGS = {"true": True, "1": True, "on": True, "yes": True, "false": False, "0": False, "": False}


class ImportXlsxPost(BibqualService):
    """Import a workbook (as from ``@export-xlsx`` or ``@import-xlsx-template``).

    Body: JSON ``{"file": {"data": <base64>, "filename": ...}, "dry_run": bool}``
    (plone.restapi's file style) or ``multipart/form-data`` with ``file`` and
    ``dry_run``. Creates the year plan of the sheet's year when the library has
    none; each project row updates the project of its Kenmerk or creates one.

    Who: bibqual: Add SmartProject on the library; adding the plan (403 when not
    allowed) and changing each project are checked per item. Answers 200 with
    ``{year, plan, created, updated, errors, dry_run}``; a dry run stores nothing
    and lists the errors. Any bad cell: 400 (403 for a row the user may not
    store) with ``error.errors``, each ``{sheet, row, field, message}`` with
    REST's message for that field, and nothing stored.
    """

    writes = True

    def answer(self):
        data, dry_run = self.upload()
        return import_year_plan(self.context, self.request, data, dry_run).as_json()

    def upload(self):
        """``(bytes, dry_run)`` from the JSON or multipart body."""
        content_type = self.request.getHeader("Content-Type") or ""
        if content_type.startswith("multipart/form-data"):
            upload = self.request.form.get("file")
            if upload is None or not hasattr(upload, "read"):
                raise BibqualError(NO_FILE)
            return upload.read(), _flag(self.request.form.get("dry_run", ""))
        body = self.json_body()
        file = body.get("file")
        if not isinstance(file, dict) or not isinstance(file.get("data"), str):
            raise BibqualError(NO_FILE)
        try:
            data = base64.b64decode(file["data"], validate=True)
        except (binascii.Error, ValueError):
            raise BibqualError(NOT_BASE64)
        return data, _flag(body.get("dry_run", False))

    def error(self, error):
        """The error answer, with the bad cells of a refused workbook."""
        answer = super().error(error)
        report = getattr(error, "report", None)
        if report is not None:
            answer["error"]["errors"] = report.errors
        return answer


def _flag(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in FLAGS:
        return FLAGS[value.strip().lower()]
    raise BibqualError(NOT_A_FLAG)
