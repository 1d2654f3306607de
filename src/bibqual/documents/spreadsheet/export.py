"""A year plan as an Excel workbook, and the empty template.

The projects are the catalog's answer for the current user (``project_brains``:
only what that user may view, in the plan's order); each of those is woken to
read its texts and indicators, no other object is.
"""

from bibqual.content.indicators import indicator_rows
from bibqual.documents.spreadsheet.columns import INDICATOR_COLUMNS
from bibqual.documents.spreadsheet.columns import INDICATORS_SHEET
from bibqual.documents.spreadsheet.columns import KEY
from bibqual.documents.spreadsheet.columns import PLAN_COLUMNS
from bibqual.documents.spreadsheet.columns import PLAN_SHEET
from bibqual.documents.spreadsheet.columns import PROJECT_COLUMNS
from bibqual.documents.spreadsheet.columns import PROJECTS_SHEET
from bibqual.documents.spreadsheet.columns import STATE
from bibqual.documents.spreadsheet.workbook import new_workbook
from bibqual.documents.spreadsheet.workbook import nl
from bibqual.documents.spreadsheet.workbook import workbook_bytes
from bibqual.documents.spreadsheet.workbook import write_row
from bibqual.ids import SMART_PROJECT
from bibqual.planning.plans import project_brains
from plone import api


def export_year_plan(plan):
    """The ``.xlsx`` bytes of ``plan``: the plan, one row per project the current
    user may view, and their indicators. Who: anyone who may view the plan."""
    workbook, sheets = new_workbook()
    write_plan(sheets[PLAN_SHEET], plan)
    titles = StateTitles()
    indicator_row = 2
    for row, brain in enumerate(project_brains(plan), 2):
        project = brain.getObject()
        values = project_values(project)
        values[KEY] = brain.getId
        values[STATE] = titles(brain.review_state)
        write_row(sheets[PROJECTS_SHEET], row, PROJECT_COLUMNS, values)
        for indicator in indicator_rows(getattr(project, "indicators", None)):
            write_row(
                sheets[INDICATORS_SHEET],
                indicator_row,
                INDICATOR_COLUMNS,
                {KEY: brain.getId, **indicator},
            )
            indicator_row += 1
    return workbook_bytes(workbook)


def template_workbook():
    """The ``.xlsx`` bytes of the empty template: the sheets, headers and lists,
    no rows. Who: whoever may import."""
    workbook, _sheets = new_workbook()
    return workbook_bytes(workbook)


def write_plan(sheet, plan):
    """The sheet Jaarplan: year, title and description in row 2, the spearheads
    one per row from row 2 down."""
    first = {
        "year": getattr(plan, "year", None),
        "title": plan.title,
        "description": plan.description,
    }
    write_row(sheet, 2, PLAN_COLUMNS, first)
    for row, spearhead in enumerate(getattr(plan, "spearheads", None) or [], 2):
        write_row(sheet, row, PLAN_COLUMNS, {"spearheads": [spearhead]})


def project_values(project):
    """``{field: value}`` of the project's columns (not the Kenmerk and the phase)."""
    return {
        column.field: getattr(project, column.field, None)
        for column in PROJECT_COLUMNS
        if column.field not in (KEY, STATE)
    }


class StateTitles:
    """The Dutch title of a project's workflow state, as the workflow names it."""

    def __init__(self):
        self.workflow = api.portal.get_tool("portal_workflow")
        self.titles = {}

    def __call__(self, state):
        if state not in self.titles:
            title = self.workflow.getTitleForStateOnType(state, SMART_PROJECT) or state
            self.titles[state] = nl(title)
        return self.titles[state]
