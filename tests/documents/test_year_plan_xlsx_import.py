"""``POST {library}/@import-xlsx``: bad rows named by sheet and row with REST's own
message, all or nothing, dry runs, who may add the plan, the upload forms.

The workbooks are filled the way a person fills the template: with openpyxl, cell
by cell, in the columns of the empty template (``@import-xlsx-template``).
"""

from datetime import date
from io import BytesIO
from openpyxl import load_workbook
from plone import api
from support import PASSWORD
from support.content import make_library
from support.content import make_plan
from support.content import make_user
from support.field_errors import field_errors
import base64
import pytest
import transaction


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The template's columns (the brief's order), by REST key
PROJECT_KEYS = [
    "id",
    "title",
    "specific",
    "measurable",
    "achievable",
    "realistic",
    "start",
    "deadline",
    "responsible",
    "partners",
    "target_groups",
    "budget",
    "spearhead",
    "norm_fields",
    "core_functions",
    "policy_topics",
    "evaluation",
    "improvements",
]
INDICATOR_KEYS = ["id", "name", "target", "actual", "unit"]
GOOD = {
    "title": "Taalcafé",
    "specific": "Wekelijks een taalcafé.",
    "start": date(2027, 1, 1),
    "deadline": date(2027, 6, 30),
}


@pytest.fixture
def tree(functional_portal):
    """Library ``bieb`` with its 2026 plan (two spearheads, no projects) and staff
    ``medewerker``; library ``oost`` where contributors may not add year plans."""
    library = make_library(functional_portal, "bieb", title="Bibliotheek West")
    make_plan(library, 2026, spearheads=["Taal en lezen", "Digitale inclusie"])
    other = make_library(functional_portal, "oost", title="Bibliotheek Oost")
    other.manage_permission("bibqual: Add YearPlan", ["Manager"], acquire=False)
    make_user(
        "medewerker", [(library, ["Editor", "Contributor"]), (other, ["Editor", "Contributor"])]
    )
    transaction.commit()
    return functional_portal


@pytest.fixture
def staff(rest, tree):
    return rest("medewerker", PASSWORD)


def template(http):
    response = http.get("/bieb/@import-xlsx-template")
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == XLSX
    assert response.headers["Content-Disposition"].startswith(
        'attachment; filename="jaarplan-bibliotheek-west-sjabloon-'
    )
    book = load_workbook(BytesIO(response.content))
    assert all(book[name].max_row == 1 for name in ("Jaarplan", "Projecten", "Indicatoren"))
    return book


def fill(book, year, projects, indicators=(), spearheads=("Taal en lezen", "Digitale inclusie")):
    """The workbook's bytes with the plan of ``year``, ``projects`` (dicts by REST
    key, written from row 2) and ``indicators``."""
    plan = book["Jaarplan"]
    plan["A2"], plan["B2"] = year, f"Jaarplan {year}"
    for row, spearhead in enumerate(spearheads, 2):
        plan.cell(row, 4).value = spearhead
    for sheet, keys, items in (
        (book["Projecten"], PROJECT_KEYS, projects),
        (book["Indicatoren"], INDICATOR_KEYS, indicators),
    ):
        for row, item in enumerate(items, 2):
            for key, value in item.items():
                sheet.cell(row, keys.index(key) + 1).value = value
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def body(data, dry_run=False):
    encoded = base64.b64encode(data).decode()
    return {"file": {"data": encoded, "filename": "jaarplan.xlsx"}, "dry_run": dry_run}


def counts(portal):
    transaction.begin()
    catalog = portal.portal_catalog.unrestrictedSearchResults
    return len(catalog(portal_type="SmartProject")), len(catalog(portal_type="YearPlan"))


def hundred(bad_row=None, **bad):
    """100 projects of 2027, each with one indicator; project ``bad_row`` gets ``bad``."""
    projects = []
    for number in range(1, 101):
        item = {"id": f"p{number:03}", **GOOD, "title": f"Project {number}"}
        if number == bad_row:
            item.update(bad)
        projects.append(item)
    indicators = [
        {"id": f"p{n:03}", "name": "Deelnemers", "target": 10 * n, "unit": "personen"}
        for n in range(1, 101)
    ]
    return projects, indicators


def test_a_hundred_rows_with_one_bad_one_store_nothing(staff, tree):
    before = counts(tree)
    projects, indicators = hundred(57, start=date(2027, 5, 1), deadline=date(2027, 4, 1))
    data = fill(template(staff), 2027, projects, indicators)
    response = staff.post("/bieb/@import-xlsx", json=body(data))
    assert response.status_code == 400, response.text
    errors = response.json()["error"]["errors"]
    rest = staff.post(
        "/bieb/jaarplan-2026",
        json={"@type": "SmartProject", **GOOD, "start": "2027-05-01", "deadline": "2027-04-01"},
    )
    assert rest.status_code == 400
    assert errors == [
        {
            "sheet": "Projecten",
            "row": 58,  # project 57, below the header row
            "field": "deadline",
            "message": field_errors(rest)[0]["message"],
        }
    ]
    assert counts(tree) == before  # no 2027 plan, no project
    transaction.begin()
    assert "jaarplan-2027" not in tree["bieb"]


def test_a_hundred_good_rows_are_stored(staff, tree):
    projects, indicators = hundred()
    response = staff.post(
        "/bieb/@import-xlsx", json=body(fill(template(staff), 2027, projects, indicators))
    )
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["plan"]["action"] == "create"
    assert answer["plan"]["@id"].endswith("/bieb/jaarplan-2027")
    assert len(answer["created"]) == 100 and answer["errors"] == []
    transaction.begin()
    plan = tree["bieb"]["jaarplan-2027"]
    assert plan.year == 2027 and plan.spearheads == ["Taal en lezen", "Digitale inclusie"]
    assert plan["p042"].indicators == [
        {"name": "Deelnemers", "target": 420, "actual": None, "unit": "personen"}
    ]
    assert api.content.get_state(plan["p042"]) == "plan"


def test_a_dry_run_stores_nothing_and_says_what_it_would_do(staff, tree):
    before = counts(tree)
    projects, indicators = hundred(3, budget=-5)
    data = fill(template(staff), 2027, projects, indicators)
    response = staff.post("/bieb/@import-xlsx", json=body(data, dry_run=True))
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["dry_run"] is True and answer["plan"]["action"] == "create"
    assert len(answer["created"]) == 99
    assert [(e["sheet"], e["row"], e["field"]) for e in answer["errors"]] == [
        ("Projecten", 4, "budget")
    ]
    assert counts(tree) == before
    good = fill(template(staff), 2027, *hundred())
    assert staff.post("/bieb/@import-xlsx", json=body(good, dry_run=True)).json()["errors"] == []
    assert counts(tree) == before


BAD_VALUES = [
    # (cell, value in the sheet, the same value as a REST client sends it)
    ("deadline", "31-12-2026", "31-12-2026"),
    ("norm_fields", "vogels", ["vogels"]),
    ("core_functions", "lezen-en-literatuur\nbreien", ["lezen-en-literatuur", "breien"]),
    ("budget", -5, -5),
    ("budget", "veel", "veel"),
    ("spearhead", "Sport", "Sport"),
    ("specific", None, None),
    ("responsible", "x" * 400, "x" * 400),
    ("partners", "\n".join(f"partner {n}" for n in range(60)), [f"partner {n}" for n in range(60)]),
]


@pytest.mark.parametrize("key,cell,json_value", BAD_VALUES, ids=[b[0] for b in BAD_VALUES])
def test_a_bad_cell_gets_the_message_rest_gives(staff, tree, key, cell, json_value):
    project = {"id": "nieuw", **GOOD, "start": date(2026, 1, 1), "deadline": date(2026, 6, 30)}
    project[key] = cell
    response = staff.post("/bieb/@import-xlsx", json=body(fill(template(staff), 2026, [project])))
    assert response.status_code == 400, response.text
    errors = response.json()["error"]["errors"]
    rest_body = {"@type": "SmartProject", **GOOD, "start": "2026-01-01", "deadline": "2026-06-30"}
    rest_body[key] = json_value
    rest = staff.post("/bieb/jaarplan-2026", json=rest_body)
    assert rest.status_code == 400
    expected = [e["message"] for e in field_errors(rest) if e["field"] == key]
    assert expected
    assert errors == [{"sheet": "Projecten", "row": 2, "field": key, "message": expected[0]}]
    transaction.begin()
    assert "nieuw" not in tree["bieb"]["jaarplan-2026"]


def test_a_bad_indicator_is_named_at_its_row(staff, tree):
    project = {"id": "nieuw", **GOOD}
    indicators = [
        {"id": "nieuw", "name": "Bezoekers", "target": 100},
        {"id": "nieuw", "name": "Sessies", "target": "veel"},
        {"id": "elders", "name": "Zwerver", "target": 1},
    ]
    data = fill(template(staff), 2027, [project], indicators)
    errors = staff.post("/bieb/@import-xlsx", json=body(data)).json()["error"]["errors"]
    rest = staff.post(
        "/bieb/jaarplan-2026",
        json={
            "@type": "SmartProject",
            **{k: str(v) for k, v in GOOD.items()},
            "indicators": [
                {"name": "Bezoekers", "target": 100},
                {"name": "Sessies", "target": "veel"},
            ],
        },
    )
    assert [(e["sheet"], e["row"], e["field"]) for e in errors] == [
        ("Indicatoren", 3, "target"),
        ("Indicatoren", 4, "id"),
    ]
    assert errors[0]["message"] == field_errors(rest)[0]["message"]
    assert "elders" in errors[1]["message"]


def test_a_plan_the_user_may_not_add_is_refused_with_403(staff, tree):
    before = counts(tree)
    response = staff.post("/oost/@import-xlsx", json=body(fill(template(staff), 2027, [GOOD])))
    assert response.status_code == 403, response.text
    assert response.json()["error"]["message"]
    assert counts(tree) == before


def test_multipart_upload_and_bad_files(staff, tree):
    data = fill(template(staff), 2027, [{"id": "een", **GOOD}])
    response = staff.post(
        "/bieb/@import-xlsx",
        files={"file": ("jaarplan.xlsx", data, XLSX)},
        data={"dry_run": "true"},
        headers={"Content-Type": None},
    )
    assert response.status_code == 200, response.text
    assert [item["id"] for item in response.json()["created"]] == ["een"]
    for bad in (body(b"geen excel"), {"file": "x"}, {**body(data), "dry_run": "misschien"}):
        answer = staff.post("/bieb/@import-xlsx", json=bad)
        assert answer.status_code == 400 and answer.json()["error"]["message"]
    no_data = {"file": {"data": "!!!", "filename": "x.xlsx"}}
    assert staff.post("/bieb/@import-xlsx", json=no_data).status_code == 400
    assert counts(tree)[1] == 1
