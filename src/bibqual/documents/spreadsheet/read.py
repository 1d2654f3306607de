"""Reading a year plan workbook into rows of REST JSON values.

A cell becomes what a REST client would send for that field (``columns.py``
says how), so the import can hand each row to plone.restapi's deserializer and
get REST's own refusal: a date cell becomes ``"YYYY-MM-DD"``, a date typed as
other text stays that text, an empty cell is ``null`` (``[]`` for a list).
Columns are found by their header (Dutch, the English msgid or the REST key),
so their order does not matter and extra columns are left alone. Formulas
count by the value Excel computed for them.
"""

from bibqual import _
from bibqual.documents.spreadsheet.columns import CHOICE
from bibqual.documents.spreadsheet.columns import DATE
from bibqual.documents.spreadsheet.columns import LIST
from bibqual.documents.spreadsheet.columns import MAX_FILE_BYTES
from bibqual.documents.spreadsheet.columns import MAX_ROWS
from bibqual.documents.spreadsheet.columns import NUMBER
from bibqual.documents.spreadsheet.columns import PLAN_SHEET
from bibqual.documents.spreadsheet.columns import PROJECTS_SHEET
from bibqual.documents.spreadsheet.columns import SHEETS
from bibqual.errors import BibqualError
from dataclasses import dataclass
from io import BytesIO
from openpyxl import load_workbook
import datetime
import re


NOT_A_WORKBOOK = _("The file is not an Excel workbook (.xlsx).")
TOO_BIG = _("The file is larger than ${max} MB.")
MISSING_SHEET = _("The workbook has no sheet '${sheet}'.")
TOO_MANY_ROWS = _("The sheet '${sheet}' has more than ${max} rows.")

LINES = re.compile(r"\r\n|\r|\n")
TOKEN_SEPARATORS = re.compile(r"[\r\n;,]+")


@dataclass
class Row:
    """One filled row of a sheet: its Excel row number and ``{field: REST value}``."""

    number: int
    values: dict


def read_workbook(data):
    """``{sheet name: [Row]}`` of the year plan workbook in ``data`` (bytes).

    Refuses (``BibqualError``, 400) a file that is too big, is no workbook, lacks
    the sheet Jaarplan or Projecten, or has more than ``MAX_ROWS`` rows in a sheet.
    """
    if len(data) > MAX_FILE_BYTES:
        raise BibqualError(_(TOO_BIG, mapping={"max": MAX_FILE_BYTES // (1024 * 1024)}))
    try:
        workbook = load_workbook(BytesIO(data), read_only=True, data_only=True)
    except Exception:
        raise BibqualError(NOT_A_WORKBOOK)
    try:
        sheets = {}
        for name, columns in SHEETS:
            if name not in workbook.sheetnames:
                if name in (PLAN_SHEET, PROJECTS_SHEET):
                    raise BibqualError(_(MISSING_SHEET, mapping={"sheet": name}))
                continue
            sheets[name] = _rows(workbook[name], name, columns)
        return sheets
    finally:
        workbook.close()


def _rows(sheet, name, columns):
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None) or ()
    found = {}
    for index, text in enumerate(header):
        label = str(text).strip().lower() if text is not None else ""
        for column in columns:
            if label and label in column.names() and not column.readonly:
                found.setdefault(index, column)
    result = []
    for number, cells in enumerate(rows, 2):
        if number > MAX_ROWS + 1:
            raise BibqualError(_(TOO_MANY_ROWS, mapping={"sheet": name, "max": MAX_ROWS}))
        picked = {i: cells[i] for i in found if i < len(cells)}
        if all(_empty(value) for value in picked.values()):
            continue
        values = {found[i].field: rest_value(found[i], value) for i, value in picked.items()}
        for column in found.values():
            values.setdefault(column.field, rest_value(column, None))
        result.append(Row(number, values))
    return result


def _empty(value):
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value):
    """A cell as text: whole numbers without ``.0``, dates as ``YYYY-MM-DD``."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def rest_value(column, value):
    """What a REST client would send for ``column`` given the cell ``value``."""
    if column.kind == LIST:
        if _empty(value):
            return []
        splitter = TOKEN_SEPARATORS if column.options else LINES
        return [item.strip() for item in splitter.split(_text(value)) if item.strip()]
    if _empty(value):
        return None
    if column.kind == DATE:
        if isinstance(value, datetime.datetime | datetime.date):
            return _text(value)
        return value.strip() if isinstance(value, str) else value
    if column.kind == NUMBER:
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value.strip() if isinstance(value, str) else value
    if column.kind == CHOICE:
        return _text(value).strip()
    return _text(value)
