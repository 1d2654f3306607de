"""The Classic page ``@@import-year-plan`` and the buttons on the year plan's board.

Staff upload a workbook, see the dry run (every error with sheet, row and
message; no Import button then), import a good one and land on the new plan.
"""

from bibqual.documents.spreadsheet.export import template_workbook
from datetime import date
from io import BytesIO
from openpyxl import load_workbook
from plone.testing.zope import Browser
from support import PASSWORD
from support.content import make_library
from support.content import make_plan
from support.content import make_user
from zExceptions import Unauthorized
import lxml.html
import pytest
import transaction


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def library(functional_portal):
    library = make_library(functional_portal, "bieb", title="Bibliotheek West")
    make_plan(library, 2026, spearheads=["Taal en lezen"])
    make_user("medewerker", [(library, ["Editor", "Contributor"])])
    make_user("lezer", [(library, ["Reader"])])
    transaction.commit()
    return library


@pytest.fixture
def browser(functional_app):
    def factory(user="medewerker"):
        result = Browser(functional_app)
        result.handleErrors = False
        result.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        return result

    return factory


def workbook(deadline):
    """A 2027 workbook with two projects; the second has ``deadline`` (start 1 March)."""
    book = load_workbook(BytesIO(template_workbook()))
    book["Jaarplan"]["A2"] = 2027
    book["Jaarplan"]["B2"] = "Jaarplan 2027"
    book["Jaarplan"]["D2"] = "Taal en lezen"
    projects = book["Projecten"]
    for row, (key, title, end) in enumerate(
        [("taalcafe", "Taalcafé", date(2027, 6, 1)), ("voorlezen", "Voorlezen", deadline)], 2
    ):
        for column, value in enumerate([key, title, "Een helder doel."], 1):
            projects.cell(row, column).value = value
        projects.cell(row, 7).value = date(2027, 3, 1)
        projects.cell(row, 8).value = end
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def page(browser):
    return lxml.html.fromstring(browser.contents)


def upload(b, library, data):
    b.open(f"{library.absolute_url()}/@@import-year-plan")
    b.getControl(name="file").add_file(BytesIO(data), XLSX, "jaarplan.xlsx")
    b.getControl(name="form.check").click()
    return page(b)


def test_a_bad_row_is_shown_and_cannot_be_imported(browser, library):
    b = browser()
    tree = upload(b, library, workbook(deadline=date(2027, 1, 1)))
    cells = [td.text_content().strip() for td in tree.cssselect("#bq-import-errors tbody td")]
    assert cells[:3] == ["Projecten", "3", "Deadline"]
    assert cells[3]  # the deadline rule's message, as REST gives it
    assert not tree.cssselect("#bq-import-store")  # no Import button
    created = [
        " ".join(li.text_content().split()) for li in tree.cssselect("#bq-import-created li")
    ]
    assert len(created) == 1 and created[0].endswith(": Taalcafé")  # the good row
    transaction.begin()
    assert "jaarplan-2027" not in library


def test_a_good_file_is_checked_then_imported(browser, library):
    b = browser()
    tree = upload(b, library, workbook(deadline=date(2027, 12, 1)))
    assert not tree.cssselect("#bq-import-errors")
    assert len(tree.cssselect("#bq-import-created li")) == 2
    assert tree.cssselect("input[name=carried]")[0].get("value")
    transaction.begin()
    assert "jaarplan-2027" not in library  # the check stored nothing
    b.getControl(name="form.import").click()
    assert b.url == f"{library.absolute_url()}/jaarplan-2027"
    transaction.begin()
    plan = library["jaarplan-2027"]
    assert sorted(plan.objectIds()) == ["taalcafe", "voorlezen"]
    assert plan["voorlezen"].deadline == date(2027, 12, 1)
    # the board offers the downloads
    links = {a.get("id"): a.get("href") for a in page(b).cssselect(".bq-plan-meta a")}
    assert links["bq-export-xlsx"] == f"{plan.absolute_url()}/@export-xlsx"
    assert links["bq-annual-report"] == f"{library.absolute_url()}/@annual-report?year=2027"


def test_the_page_offers_the_template_and_is_for_staff_only(browser, library):
    b = browser()
    b.open(f"{library.absolute_url()}/@@import-year-plan")
    link = page(b).cssselect("#bq-import-template")[0]
    assert link.get("href") == f"{library.absolute_url()}/@import-xlsx-template"
    reader = browser("lezer")
    with pytest.raises(Unauthorized):
        reader.open(f"{library.absolute_url()}/@@import-year-plan")
