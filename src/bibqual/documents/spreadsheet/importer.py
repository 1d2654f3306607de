"""Importing a year plan workbook into a library: all rows or nothing.

Every row of every sheet is stored the way REST stores it (``rest.py``): the
year plan of the sheet Jaarplan is created when the library has none for that
year (else its title, description and spearheads are updated), each row of the
sheet Projecten updates the project of that Kenmerk in the plan or creates one,
with the indicators of the sheet Indicatoren. Every refusal is collected with
its sheet, row and field; when there is one, or on a dry run, the transaction
is doomed, so nothing of the import is stored. A row that cannot be stored
because the plan was refused is still checked, in a plan that is never added.
"""

from bibqual import _
from bibqual.content.smartproject import DEADLINE_BEFORE_START
from bibqual.documents.spreadsheet.columns import INDICATORS_SHEET
from bibqual.documents.spreadsheet.columns import KEY
from bibqual.documents.spreadsheet.columns import PLAN_SHEET
from bibqual.documents.spreadsheet.columns import PROJECTS_SHEET
from bibqual.documents.spreadsheet.read import read_workbook
from bibqual.documents.spreadsheet.rest import add_item
from bibqual.documents.spreadsheet.rest import deserialize
from bibqual.documents.spreadsheet.rest import new_item
from bibqual.errors import BibqualError
from bibqual.ids import SMART_PROJECT
from bibqual.ids import YEAR_PLAN
from bibqual.permissions import ADD_SMART_PROJECT
from bibqual.permissions import ADD_YEAR_PLAN
from bibqual.permissions import MODIFY_CONTENT
from bibqual.planning.plans import plan_for_year
from dataclasses import dataclass
from dataclasses import field
from plone import api
from zope.i18n import translate
import transaction


NO_ROWS = _("The sheet Jaarplan has no row with the year plan.")
MAY_NOT_ADD_PLAN = _("You may not add a year plan to this library.")
MAY_NOT_CHANGE_PLAN = _("You may not change the year plan ${year}.")
MAY_NOT_ADD_PROJECT = _("You may not add projects to this year plan.")
MAY_NOT_CHANGE_PROJECT = _("You may not change the project '${id}'.")
DUPLICATE_KEY = _("The Kenmerk '${id}' is used by more than one row.")
UNKNOWN_KEY = _("No row of the sheet Projecten has the Kenmerk '${id}'.")
REFUSED = _("The workbook has ${count} errors; nothing was imported.")

# An invariant's refusal names no field; the field a person should correct.
INVARIANT_FIELDS = {str(DEADLINE_BEFORE_START): "deadline"}
PLAN_FIELDS = ("title", "description", "spearheads")


@dataclass
class Report:
    """What an import did (or, on a dry run, would do) and what it refused."""

    year: object = None
    plan: dict = field(default_factory=dict)
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    dry_run: bool = False
    forbidden: bool = False

    def refuse(self, sheet, row, field_name, message, forbidden=False):
        self.errors.append({"sheet": sheet, "row": row, "field": field_name, "message": message})
        self.forbidden = self.forbidden or forbidden

    def as_json(self):
        return {
            "year": self.year,
            "plan": self.plan,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": self.errors,
            "dry_run": self.dry_run,
        }


class ImportRefused(BibqualError):
    """The workbook has bad rows: 400 (403 when a row was not allowed), nothing stored."""

    def __init__(self, report):
        count = len(report.errors)
        super().__init__(_(REFUSED, mapping={"count": count}), 403 if report.forbidden else 400)
        self.report = report


def import_year_plan(library, request, data, dry_run=False):
    """Import the workbook ``data`` (bytes) into ``library`` for the current user.

    Who: a user with bibqual: Add SmartProject on the library (the service's
    permission); adding the plan, adding and changing each project are checked
    here. Returns the ``Report``; raises ``ImportRefused`` when a row is bad
    (not on a dry run, whose report lists the errors), ``BibqualError`` (403)
    when the plan would have to be added and the user may not.
    """
    sheets = read_workbook(data)
    report = Report(dry_run=bool(dry_run))
    plan, stored = _plan(library, request, sheets, report)
    indicators = _indicators(sheets, report)
    keys = set()
    for row in sheets[PROJECTS_SHEET]:
        _project(plan, stored, request, row, indicators, keys, report)
    for key, rows in indicators.items():
        if key not in keys:
            for row in rows:
                message = translate(_(UNKNOWN_KEY, mapping={"id": key}), context=request)
                report.refuse(INDICATORS_SHEET, row.number, KEY, message)
    if report.errors or report.dry_run:
        transaction.doom()
    if report.errors and not report.dry_run:
        raise ImportRefused(report)
    if stored and not report.dry_run:
        report.plan["@id"] = plan.absolute_url()
    return report


def _plan(library, request, sheets, report):
    """The year plan the projects go into and whether it is stored: the library's
    plan of that year (updated), a new one, or (refused) one never added."""
    rows = sheets[PLAN_SHEET]
    if not rows:
        raise BibqualError(NO_ROWS)
    row = rows[0]
    values = dict(row.values)
    values["spearheads"] = [item for r in rows for item in r.values.get("spearheads", [])]
    year = values.get("year")
    if isinstance(year, str) and year.strip().isdigit():
        year = int(year)  # a year typed as text: REST reads it as a number too
    report.year = year
    existing = plan_for_year(library, year) if type(year) is int else None
    if existing is not None:
        data = {key: values[key] for key in PLAN_FIELDS if key in values}
        refusals, changed = deserialize(existing, request, data, new=False)
        _refusals(refusals, PLAN_SHEET, row, report)
        action = "update" if changed else "unchanged"
        report.plan = {"year": year, "title": existing.Title(), "action": action}
        if changed and not api.user.has_permission(MODIFY_CONTENT, obj=existing):
            message = _(MAY_NOT_CHANGE_PLAN, mapping={"year": year})
            report.refuse(PLAN_SHEET, row.number, "title", _tr(message, request), True)
        return existing, True
    if not api.user.has_permission(ADD_YEAR_PLAN, obj=library):
        raise BibqualError(MAY_NOT_ADD_PLAN, 403)
    plan, _kept = new_item(library, YEAR_PLAN)
    refusals, _changed = deserialize(plan, request, values, new=True)
    _refusals(refusals, PLAN_SHEET, row, report)
    report.plan = {"year": year, "title": plan.Title(), "action": "create"}
    if refusals:
        return plan, False
    return add_item(library, plan, keep_id=False), True


def _indicators(sheets, report):
    """``{Kenmerk: [Row]}`` of the sheet Indicatoren, or ``None`` without that sheet."""
    if INDICATORS_SHEET not in sheets:
        return None
    grouped = {}
    for row in sheets[INDICATORS_SHEET]:
        grouped.setdefault(str(row.values.get(KEY) or "").strip(), []).append(row)
    return grouped


def _project(plan, stored, request, row, indicators, keys, report):
    """Store (or check) one row of the sheet Projecten."""
    key = str(row.values.get(KEY) or "").strip()
    if key and key in keys:
        message = _tr(_(DUPLICATE_KEY, mapping={"id": key}), request)
        report.refuse(PROJECTS_SHEET, row.number, KEY, message)
        return
    if key:
        keys.add(key)
    data = {name: value for name, value in row.values.items() if name != KEY}
    own_rows = (indicators or {}).get(key, []) if key else []
    if indicators is not None and (key or own_rows):
        data["indicators"] = [
            {name: value for name, value in r.values.items() if name != KEY} for r in own_rows
        ]
    existing = plan.get(key) if stored and key and key in plan else None
    if existing is not None and getattr(existing, "portal_type", None) == SMART_PROJECT:
        # as a PATCH; a row that changes nothing needs no permission to change
        refusals, changed = deserialize(existing, request, data, new=False)
        _refusals(refusals, PROJECTS_SHEET, row, report, own_rows)
        if changed and not api.user.has_permission(MODIFY_CONTENT, obj=existing):
            message = _tr(_(MAY_NOT_CHANGE_PROJECT, mapping={"id": key}), request)
            report.refuse(PROJECTS_SHEET, row.number, KEY, message, True)
        elif changed and not refusals:
            report.updated.append({"row": row.number, "id": key, "title": existing.Title()})
        elif not refusals:
            report.unchanged.append({"row": row.number, "id": key, "title": existing.Title()})
        return
    if not api.user.has_permission(ADD_SMART_PROJECT, obj=plan):
        report.refuse(PROJECTS_SHEET, row.number, KEY, _tr(MAY_NOT_ADD_PROJECT, request), True)
        return
    project, keep_id = new_item(plan, SMART_PROJECT, key)
    refusals, _changed = deserialize(project, request, data, new=True)
    _refusals(refusals, PROJECTS_SHEET, row, report, own_rows)
    if refusals:
        return
    if stored:
        project = add_item(plan, project, keep_id)
    item_id = project.getId() if stored else key
    report.created.append({"row": row.number, "id": item_id, "title": project.Title()})


def _refusals(refusals, sheet, row, report, indicator_rows=()):
    """Put REST's refusals of ``row`` in the report, at the cell to correct: an
    indicator's at its row of the sheet Indicatoren."""
    for field_name, message, error in refusals:
        msgid = error.args[0] if error is not None and error.args else None
        mapping = getattr(msgid, "mapping", None) or {}
        position = mapping.get("position")
        if field_name == "indicators" and isinstance(position, int):
            if 0 < position <= len(indicator_rows):
                target = indicator_rows[position - 1]
                name = mapping.get("key") or "indicators"
                report.refuse(INDICATORS_SHEET, target.number, name, message)
                continue
        if field_name is None:
            # an invariant: of the plan its year, of a project the field it names
            default = "year" if sheet == PLAN_SHEET else ""
            field_name = INVARIANT_FIELDS.get(str(msgid) if msgid is not None else "", default)
        report.refuse(sheet, row.number, field_name, message)


def _tr(message, request):
    return translate(message, context=request)
