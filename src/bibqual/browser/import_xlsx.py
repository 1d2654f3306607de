"""``@@import-year-plan`` on a Library: a year plan workbook in two steps.

Step one uploads the workbook and shows the dry run (what would be created and
updated, every bad cell with its sheet, row and message); step two,
"Importeren", imports it for real, with the same operation as REST's
``@import-xlsx`` (``documents.spreadsheet.importer``). The file is carried from
step one to step two as base64 in a hidden field (Zope takes form fields up to
1 MB); a larger workbook is chosen again in step two. Step two checks every row
again, so a changed file cannot slip through.
"""

from bibqual import _
from bibqual.browser.base import BibqualView
from bibqual.documents.spreadsheet.columns import SHEETS
from bibqual.documents.spreadsheet.importer import ImportRefused
from bibqual.documents.spreadsheet.importer import import_year_plan
from bibqual.errors import BibqualError
from plone.protect import CheckAuthenticator
from Products.statusmessages.interfaces import IStatusMessage
import base64
import binascii
import transaction


NO_FILE = _("Choose the Excel file of the year plan.")
CARRY_LIMIT = 700 * 1024
"""Workbooks up to this size are carried to step two in the page (base64 < 1 MB)."""


class ImportYearPlanView(BibqualView):
    """Upload a year plan workbook, see the dry run, then import it.

    Who: users with bibqual: Add SmartProject on the library (the page's
    permission); adding the plan and changing each project are checked by the
    import. POSTs need the CSRF token. Shows the report; after the import,
    a status message and a redirect to the year plan.
    """

    report = None
    error = None
    carried = ""
    again = False

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            try:
                if self.request.form.get("form.import"):
                    return self.store()
                self.check()
            except ImportRefused as refusal:
                transaction.doom()
                self.report = refusal.report
                self.error = self.tr(refusal.message)
            except BibqualError as refusal:
                transaction.doom()
                self.error = self.tr(refusal.message)
        return self.index()

    def check(self):
        """Step one: the dry run of the uploaded workbook."""
        data = self._uploaded()
        self.report = import_year_plan(self.context, self.request, data, dry_run=True)
        if len(data) <= CARRY_LIMIT:
            self.carried = base64.b64encode(data).decode("ascii")
        else:
            self.again = True

    def store(self):
        """Step two: the import; on success a message and the year plan."""
        carried = self.request.form.get("carried") or ""
        if carried:
            try:
                data = base64.b64decode(carried, validate=True)
            except (binascii.Error, ValueError):
                raise BibqualError(NO_FILE)
        else:
            data = self._uploaded()
        report = import_year_plan(self.context, self.request, data, dry_run=False)
        IStatusMessage(self.request).add(
            _(
                "Year plan ${year} imported: ${created} projects created, ${updated} updated.",
                mapping={
                    "year": report.year,
                    "created": len(report.created),
                    "updated": len(report.updated),
                },
            ),
            type="info",
        )
        return self.request.response.redirect(report.plan["@id"])

    def _uploaded(self):
        upload = self.request.form.get("file")
        data = upload.read() if hasattr(upload, "read") else b""
        if not data:
            raise BibqualError(NO_FILE)
        return data

    def can_import(self):
        """Whether step two is offered: a dry run without errors."""
        return self.report is not None and not self.report.errors

    def field_title(self, sheet, field):
        """The column header (Dutch) of ``field`` in ``sheet``, else the field."""
        for name, columns in SHEETS:
            if name == sheet:
                for column in columns:
                    if column.field == field:
                        return self.tr(column.header)
        return field or ""

    def plan_action(self):
        """What happens to the year plan, as a sentence."""
        plan = self.report.plan if self.report is not None else {}
        action = plan.get("action")
        if action == "create":
            return self.tr(_("A new year plan ${year} is created.", mapping={"year": plan["year"]}))
        if action == "update":
            return self.tr(_("The year plan ${year} is updated.", mapping={"year": plan["year"]}))
        if action == "unchanged":
            return self.tr(
                _("The year plan ${year} stays as it is.", mapping={"year": plan["year"]})
            )
        return ""
