"""@@norm-coverage: the numbers of REST @norm-coverage as a table and a chart."""

from support import PASSWORD
from support.content import make_user
from support.reports import browser_for
from support.reports import build_library
from support.reports import commit
from support.reports import frozen_today  # noqa: F401 (fixture)
from support.reports import text
from support.reports import tree
import pytest


STATES = ["plan", "do", "check", "act", "done", "cancelled"]
NUMBERS = [*STATES, "projects_total", "released_evidence", "assurance_projects"]


@pytest.fixture
def library(functional_portal, frozen_today):  # noqa: F811
    library = build_library(functional_portal)
    make_user("auditor-els", [(library, ["Auditor"])])
    commit()
    return library


def page_for(functional_app, library, user="admin"):
    browser = browser_for(functional_app, user)
    browser.open(f"{library.absolute_url()}/@@norm-coverage")
    return tree(browser)


def table_rows(page):
    """``{token: {key: value}}`` read from the coverage table."""
    rows = {}
    for tr in page.xpath("//table[@id='bq-coverage-table']/tbody/tr"):
        cells = {td.get("data-key"): td for td in tr.xpath("./td")}
        row = {key: int(text(cells[key])) for key in NUMBERS}
        row["gap"] = cells["gap"].get("data-gap") == "true"
        row["title"] = text(tr.xpath("./th")[0])
        row["highlighted"] = "bq-gap" in (tr.get("class") or "")
        rows[tr.get("data-token")] = row
    return rows


def rest_rows(rest_session, library):
    data = rest_session.get(f"{library.absolute_url()}/@norm-coverage").json()
    return data, {
        item["token"]: {
            **{state: item["projects"][state] for state in STATES},
            "projects_total": item["projects_total"],
            "released_evidence": item["released_evidence"],
            "assurance_projects": item["assurance_projects"],
            "gap": item["gap"],
            "title": item["title"],
        }
        for item in data["items"]
    }


def comparable(rows):
    return {
        token: {k: v for k, v in row.items() if k != "highlighted"} for token, row in rows.items()
    }


class TestSameAsRest:
    def test_table_equals_rest_for_the_site_owner(self, functional_app, rest, library):
        rows = table_rows(page_for(functional_app, library))
        _data, expected = rest_rows(rest("admin"), library)
        assert list(rows) == list(expected)  # every element, in framework order
        assert comparable(rows) == expected
        assert rows["collectie"]["do"] == 1 and rows["collectie"]["done"] == 1
        assert rows["strategie"]["cancelled"] == 1

    def test_table_equals_rest_for_an_auditor(self, functional_app, rest, library):
        rows = table_rows(page_for(functional_app, library, "auditor-els"))
        _data, expected = rest_rows(rest("auditor-els", PASSWORD), library)
        assert comparable(rows) == expected
        # the auditor does not see the cancelled project
        assert rows["strategie"]["cancelled"] == 0


class TestGaps:
    def test_gaps_highlighted_and_explained_in_text(self, functional_app, rest, library):
        page = page_for(functional_app, library)
        rows = table_rows(page)
        data, _expected = rest_rows(rest("admin"), library)
        assert sorted(token for token, row in rows.items() if row["gap"]) == sorted(data["gaps"])
        for row in rows.values():
            assert row["highlighted"] == row["gap"]
        (netwerk,) = page.xpath("//tr[@data-token='netwerk']/td[@data-key='gap']")
        assert "Gap" in text(netwerk) and "no released, valid evidence" in text(netwerk)
        (leiderschap,) = page.xpath("//tr[@data-token='leiderschap']/td[@data-key='gap']")
        assert "no project past Plan" in text(leiderschap)
        (collectie,) = page.xpath("//tr[@data-token='collectie']/td[@data-key='gap']")
        assert text(collectie) == "Covered"

    def test_summary_line(self, functional_app, rest, library):
        page = page_for(functional_app, library)
        data, _expected = rest_rows(rest("admin"), library)
        total = len(data["items"])
        covered = total - len(data["gaps"])
        summary = text(page.xpath("//p[@id='bq-coverage-summary']")[0])
        assert f"{covered} of {total} norm elements covered" in summary
        assert (covered, total) == (2, 9)


class TestPage:
    def test_chart_has_title_desc_and_every_element(self, functional_app, library):
        page = page_for(functional_app, library)
        (svg,) = page.xpath("//svg[contains(@class, 'bq-chart')]")
        assert svg.get("role") == "img"
        assert text(svg.xpath("./title")[0]) == "Projects per norm element and PDCA phase"
        desc = text(svg.xpath("./desc")[0])
        assert "Collectie: Plan 0, Do 1, Check 0, Act 0, Done 1, Cancelled 0 (2)" in desc
        assert "Gemeente(n):" in desc

    def test_table_accessible_and_responsive(self, functional_app, library):
        page = page_for(functional_app, library)
        (table,) = page.xpath("//table[@id='bq-coverage-table']")
        assert text(table.xpath("./caption")[0])
        assert table.getparent().get("class") == "table-responsive"
        assert all(th.get("scope") == "col" for th in table.xpath("./thead//th"))
        assert all(th.get("scope") == "row" for th in table.xpath("./tbody//th"))

    def test_anonymous_gets_the_login_form(self, functional_app, library):
        browser = browser_for(functional_app)
        browser.open(f"{library.absolute_url()}/@@norm-coverage")
        assert "login" in browser.url
        assert "bq-coverage-table" not in browser.contents
