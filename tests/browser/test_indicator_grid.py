"""The indicator grid in Chromium, as staff edit a project on the Dutch demo site.

Bad values are refused with a Dutch message that names the row, the empty row the
grid adds is never "required", a decimal comma is read as one (in the grid and in
the budget), and on a phone (390 px) the grid stays inside the screen.
"""

from datetime import date
import pytest
import transaction


pytestmark = pytest.mark.browser

LIBRARY = "bibliotheek-westfriesland-noord"
PLAN = f"jaarplan-{date.today().year}"
PROJECT = "digicafe-voor-senioren"  # three indicators, started
ENGLISH = ("The system could not process", "not a valid decimal literal", "Required input")


def cell(row, column):
    return f"input[name='form.widgets.indicators.{row}.widgets.{column}']"


def open_indicators(visitor):
    visitor.login("medewerker")
    visitor.open(f"{LIBRARY}/{PLAN}/{PROJECT}/edit")
    visitor.page.click("nav a:has-text('M: Meetbaar')")


def save(page):
    with page.expect_navigation():
        page.click("#form-buttons-save")
    page.wait_for_load_state("networkidle")


def page_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def stored(demo_functional):
    transaction.begin()
    return demo_functional["portal"][LIBRARY][PLAN][PROJECT]


def test_bad_values_are_named_in_dutch_and_a_comma_is_a_decimal(phone_visitor, demo_functional):
    open_indicators(phone_visitor)
    page = phone_visitor.page
    assert page.locator(cell(0, "target")).input_value() == "120"  # not "120,0"
    assert page.locator(cell(0, "actual")).get_attribute("inputmode") == "decimal"
    assert page_width(page) <= 390, f"the grid makes the page {page_width(page)} px wide"
    phone_visitor.shot("grid")

    page.fill(cell(1, "target"), "veel")
    page.fill(cell(1, "actual"), "610,5")
    page.fill(cell(2, "actual"), "1.5.")
    save(page)

    page.click("nav a:has-text('M: Meetbaar')")
    grid = page.locator("#formfield-form-widgets-indicators")
    text = grid.inner_text()
    phone_visitor.shot("refused")
    assert "Indicator 2: de streefwaarde moet een getal zijn" in text
    assert "Indicator 3: de gerealiseerde waarde moet een getal zijn" in text
    assert not any(english in text for english in ENGLISH), text
    assert "verplicht" not in text  # the empty row the grid adds is no row
    assert "is-invalid" not in (grid.locator("tr.auto-append").get_attribute("class") or "")
    assert page.locator(cell(1, "target")).input_value() == "veel"  # what was typed stays
    assert page_width(page) <= 390
    assert stored(demo_functional).indicators[1]["target"] == 900  # nothing stored

    page.fill(cell(1, "target"), "950,5")
    page.fill(cell(2, "actual"), "7,25")
    page.click("nav a:has-text('R: Realistisch')")
    page.fill("#form-widgets-budget", "7.800,50")
    save(page)
    assert "/edit" not in page.url
    project = stored(demo_functional)
    assert [(row["target"], row["actual"]) for row in project.indicators] == [
        (120, 74),
        (950.5, 610.5),
        (8, 7.25),
    ]
    assert project.budget == 7800.5


def test_empty_rows_are_ignored_and_a_new_row_is_added(visitor, demo_functional):
    open_indicators(visitor)
    page = visitor.page
    page.fill("input[name='form.widgets.indicators.AA.widgets.name']", "Nieuwe leden")
    page.fill("input[name='form.widgets.indicators.AA.widgets.target']", "12,5")
    page.locator("tr.datagridwidget-row.row-1 .dgf--row-add").click()  # an empty row in between
    visitor.shot("rows")
    save(page)
    assert "/edit" not in page.url, page.locator(".invalid-feedback").all_inner_texts()
    rows = stored(demo_functional).indicators
    assert [row["name"] for row in rows] == [
        "Cursisten Klik & Tik",
        "Bezoeken Digicafé",
        "Tevredenheid cursisten",
        "Nieuwe leden",
    ]
    assert rows[-1]["target"] == 12.5 and rows[-1]["actual"] is None


def test_a_half_filled_row_names_what_is_missing(visitor, demo_functional):
    open_indicators(visitor)
    page = visitor.page
    page.fill(cell(0, "name"), "")
    save(page)
    page.click("nav a:has-text('M: Meetbaar')")
    text = page.locator("#formfield-form-widgets-indicators").inner_text()
    assert "Indicator 1: de naam ontbreekt." in text
    assert not any(english in text for english in ENGLISH), text
    assert stored(demo_functional).indicators[0]["name"] == "Cursisten Klik & Tik"
