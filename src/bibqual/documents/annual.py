"""The annual report (jaarverslag) of a library as a Word document.

``annual_report(library, year, request)`` writes, in the library's own Word
template (``word.new_document``), in Dutch, with Word's heading styles: the
title; per spearhead of the year plan (``Heading 1``, the plan's order; projects
without one last, under "Overige projecten") each project (``Heading 2``; its indicators
``Heading 3``) with its PDCA state, dates, SMART texts, indicators as a table (target, actual, unit,
percentage), evaluation, improvements, partners, target groups and who is
responsible; then the projects per core function and state, the readiness per
norm element (``reports.readiness.norm_readiness``, the answer the screens
show), the assurance cycles completed in the year and the evidence released in
it. What it holds is what the requesting user may see (``documents.annual_data``).
"""

from bibqual import _
from bibqual.certification.findings import state_title
from bibqual.documents import word
from bibqual.documents.annual_data import NO_CORE_FUNCTION
from bibqual.documents.annual_data import annual_data
from bibqual.documents.annual_data import parse_year
from bibqual.documents.dutch import dutch
from bibqual.documents.dutch import dutch_date
from bibqual.documents.dutch import dutch_number
from bibqual.documents.dutch import dutch_percentage
from bibqual.reports.readiness import gap_text
from bibqual.vocabularies.core_functions import CORE_FUNCTIONS
from bibqual.vocabularies.document_types import DOCUMENT_TYPES
from bibqual.workflows.ids import PROJECT_STATES


TITLE = _("Annual report ${year} — ${library}")
OTHER_PROJECTS = _("Other projects")
NOTHING = _("None.")

# (attribute, label) of the texts and lists printed per project, in this order
PROJECT_FIELDS = (
    ("specific", _("Specific")),
    ("measurable", _("Measurable")),
    ("achievable", _("Achievable")),
    ("realistic", _("Realistic")),
    ("evaluation", _("Evaluation")),
    ("improvements", _("Improvements")),
    ("partners", _("Partners")),
    ("target_groups", _("Target groups")),
    ("responsible", _("Responsible")),
)
INDICATOR_HEADER = (_("Indicator"), _("Target"), _("Actual"), _("Unit"), _("Percentage"))


def _project(document, entry, tr):
    word.heading(document, entry["title"], 2)
    word.field(document, tr(_("State")), state_title(entry["review_state"], entry["portal_type"]))
    word.field(document, tr(_("Start")), dutch_date(entry["start"]))
    word.field(document, tr(_("Deadline")), dutch_date(entry["deadline"]))
    for name, label in PROJECT_FIELDS:
        word.field(document, tr(label), entry[name])
    if entry["indicators"]:
        word.heading(document, tr(_("Indicators")), 3)
        rows = [
            (
                row.get("name"),
                dutch_number(row.get("target")),
                dutch_number(row.get("actual")),
                row.get("unit") or "",
                dutch_percentage(row["percentage"]),
            )
            for row in entry["indicators"]
        ]
        word.table(document, [tr(label) for label in INDICATOR_HEADER], rows)


def _projects(document, data, tr):
    """Per spearhead its projects."""
    for spearhead, entries in data["sections"]:
        word.heading(document, spearhead if spearhead is not None else tr(OTHER_PROJECTS), 1)
        if not entries:
            word.paragraph(document, tr(_("No projects.")))
        for entry in entries:
            _project(document, entry, tr)


def _core_functions(document, data, tr):
    """Projects per core function and PDCA state."""
    word.heading(document, tr(_("Projects per core function")), 1)
    titles = dict(CORE_FUNCTIONS)
    header = [tr(_("Core function"))]
    header += [state_title(state, "SmartProject") for state in PROJECT_STATES]
    header.append(tr(_("Total")))
    rows = []
    for token, counts in data["core_functions"].items():
        if token is NO_CORE_FUNCTION:
            title = tr(_("No core function"))
        else:
            title = tr(titles[token]) if token in titles else token
        numbers = [counts.get(state, 0) for state in PROJECT_STATES]
        rows.append([title, *numbers, sum(counts.values())])
    word.table(document, header, rows)


def _norm_elements(document, data, tr):
    """Readiness per norm element: covered, or the gap and why."""
    word.heading(document, tr(_("Norm elements")), 1)
    header = [
        tr(_("Norm element")),
        tr(_("Released, valid evidence")),
        tr(_("Projects past Plan")),
        tr(_("Status")),
    ]
    rows = [
        (
            element["title"],
            element["released_evidence"],
            element["projects_past_plan"],
            gap_text(element, tr) if element["gap"] else tr(_("Covered")),
        )
        for element in data["readiness"]["elements"]
    ]
    word.table(document, header, rows)


def _cycles(document, data, tr):
    year = data["year"]
    word.heading(
        document, tr(_("Assurance cycles completed in ${year}", mapping={"year": year})), 1
    )
    if not data["cycles"]:
        word.paragraph(document, tr(NOTHING))
        return
    header = [tr(_("Assurance project")), tr(_("Cycle")), tr(_("Completed on"))]
    rows = [(c["title"], c["cycle"], dutch_date(c["date"])) for c in data["cycles"]]
    word.table(document, header, rows)


def _evidence(document, data, tr):
    year = data["year"]
    word.heading(document, tr(_("Evidence released in ${year}", mapping={"year": year})), 1)
    if not data["evidence"]:
        word.paragraph(document, tr(NOTHING))
        return
    types = dict(DOCUMENT_TYPES)
    header = [tr(_("Title")), tr(_("Document type")), tr(_("Released on")), tr(_("Valid until"))]
    rows = [
        (
            item["title"],
            tr(types[item["document_type"]]) if item["document_type"] in types else "",
            dutch_date(item["released"]),
            dutch_date(item["valid_until"]),
        )
        for item in data["evidence"]
    ]
    word.table(document, header, rows)


def annual_report(library, year, request):
    """The annual report of ``library`` for ``year`` as a python-docx ``Document``,
    for the current user (who may view the library); ``BibqualError`` 400 for a
    missing or bad year, 404 when the user sees no year plan of that year."""
    data = annual_data(library, parse_year(year))

    def tr(message):
        return dutch(message, request)

    document = word.new_document(library)
    title = tr(_(TITLE, mapping={"year": data["year"], "library": library.Title()}))
    document.core_properties.title = title
    word.heading(document, title, 0)
    for part in (_projects, _core_functions, _norm_elements, _cycles, _evidence):
        part(document, data, tr)
    return document
