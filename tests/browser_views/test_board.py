"""The year plan board (``@@board``): projects in PDCA columns, filters, markers."""

from datetime import date
from support.content import create
from support.content import make_plan
from support.pages import html
from support.pages import make_project
from support.pages import text
import pytest
import transaction


@pytest.fixture
def plan(staffed_library, frozen_today):
    """The 2026 plan with a project in each column, one overdue, one cancelled."""
    plan = make_plan(staffed_library, 2026, spearheads=["Taal en lezen", "Digitale inclusie"])
    make_project(
        plan,
        id="voorlezen",
        title="Voorlezen op de peuterspeelzaal",
        spearhead="Taal en lezen",
        responsible="jan",
        norm_fields=["dienstverlening"],
        core_functions=["lezen-en-literatuur"],
        indicators=[
            {"name": "Voorleesuren", "target": 40, "actual": 30, "unit": "uur"},
            {"name": "Bereikte peuters", "target": 200, "actual": None, "unit": "kinderen"},
        ],
    )
    make_project(
        plan,
        ["start"],
        id="digicafe",
        title="Digitale cafés",
        spearhead="Digitale inclusie",
        deadline=date(2026, 3, 1),
        norm_fields=["netwerk"],
        core_functions=["kennis-en-informatie"],
        responsible="Petra de Vries",
    )
    make_project(plan, ["start", "evaluate"], id="leesclub", title="Leesclubs")
    make_project(plan, ["start", "evaluate", "adjust"], id="schrijvers", title="Schrijversavond")
    make_project(
        plan,
        ["start", "evaluate", "adjust", "complete"],
        id="klaar",
        title="Collectieplan herzien",
        deadline=date(2026, 2, 1),
    )
    make_project(plan, ["cancel"], id="gestopt", title="Makerspace")
    transaction.commit()
    return plan


def card(page, project_id):
    links = page.cssselect(f'.bq-card h3 a[href$="/{project_id}"]')
    assert len(links) == 1, project_id
    return next(a for a in links[0].iterancestors() if "bq-card" in a.get("class", ""))


def column_of(element):
    section = next(a for a in element.iterancestors() if a.tag == "section")
    return section.get("aria-labelledby")


def test_board_is_the_default_view_of_a_year_plan(browser, plan):
    b = browser()
    b.open(plan.absolute_url())
    page = html(b)
    assert page.cssselect("#bq-board")
    assert text(page.cssselect("h1")[0]) == "Jaarplan 2026"


@pytest.mark.parametrize(
    "project_id, column",
    [
        ("voorlezen", "bq-col-plan"),
        ("digicafe", "bq-col-do"),
        ("leesclub", "bq-col-check"),
        ("schrijvers", "bq-col-act"),
        ("klaar", "bq-col-done"),
    ],
)
def test_each_project_stands_in_its_column(browser, plan, project_id, column):
    b = browser()
    b.open(f"{plan.absolute_url()}/@@board")
    assert column_of(card(html(b), project_id)) == column


def test_columns_in_pdca_order_with_counts(browser, plan):
    b = browser()
    b.open(plan.absolute_url())
    page = html(b)
    headings = [text(h) for h in page.cssselect(".bq-board > .bq-column > h2")]
    assert headings == ["Plan 1", "Do 1", "Check 1", "Act 1", "Done 1"]


def test_cancelled_projects_below_the_board_folded(browser, plan):
    b = browser()
    b.open(plan.absolute_url())
    page = html(b)
    cancelled = card(page, "gestopt")
    assert column_of(cancelled) == "bq-col-cancelled"
    ancestors = list(cancelled.iterancestors())
    details = [a for a in ancestors if a.tag == "details"]
    assert details and details[0].get("open") is None
    assert not any("bq-board" in (a.get("class") or "").split() for a in ancestors)


def test_overdue_marker_only_on_late_unfinished_projects(browser, plan):
    b = browser()
    b.open(plan.absolute_url())
    page = html(b)
    late = card(page, "digicafe")
    assert text(late.cssselect(".bq-badge-overdue")[0]) == "overdue"
    assert late.cssselect("time.bq-overdue")[0].get("datetime") == "2026-03-01"
    assert "01-03-2026" in text(late)
    # done with a passed deadline, and planned with a future one: no marker
    assert not card(page, "klaar").cssselect(".bq-badge-overdue")
    assert not card(page, "voorlezen").cssselect(".bq-badge-overdue")


def test_indicator_progress_bar_and_text(browser, plan):
    b = browser()
    b.open(plan.absolute_url())
    voorlezen = card(html(b), "voorlezen")
    bar = voorlezen.cssselect('[role="progressbar"]')[0]
    # (30/40 + 0/200) / 2 = 37.5% -> 38
    assert bar.get("aria-valuenow") == "38"
    assert bar.get("aria-valuemin") == "0"
    assert bar.get("aria-valuemax") == "100"
    assert bar.get("aria-label")
    assert text(voorlezen.cssselect(".bq-progress-text")[0]) == "38%"


def test_card_shows_responsible_by_full_name_and_spearhead(browser, plan):
    b = browser()
    b.open(plan.absolute_url())
    page = html(b)
    voorlezen = text(card(page, "voorlezen"))
    assert "Jan Jansen" in voorlezen
    assert "Taal en lezen" in voorlezen
    assert "30-11-2026" in voorlezen
    assert "Petra de Vries" in text(card(page, "digicafe"))


def test_filter_selects_list_spearheads_elements_functions_people(browser, plan):
    b = browser()
    b.open(plan.absolute_url())
    page = html(b)

    def options(name):
        select = page.cssselect(f'#bq-board-filters select[data-filter="{name}"]')[0]
        label = page.cssselect(f'label[for="{select.get("id")}"]')
        assert label, f"no label for the {name} filter"
        return [(o.get("value"), text(o)) for o in select.cssselect("option")]

    assert options("spearhead") == [
        ("", "All"),
        ("Taal en lezen", "Taal en lezen"),
        ("Digitale inclusie", "Digitale inclusie"),
    ]
    assert options("norm") == [
        ("", "All"),
        ("netwerk", "Netwerk"),
        ("dienstverlening", "Dienstverlening"),
    ]
    assert ("lezen-en-literatuur", "Reading and literature") in options("core")
    assert ("kennis-en-informatie", "Knowledge and information") in options("core")
    assert ("jan", "Jan Jansen") in options("responsible")
    assert ("Petra de Vries", "Petra de Vries") in options("responsible")


def test_cards_carry_the_filter_values(browser, plan):
    b = browser()
    b.open(plan.absolute_url())
    page = html(b)
    voorlezen = card(page, "voorlezen")
    assert voorlezen.get("data-spearhead") == "Taal en lezen"
    assert voorlezen.get("data-norm") == "dienstverlening"
    assert voorlezen.get("data-core") == "lezen-en-literatuur"
    assert voorlezen.get("data-responsible") == "jan"
    assert voorlezen.get("data-state") == "plan"
    status = page.cssselect("#bq-filter-status")[0]
    assert status.get("aria-live") == "polite"
    assert "{n}" in status.get("data-template")
    assert "6" in text(status)
    assert page.cssselect('#bq-list-toggle[aria-pressed="false"]')


def test_plan_state_spearheads_and_add_button_for_manager(browser, plan):
    b = browser()
    b.open(plan.absolute_url())
    page = html(b)
    meta = text(page.cssselect(".bq-plan-meta")[0])
    assert "Draft" in meta
    assert "Taal en lezen" in meta and "Digitale inclusie" in meta
    add = page.cssselect("#bq-add-project")
    assert add and add[0].get("href").endswith("/jaarplan-2026/++add++SmartProject")


def test_no_add_button_for_a_reader(browser, plan):
    b = browser("lezer")
    b.open(plan.absolute_url())
    page = html(b)
    assert page.cssselect("#bq-board")
    assert not page.cssselect("#bq-add-project")


def test_hostile_titles_are_escaped(browser, plan):
    make_project(plan, id="kwaad", title="<script>alert(1)</script>", spearhead="<b>vet</b>")
    transaction.commit()
    b = browser()
    b.open(plan.absolute_url())
    assert "<script>alert(1)</script>" not in b.contents
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in b.contents
    assert "<b>vet</b>" not in b.contents


def test_empty_plan_says_so(browser, staffed_library):
    empty = create(staffed_library, "YearPlan", title="Leeg", year=2027)
    transaction.commit()
    b = browser()
    b.open(empty.absolute_url())
    assert "This year plan has no projects yet." in b.contents
    assert not html(b).cssselect("#bq-board-filters")
