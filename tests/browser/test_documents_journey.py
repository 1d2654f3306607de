"""The documents in Chromium: what a coordinator downloads and uploads on the demo site.

The coordinator of Westfriesland-Noord downloads the annual report from the
dashboard and the audit dossier from the quality dossier, and the self-evaluation
and the recovery plan of the demo round as Word. A staff member exports the year
plan to Excel from its board, changes a title in the spreadsheet and imports it
again through the two-step upload page (a bad row first: refused, nothing stored).
Each file is opened with its own library. Pages are also shot at phone width.
"""

from datetime import date
from docx import Document
from io import BytesIO
from openpyxl import load_workbook
from zope.component.hooks import setSite
import pytest
import transaction
import zipfile


pytestmark = pytest.mark.browser

LIBRARY = "bibliotheek-westfriesland-noord"
PLAN = f"{LIBRARY}/jaarplan-{date.today().year}"


def download(visitor, selector):
    """Click ``selector`` and return ``(suggested file name, bytes)`` of the download."""
    with visitor.page.expect_download() as info:
        visitor.page.click(selector)
    item = info.value
    return item.suggested_filename, open(item.path(), "rb").read()


def column(sheet, header):
    """The 1-based column of ``header`` in the first row of ``sheet``."""
    for cell in sheet[1]:
        if cell.value == header:
            return cell.column
    raise AssertionError(f"no column {header!r} in {sheet.title}")


def workbook_bytes(book):
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def project_titles(portal):
    """The titles of every SmartProject of the site, as the catalog has them now."""
    search = portal.portal_catalog.unrestrictedSearchResults
    return [brain.Title for brain in search(portal_type="SmartProject")]


def upload(visitor, path, name):
    visitor.page.set_input_files("#bq-import-file", str(path))
    with visitor.page.expect_navigation():
        visitor.page.click("#bq-import-check-submit")
    visitor.page.wait_for_load_state("networkidle")
    visitor.shot(name)


def test_annual_report_and_dossier_downloads(visitor):
    visitor.login("coordinator")
    visitor.open(LIBRARY)
    name, data = download(visitor, "#bq-annual-report-link")
    assert name == f"jaarverslag-{LIBRARY}-{date.today().year}.docx"
    document = Document(BytesIO(data))
    assert document.paragraphs[0].style.name == "Title"
    assert document.paragraphs[0].text.startswith(f"Jaarverslag {date.today().year}")
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "Taalmaatjes werven en trainen" in headings

    visitor.open(f"{LIBRARY}/@@quality-dossier")
    visitor.shot("dossier")
    name, data = download(visitor, ".bq-audit-dossier")
    assert name == f"auditdossier-{LIBRARY}-{date.today().isoformat()}.zip"
    archive = zipfile.ZipFile(BytesIO(data))
    names = archive.namelist()
    assert "manifest.csv" in names and "index.docx" in names
    assert len(names) > 2  # the demo has released, valid evidence
    index = Document(BytesIO(archive.read("index.docx")))
    assert any("Wat de certificeerder vraagt" in p.text for p in index.paragraphs)


def test_year_plan_to_excel_and_back(visitor, demo_functional, tmp_path):
    visitor.login("medewerker")
    visitor.open(PLAN)
    visitor.shot("board")
    name, data = download(visitor, "#bq-export-xlsx")
    assert name.startswith(f"jaarplan-{LIBRARY}-{date.today().year}") and name.endswith(".xlsx")
    book = load_workbook(BytesIO(data))
    projects = book["Projecten"]
    title, start, deadline = (column(projects, h) for h in ("Titel", "Start", "Deadline"))
    first_title = projects.cell(row=2, column=title).value
    assert first_title

    # a row whose deadline lies before its start: refused, no "Importeren" button
    projects.cell(row=2, column=title).value = "Taalmaatjes in elke wijk"
    good_deadline = projects.cell(row=2, column=deadline).value
    projects.cell(row=2, column=deadline).value = projects.cell(row=2, column=start).value.replace(
        year=projects.cell(row=2, column=start).value.year - 1
    )
    bad = tmp_path / "jaarplan-fout.xlsx"
    bad.write_bytes(workbook_bytes(book))
    visitor.open(LIBRARY)
    visitor.page.click("#bq-import-year-plan-link")
    visitor.page.wait_for_load_state("networkidle")
    visitor.shot("import-page")
    upload(visitor, bad, "import-refused")
    errors = visitor.page.locator("#bq-import-errors")
    assert errors.is_visible()
    assert "Projecten" in errors.inner_text() and "2" in errors.inner_text()
    assert visitor.page.locator("#bq-import-submit").count() == 0

    # the same file with a good deadline: the report first, then "Importeren"
    projects.cell(row=2, column=deadline).value = good_deadline
    good = tmp_path / "jaarplan.xlsx"
    good.write_bytes(workbook_bytes(book))
    upload(visitor, good, "import-checked")
    assert "Taalmaatjes in elke wijk" in visitor.page.locator("#bq-import-updated").inner_text()
    portal = demo_functional["portal"]
    transaction.begin()
    titles = [
        b.Title for b in portal.portal_catalog.unrestrictedSearchResults(portal_type="SmartProject")
    ]
    assert first_title in titles and "Taalmaatjes in elke wijk" not in titles  # nothing stored yet
    with visitor.page.expect_navigation():
        visitor.page.click("#bq-import-submit")
    visitor.page.wait_for_load_state("networkidle")
    visitor.shot("imported")
    assert visitor.page.url.rstrip("/").endswith(PLAN)
    assert "Taalmaatjes in elke wijk" in visitor.page.locator("main, #content").first.inner_text()
    transaction.begin()
    titles = [
        b.Title for b in portal.portal_catalog.unrestrictedSearchResults(portal_type="SmartProject")
    ]
    assert "Taalmaatjes in elke wijk" in titles and first_title not in titles


def test_round_documents_as_word(visitor, demo_functional):
    portal = demo_functional["portal"]
    setSite(portal)
    transaction.begin()
    library = portal[LIBRARY]
    search = portal.portal_catalog.unrestrictedSearchResults
    path = "/".join(library.getPhysicalPath())
    # the demo has two rounds: an earlier one and the running one
    assessment = search(path=path, portal_type="SelfAssessment", sort_on="path")[0]
    report = search(path=path, portal_type="AuditReport", sort_on="path")[0]
    visitor.login("coordinator")
    visitor.page.goto(assessment.getURL())
    visitor.page.wait_for_load_state("networkidle")
    visitor.shot("self-evaluation")
    name, data = download(visitor, "#bq-self-evaluation-docx")
    assert name.startswith(f"zelfevaluatie-{LIBRARY}") and name.endswith(".docx")
    document = Document(BytesIO(data))
    assert document.paragraphs[0].text.startswith("Zelfevaluatie")
    visitor.page.goto(report.getURL() + "/@@recovery-plan")
    visitor.page.wait_for_load_state("networkidle")
    visitor.shot("recovery-plan")
    name, data = download(visitor, "#bq-recovery-plan-docx")
    assert name.startswith(f"herstelplan-{LIBRARY}") and name.endswith(".docx")
    assert Document(BytesIO(data)).paragraphs[0].text.startswith("Herstelplan")
