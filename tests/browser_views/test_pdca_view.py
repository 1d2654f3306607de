"""@@pdca-overview: the numbers of REST @pdca-overview per year plan, with charts."""

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


@pytest.fixture
def library(functional_portal, frozen_today):  # noqa: F811
    library = build_library(functional_portal, evidence=False)
    make_user("auditor-piet", [(library, ["Auditor"])])
    commit()
    return library


def page_for(functional_app, library, user="admin"):
    browser = browser_for(functional_app, user)
    browser.open(f"{library.absolute_url()}/@@pdca-overview")
    return tree(browser)


def plan_sections(page):
    return {
        int(section.get("data-year")): section for section in page.xpath("//section[@data-year]")
    }


def counts(section):
    table = section.xpath(".//table[contains(@class, 'bq-pdca-counts')]")[0]
    found = {
        tr.get("data-key"): int(text(tr.xpath("./td")[0])) for tr in table.xpath(".//tr[@data-key]")
    }
    return {state: found[state] for state in STATES}, found["total"]


def rest_overview(session, library):
    return session.get(f"{library.absolute_url()}/@pdca-overview").json()


class TestSameAsRest:
    def test_counts_per_plan_equal_rest(self, functional_app, rest, library):
        sections = plan_sections(page_for(functional_app, library))
        data = rest_overview(rest("admin"), library)
        assert list(sections) == [plan["year"] for plan in data["year_plans"]] == [2027, 2026, 2025]
        for plan in data["year_plans"]:
            assert counts(sections[plan["year"]]) == (plan["counts"], plan["total"])
        assert counts(sections[2026])[0] == {
            "plan": 1,
            "do": 1,
            "check": 1,
            "act": 0,
            "done": 1,
            "cancelled": 1,
        }

    def test_counts_equal_rest_for_an_auditor(self, functional_app, rest, library):
        sections = plan_sections(page_for(functional_app, library, "auditor-piet"))
        data = rest_overview(rest("auditor-piet", PASSWORD), library)
        assert list(sections) == [plan["year"] for plan in data["year_plans"]] == [2026, 2025]
        for plan in data["year_plans"]:
            assert counts(sections[plan["year"]]) == (plan["counts"], plan["total"])

    def test_overdue_projects_equal_rest(self, functional_app, rest, library):
        sections = plan_sections(page_for(functional_app, library))
        data = rest_overview(rest("admin"), library)
        for plan in data["year_plans"]:
            shown = [
                text(link)
                for link in sections[plan["year"]].xpath(
                    ".//table[contains(@class, 'bq-overdue-table')]//th/a"
                )
            ]
            assert shown == [item["title"] for item in plan["overdue"]]
        overdue_2026 = text(
            sections[2026].xpath(".//table[contains(@class, 'bq-overdue-table')]")[0]
        )
        assert "Te laat" in overdue_2026 and "01-10-2026" in overdue_2026
        assert "Geschrapt" not in overdue_2026  # cancelled is not overdue
        assert "No overdue projects." in text(sections[2025])

    def test_assurance_due_equal_rest(self, functional_app, rest, library):
        page = page_for(functional_app, library)
        data = rest_overview(rest("admin"), library)
        table = page.xpath("//table[contains(@class, 'bq-assurance-table')]")[0]
        rows = {text(tr.xpath("./th")[0]): text(tr) for tr in table.xpath("./tbody/tr")}
        assert list(rows) == [item["title"] for item in data["assurance_due"]]
        assert list(rows) == ["Achterstallige review", "Evaluatie collectieplan"]
        assert "overdue" in rows["Achterstallige review"]  # in words, not colour alone
        assert "overdue" not in rows["Evaluatie collectieplan"]
        assert "20-12-2026" in rows["Evaluatie collectieplan"]


class TestPage:
    def test_chart_per_plan_with_title_and_desc(self, functional_app, library):
        sections = plan_sections(page_for(functional_app, library))
        (svg,) = sections[2026].xpath(".//svg[contains(@class, 'bq-chart')]")
        assert svg.get("role") == "img"
        assert text(svg.xpath("./title")[0]) == "Projects per PDCA phase in Jaarplan 2026"
        assert text(svg.xpath("./desc")[0]) == (
            "Plan: 1; Do: 1; Check: 1; Act: 0; Done: 1; Cancelled: 1"
        )

    def test_headings_in_order_and_tables_captioned(self, functional_app, library):
        page = page_for(functional_app, library)
        (content,) = page.xpath("//*[@id='content']")
        levels = [int(h.tag[1]) for h in content.iter("h1", "h2", "h3", "h4")]
        assert levels[0] == 1
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))
        for table in page.xpath("//table"):
            if "bq-" in (table.get("class") or ""):
                assert text(table.xpath("./caption")[0])
                assert table.getparent().get("class") == "table-responsive"

    def test_anonymous_gets_the_login_form(self, functional_app, library):
        browser = browser_for(functional_app)
        browser.open(f"{library.absolute_url()}/@@pdca-overview")
        assert "login" in browser.url
        assert "bq-pdca-counts" not in browser.contents
