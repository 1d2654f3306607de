"""The year plan workbook's frame: sheets, Dutch headers, notes and validation lists.

The export fills this frame with a year plan; the empty template is the frame
alone. The dropdown lists (the active framework's norm elements, the core
functions) live in the hidden sheet ``Lijsten``; the spearhead dropdown reads
the spearheads typed in the sheet ``Jaarplan``.
"""

from bibqual import _
from bibqual.documents.dutch import dutch
from bibqual.documents.spreadsheet.columns import CORE_OPTIONS
from bibqual.documents.spreadsheet.columns import DATE
from bibqual.documents.spreadsheet.columns import LIST
from bibqual.documents.spreadsheet.columns import LISTS_SHEET
from bibqual.documents.spreadsheet.columns import MAX_ROWS
from bibqual.documents.spreadsheet.columns import NORM_OPTIONS
from bibqual.documents.spreadsheet.columns import PLAN_SHEET
from bibqual.documents.spreadsheet.columns import SHEETS
from bibqual.documents.spreadsheet.columns import SPEARHEAD_OPTIONS
from bibqual.documents.spreadsheet.columns import TEXT
from bibqual.ids import YEAR_MAX
from bibqual.ids import YEAR_MIN
from bibqual.validation import MAX_LIST_ITEMS
from bibqual.vocabularies.core_functions import CORE_FUNCTIONS
from bibqual.vocabularies.norm import active_elements
from io import BytesIO
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
import datetime


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "DD-MM-YYYY"
SEVERAL_VALUES = _("Several values: put each on its own line.")
AUTHOR = "bibqual"


def nl(message):
    """``message`` (a msgid, or a text of the bibqual catalogue) in Dutch."""
    return dutch(message)


def new_workbook():
    """The frame: ``(workbook, {sheet name: worksheet})`` with headers, notes and
    validation lists, no rows."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    sheets = {}
    for name, columns in SHEETS:
        sheet = workbook.create_sheet(name)
        for number, column in enumerate(columns, 1):
            cell = sheet.cell(row=1, column=number, value=column.title())
            cell.font = Font(bold=True)
            if column.note:
                cell.comment = Comment(nl(column.note), AUTHOR, width=320, height=120)
            sheet.column_dimensions[get_column_letter(number)].width = column.width
        sheet.freeze_panes = "A2"
        sheets[name] = sheet
    lists = _lists_sheet(workbook)
    for name, columns in SHEETS:
        _validations(sheets[name], columns, lists)
    return workbook, sheets


def _lists_sheet(workbook):
    """The hidden sheet of tokens and titles; ``{options: range}`` of its lists."""
    sheet = workbook.create_sheet(LISTS_SHEET)
    sheet.sheet_state = "hidden"
    lists = {}
    blocks = (
        (NORM_OPTIONS, _("Norm elements"), active_elements()),
        (CORE_OPTIONS, _("Core functions"), CORE_FUNCTIONS),
    )
    for index, (options, header, terms) in enumerate(blocks):
        first = 2 * index + 1
        sheet.cell(row=1, column=first, value=nl(header)).font = Font(bold=True)
        sheet.cell(row=1, column=first + 1, value=nl(_("Title"))).font = Font(bold=True)
        for row, (token, title) in enumerate(terms, 2):
            sheet.cell(row=row, column=first, value=token)
            sheet.cell(row=row, column=first + 1, value=nl(title))
        letter = get_column_letter(first)
        sheet.column_dimensions[letter].width = 30
        sheet.column_dimensions[get_column_letter(first + 1)].width = 40
        if terms:
            lists[options] = f"{LISTS_SHEET}!${letter}$2:${letter}${len(terms) + 1}"
    # the spearheads are typed one per row in the plan sheet's last column
    lists[SPEARHEAD_OPTIONS] = f"{PLAN_SHEET}!$D$2:$D${MAX_LIST_ITEMS + 1}"
    return lists


def _validations(sheet, columns, lists):
    """Dropdowns on the columns with options; the year between its bounds."""
    for number, column in enumerate(columns, 1):
        letter = get_column_letter(number)
        cells = f"{letter}2:{letter}{MAX_ROWS + 1}"
        if column.options and column.options in lists:
            several = column.kind == LIST
            validation = DataValidation(
                type="list",
                formula1=lists[column.options],
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="information" if several else "stop",
                error=nl(SEVERAL_VALUES) if several else None,
            )
        elif sheet.title == PLAN_SHEET and column.field == "year":
            validation = DataValidation(
                type="whole", operator="between", formula1=YEAR_MIN, formula2=YEAR_MAX
            )
            cells = f"{letter}2"
        else:
            continue
        sheet.add_data_validation(validation)
        validation.add(cells)


def write_row(sheet, row, columns, values):
    """Write ``values`` (``{field: value}``, REST values) in ``row`` of ``sheet``."""
    for number, column in enumerate(columns, 1):
        value = values.get(column.field)
        if value in (None, "", [], ()):
            continue
        cell = sheet.cell(row=row, column=number)
        if column.kind == LIST:
            _text(cell, "\n".join(str(item) for item in value))
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        elif column.kind == DATE and isinstance(value, datetime.date):
            cell.value = value
            cell.number_format = DATE_FORMAT
        elif isinstance(value, str):
            _text(cell, value)
            if column.kind == TEXT and "\n" in value:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        else:
            cell.value = value


def _text(cell, text):
    """``text`` as text, never as a formula (a title may start with ``=``)."""
    cell.value = text
    cell.data_type = "s"


def workbook_bytes(workbook):
    """The workbook as ``.xlsx`` bytes."""
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
