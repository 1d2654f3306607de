"""The one table of the year plan workbook's columns, for export, import and template.

Each column names the REST JSON key it carries (``field``), its header (an
English msgid, written in Dutch), its kind and a note shown as the header's
comment. The sheets are fixed Dutch names: they are the file's structure.

How a person types values (and how they come back out):
- ``text``: as is, line breaks kept; ``date``: a real Excel date (a date typed
  as text must be ``YYYY-MM-DD``, as in REST); ``number``: a number;
- ``list``: one item per line in the cell (Alt+Enter); a list of ``options``
  (norm elements, core functions) also accepts tokens separated by ``;`` or
  ``,``, since tokens never hold those;
- ``choice``: one value of the dropdown.
Excel's list validation checks a cell against single values only, so on a
cell of several tokens it only informs (it does not stop the entry); the import
checks every token, with REST's message.
"""

from bibqual import _
from bibqual.documents.dutch import dutch
from dataclasses import dataclass


PLAN_SHEET = "Jaarplan"
PROJECTS_SHEET = "Projecten"
INDICATORS_SHEET = "Indicatoren"
LISTS_SHEET = "Lijsten"

TEXT, DATE, NUMBER, LIST, CHOICE = "text", "date", "number", "list", "choice"

# The validation lists: norm elements and core functions in the hidden sheet.
NORM_OPTIONS, CORE_OPTIONS, SPEARHEAD_OPTIONS = "norm", "core", "spearheads"

KEY = "id"
"""The field of the ``Kenmerk`` column: a project's id in its year plan."""
STATE = "review_state"
"""The field of the read-only PDCA column."""

MAX_ROWS = 1000
"""Rows read per sheet at most (a year plan has tens of projects)."""
MAX_FILE_BYTES = 5 * 1024 * 1024
"""The largest workbook the import reads."""


@dataclass(frozen=True)
class Column:
    """One column: the REST key, the header msgid, kind, note, options, width."""

    field: str
    header: str
    kind: str = TEXT
    note: str = ""
    options: str = ""
    width: int = 18
    readonly: bool = False

    def title(self):
        """The header as it is written in the workbook (Dutch)."""
        return dutch(self.header)

    def names(self):
        """Everything a header cell may say for this column (lower case): the
        Dutch header, the English msgid and the REST key."""
        return {self.title().strip().lower(), str(self.header).lower(), self.field.lower()}


LIST_NOTE = _("One item per line (Alt+Enter).")
TOKENS_NOTE = _(
    "Choose from the list; several values: one per line (Excel then only warns). "
    "The tokens are in the sheet Lijsten."
)

PLAN_COLUMNS = (
    Column("year", _("Year"), NUMBER, width=8),
    Column("title", _("Title"), width=30),
    Column("description", _("Description"), width=40),
    Column(
        "spearheads",
        _("Spearheads"),
        LIST,
        note=_("One spearhead per row, under each other."),
        width=30,
    ),
)

PROJECT_COLUMNS = (
    Column(
        KEY,
        _("Reference"),
        note=_(
            "The project's id in the year plan. A row with the id of a project in the "
            "plan updates that project; another row creates one (with this id when it "
            "is free). The sheet Indicatoren refers to projects by it."
        ),
        width=16,
    ),
    Column("title", _("Title"), width=30),
    Column("specific", _("Specific goal"), width=40),
    Column("measurable", _("Measurable"), width=30),
    Column("achievable", _("Achievable"), width=30),
    Column("realistic", _("Realistic"), width=30),
    Column("start", _("Start"), DATE, width=12),
    Column("deadline", _("Deadline"), DATE, width=12),
    Column("responsible", _("Responsible"), width=18),
    Column("partners", _("Partners"), LIST, note=LIST_NOTE, width=24),
    Column("target_groups", _("Target groups"), LIST, note=LIST_NOTE, width=24),
    Column("budget", _("Budget (euro)"), NUMBER, width=12),
    Column("spearhead", _("Spearhead"), CHOICE, options=SPEARHEAD_OPTIONS, width=22),
    Column("norm_fields", _("Norm elements"), LIST, TOKENS_NOTE, NORM_OPTIONS, width=26),
    Column("core_functions", _("Core functions"), LIST, TOKENS_NOTE, CORE_OPTIONS, width=26),
    Column("policy_topics", _("Policy topics"), LIST, note=LIST_NOTE, width=24),
    Column("evaluation", _("Evaluation"), width=30),
    Column("improvements", _("Improvements"), width=30),
    Column(
        STATE,
        _("PDCA phase"),
        note=_("Read only: the import ignores this column."),
        width=12,
        readonly=True,
    ),
)

INDICATOR_COLUMNS = (
    Column(KEY, _("Reference"), note=_("The Kenmerk of the project in the sheet Projecten.")),
    Column("name", _("Indicator"), width=30),
    Column("target", _("Target"), NUMBER, width=10),
    Column("actual", _("Actual"), NUMBER, width=10),
    Column("unit", _("Unit"), width=14),
)

SHEETS = (
    (PLAN_SHEET, PLAN_COLUMNS),
    (PROJECTS_SHEET, PROJECT_COLUMNS),
    (INDICATORS_SHEET, INDICATOR_COLUMNS),
)
