"""Year plans to Excel and back over REST: ``@export-xlsx``, ``@import-xlsx``, the template.

The files are opened with openpyxl and compared with the catalog; an import is
compared with what REST itself answers for the same values; an import with a bad
row stores nothing at all.
"""

from bibqual import clock
from bibqual.audit import grants
from bibqual.reports.queries import as_date
from datetime import date
from datetime import timedelta
from io import BytesIO
from openpyxl import load_workbook
from plone import api
from support import PASSWORD
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.content import make_user
from support.content import transition
import base64
import pytest
import transaction


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PLAN = "/bieb/jaarplan-2026"
HEADERS = [
    "Kenmerk",
    "Titel",
    "Specifiek doel",
    "Meetbaar",
    "Acceptabel",
    "Realistisch",
    "Start",
    "Deadline",
    "Verantwoordelijke",
    "Partners",
    "Doelgroepen",
    "Budget (euro)",
    "Speerpunt",
    "Normelementen",
    "Kernfuncties",
    "Beleidsonderwerpen",
    "Evaluatie",
    "Verbeteringen",
    "PDCA-fase",
]


@pytest.fixture
def tree(functional_portal):
    """Library ``bieb`` with an adopted 2026 plan of four projects (one cancelled),
    an empty library ``oost``; ``medewerker`` is staff of both, ``coordinator``
    Reviewer of ``bieb``, ``auditor`` has a running grant on it, ``gast`` has none."""
    library = make_library(functional_portal, "bieb", title="Bibliotheek West")
    other = make_library(functional_portal, "oost", title="Bibliotheek Oost")
    plan = make_plan(
        library, 2026, spearheads=["Taal en lezen", "Digitale inclusie"], description="Ons plan."
    )
    make_project(
        plan,
        "voorlezen",
        title="Voorlezen",
        specific="Voorlezen op elke peuterspeelzaal.\nOok in de vakantie.",
        measurable="Telling per maand.",
        achievable="De vrijwilligers willen.",
        realistic="Twee uur per week.",
        start=date(2026, 2, 1),
        deadline=date(2026, 11, 30),
        responsible="jan",
        partners=["Kinderopvang Kits", "Consultatiebureau"],
        target_groups=["Peuters", "Ouders"],
        budget=750.5,
        spearhead="Taal en lezen",
        norm_fields=["dienstverlening", "netwerk"],
        core_functions=["lezen-en-literatuur"],
        policy_topics=["Laaggeletterdheid"],
        improvements="Vaker op zaterdag.",
        indicators=[
            {"name": "Voorleesuren", "target": 40, "actual": 30, "unit": "uur"},
            {"name": "Bereikte peuters", "target": 200, "actual": None, "unit": "kinderen"},
        ],
    )
    transition(make_project(plan, "taalcafe", spearhead="Digitale inclusie"), ["start"])
    make_project(plan, "klikcursus", title="=Klik & Tik", indicators=[], start=None)
    transition(make_project(plan, "gestopt", title="Gestopt"), ["cancel"])
    transition(plan, ["adopt"])
    make_user(
        "medewerker", [(library, ["Editor", "Contributor"]), (other, ["Editor", "Contributor"])]
    )
    make_user("coordinator", [(library, ["Reviewer"])])
    make_user("auditor")
    make_user("gast")
    with api.env.adopt_roles(["Manager"]):
        grants.grant(library, "auditor", clock.today() + timedelta(days=30))
    transaction.commit()
    return functional_portal


def session(rest, user):
    return rest(user, PASSWORD) if user not in (None, "admin") else rest(user)


def workbook(response):
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == XLSX
    return load_workbook(BytesIO(response.content))


def rows(sheet):
    """The rows below the header, as tuples of cell values."""
    return [row for row in sheet.iter_rows(min_row=2, values_only=True) if any(row)]


def body(data, dry_run=False):
    return {
        "file": {"data": base64.b64encode(data).decode(), "filename": "plan.xlsx"},
        "dry_run": dry_run,
    }


def count(portal, **query):
    transaction.begin()
    return len(portal.portal_catalog.unrestrictedSearchResults(**query))


def test_export_has_every_visible_project_with_its_indicators(rest, tree):
    response = session(rest, "medewerker").get(f"{PLAN}/@export-xlsx", headers={"Accept": "*/*"})
    book = workbook(response)
    assert (
        'filename="jaarplan-bibliotheek-west-2026.xlsx"' in response.headers["Content-Disposition"]
    )
    assert book.sheetnames == ["Jaarplan", "Projecten", "Indicatoren", "Lijsten"]
    assert book["Lijsten"].sheet_state == "hidden"
    projects = book["Projecten"]
    transaction.begin()
    catalog = tree.portal_catalog.unrestrictedSearchResults(
        portal_type="SmartProject", path="/plone/bieb/jaarplan-2026"
    )
    by_id = {row[0]: row for row in rows(projects)}
    assert set(by_id) == {brain.getId for brain in catalog}
    for brain in catalog:
        row = by_id[brain.getId]
        assert row[1] == brain.Title
        assert row[7].date() == as_date(brain.deadline)  # a real Excel date
    voorlezen = by_id["voorlezen"]
    assert voorlezen[2] == "Voorlezen op elke peuterspeelzaal.\nOok in de vakantie."
    assert voorlezen[9] == "Kinderopvang Kits\nConsultatiebureau"
    assert voorlezen[11] == 750.5
    assert voorlezen[13] == "dienstverlening\nnetwerk"
    assert by_id["taalcafe"][18] == "Do"
    assert by_id["gestopt"][18] == "Geannuleerd"
    assert projects.cell(row=2, column=7).is_date
    # a title that looks like a formula stays text
    klik = next(cell for cell in projects["B"] if cell.value == "=Klik & Tik")
    assert klik.data_type == "s"
    indicators = rows(book["Indicatoren"])
    expected = [
        (brain.getId, i["name"], i["target"], i["actual"], i["unit"] or None)
        for brain in catalog
        for i in brain.getObject().indicators
    ]
    assert sorted(indicators, key=str) == sorted(expected, key=str)
    plan = book["Jaarplan"]
    assert [plan.cell(row=2, column=c).value for c in (1, 2, 3)] == [
        2026,
        "Jaarplan 2026",
        "Ons plan.",
    ]
    assert [r[3] for r in rows(plan)] == ["Taal en lezen", "Digitale inclusie"]


def test_export_headers_are_dutch(rest, tree):
    """Needs the catalogue entries Reference → Kenmerk, PDCA phase → PDCA-fase,
    Description → Omschrijving."""
    book = workbook(session(rest, "medewerker").get(f"{PLAN}/@export-xlsx"))
    assert [cell.value for cell in book["Projecten"][1]] == HEADERS
    assert [cell.value for cell in book["Jaarplan"][1]] == [
        "Jaar",
        "Titel",
        "Omschrijving",
        "Speerpunten",
    ]
    assert [cell.value for cell in book["Indicatoren"][1]] == [
        "Kenmerk",
        "Indicator",
        "Streefwaarde",
        "Gerealiseerd",
        "Eenheid",
    ]
    assert "negeert" in book["Projecten"]["S1"].comment.text


def test_export_offers_the_lists_as_dropdowns(rest, tree):
    book = workbook(session(rest, "medewerker").get(f"{PLAN}/@export-xlsx"))
    lists = book["Lijsten"]
    tokens = [row[0] for row in lists.iter_rows(min_row=2, values_only=True) if row[0]]
    assert "dienstverlening" in tokens and "collectie" in tokens
    cores = [row[2] for row in lists.iter_rows(min_row=2, values_only=True) if row[2]]
    assert cores == [
        "kennis-en-informatie",
        "ontwikkeling-en-educatie",
        "lezen-en-literatuur",
        "ontmoeting-en-debat",
        "kunst-en-cultuur",
    ]
    validations = {
        str(v.sqref).split(":")[0]: v for v in book["Projecten"].data_validations.dataValidation
    }
    assert validations["N2"].formula1 == "Lijsten!$A$2:$A$10"
    assert validations["N2"].errorStyle == "information"  # several tokens in one cell
    assert validations["O2"].formula1 == "Lijsten!$C$2:$C$6"
    assert validations["M2"].formula1.startswith("Jaarplan!$D$2")
    assert book["Projecten"]["S1"].comment is not None  # the PDCA phase: read only


def test_auditor_sees_no_cancelled_project_in_the_export(rest, tree):
    book = workbook(session(rest, "auditor").get(f"{PLAN}/@export-xlsx"))
    assert sorted(row[0] for row in rows(book["Projecten"])) == [
        "klikcursus",
        "taalcafe",
        "voorlezen",
    ]


@pytest.mark.parametrize(
    "user,export,template,import_",
    [
        ("medewerker", 200, 200, 200),
        ("coordinator", 200, 401, 401),
        ("auditor", 200, 401, 401),
        ("gast", 401, 401, 401),
        (None, 401, 401, 401),
    ],
)
def test_who_may_export_and_import(rest, tree, user, export, template, import_):
    http = session(rest, user)
    data = session(rest, "medewerker").get(f"{PLAN}/@export-xlsx").content
    assert http.get(f"{PLAN}/@export-xlsx").status_code == export
    assert http.get("/bieb/@import-xlsx-template").status_code == template
    response = http.post("/bieb/@import-xlsx", json=body(data, dry_run=True))
    assert response.status_code == import_, response.text


def export_rows(http, path):
    book = workbook(http.get(f"{path}/@export-xlsx"))
    return {name: rows(book[name]) for name in ("Jaarplan", "Projecten", "Indicatoren")}


def test_export_import_export_gives_identical_rows(rest, tree):
    staff = session(rest, "medewerker")
    data = staff.get(f"{PLAN}/@export-xlsx").content
    before = export_rows(staff, PLAN)
    response = staff.post("/oost/@import-xlsx", json=body(data))
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["plan"]["action"] == "create"
    assert sorted(item["id"] for item in answer["created"]) == [
        "gestopt",
        "klikcursus",
        "taalcafe",
        "voorlezen",
    ]
    after = export_rows(staff, "/oost/jaarplan-2026")
    assert after["Jaarplan"] == before["Jaarplan"]
    assert after["Indicatoren"] == before["Indicatoren"]
    # every column but the PDCA phase, which an import never sets: new projects start in Plan
    assert [row[:-1] for row in after["Projecten"]] == [row[:-1] for row in before["Projecten"]]
    assert {row[-1] for row in after["Projecten"]} == {"Plan"}


def test_import_into_the_same_plan_updates_by_kenmerk(rest, tree):
    staff = session(rest, "medewerker")
    book = workbook(staff.get(f"{PLAN}/@export-xlsx"))
    sheet = book["Projecten"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == "voorlezen")
    sheet.cell(row, 2).value = "Voorlezen op zaterdag"
    new = sheet.max_row + 1
    for column, value in enumerate(["nieuw", "Nieuw project", "Iets nieuws."], 1):
        sheet.cell(new, column).value = value
    sheet.cell(new, 8).value = date(2026, 12, 1)
    out = BytesIO()
    book.save(out)
    answer = staff.post("/bieb/@import-xlsx", json=body(out.getvalue())).json()
    assert answer["plan"]["action"] == "unchanged"
    assert [item["id"] for item in answer["created"]] == ["nieuw"]
    assert [item["id"] for item in answer["updated"]] == ["voorlezen"]
    # rows that change nothing are left alone (the cancelled one too, which staff may not edit)
    assert {item["id"] for item in answer["unchanged"]} == {"taalcafe", "klikcursus", "gestopt"}
    transaction.begin()
    plan = tree["bieb"]["jaarplan-2026"]
    assert plan["voorlezen"].title == "Voorlezen op zaterdag"
    assert plan["nieuw"].deadline == date(2026, 12, 1)
    assert count(tree, portal_type="YearPlan") == 1
