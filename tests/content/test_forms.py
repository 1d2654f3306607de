"""Classic UI add and edit forms: bad input is refused with a message, nothing is stored."""

from datetime import date
from io import BytesIO
from lxml import html
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from urllib.parse import urlencode
import pytest
import transaction


ERRORS = "There were some errors."
TARGET_NOT_A_NUMBER = "Indicator %d: the target must be a number (for example 1500 or 12,5)."


@pytest.fixture
def site(functional_portal):
    """A library with the 2026 year plan and one project, committed for the browser."""
    with api.env.adopt_roles(["Manager"]):
        library = api.content.create(
            container=functional_portal, type="Library", id="bieb", title="Bibliotheek West"
        )
        plan = api.content.create(
            container=library,
            type="YearPlan",
            id="jaarplan-2026",
            title="Jaarplan 2026",
            year=2026,
            spearheads=["Taal en lezen", "Digitale inclusie"],
        )
        project = api.content.create(
            container=plan,
            type="SmartProject",
            id="voorlezen",
            title="Voorlezen",
            specific="Voorlezen op elke peuterspeelzaal.",
            start=date(2026, 2, 1),
            deadline=date(2026, 11, 30),
            indicators=[{"name": "Voorleesuren", "target": 40, "actual": 10, "unit": "uur"}],
        )
    transaction.commit()
    return {"portal": functional_portal, "library": library, "plan": plan, "project": project}


@pytest.fixture
def browser(functional_app):
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser


def refresh():
    """See what the browser's requests committed."""
    transaction.begin()


def field_error(browser, widget_id):
    """The error text shown inside the field block of ``widget_id``, or ``None``."""
    tree = html.fromstring(browser.contents)
    blocks = tree.xpath(f'//div[@id="formfield-{widget_id}"]')
    assert blocks, f"no field {widget_id} in the form"
    feedback = blocks[0].xpath('.//div[contains(@class, "invalid-feedback")]')
    return " ".join(node.text_content().strip() for node in feedback) or None


def add_project(browser, plan, **values):
    browser.open(plan.absolute_url() + "/++add++SmartProject")
    browser.getControl(name="form.widgets.IDublinCore.title").value = values.pop(
        "title", "Nieuw project"
    )
    for name, value in values.items():
        browser.getControl(name=f"form.widgets.{name}").value = value
    browser.getControl(name="form.buttons.save").click()


def post_form(browser, url, extra):
    """Submit the form on ``url`` with its own fields plus ``extra`` pairs.

    This is what the datagrid's JavaScript does when a user adds a row: it
    posts fields named ``form.widgets.indicators.0.widgets.name`` etc.
    """
    browser.open(url)
    form = browser.getForm(id="form")._form
    pairs = [(name, value) for name, value in form.submit_fields() if name in _KEEP]
    pairs.extend(extra)
    pairs.append(("form.buttons.save", "Save"))
    browser.post(form.action, urlencode(pairs))


# Hidden and default fields of the add form a browser submits as they are.
_KEEP = {
    "_authenticator",
    "form.widgets.spearhead-empty-marker",
    "form.widgets.IVersionable.versioning_enabled-empty-marker",
    "form.widgets.IVersionable.versioning_enabled:list",
    "form.widgets.IClassification.norm_fields-empty-marker",
    "form.widgets.IClassification.core_functions-empty-marker",
    "form.widgets.IDublinCore.language-empty-marker",
}


class TestSmartProjectAddForm:
    def test_valid_project_is_added(self, browser, site):
        add_project(
            browser,
            site["plan"],
            title="Taalcafé",
            specific="Wekelijks taalcafé.",
            start="2026-03-01",
            deadline="2026-12-01",
            budget="1500",
        )
        assert ERRORS not in browser.contents
        refresh()
        project = site["plan"]["taalcafe"]
        assert project.specific == "Wekelijks taalcafé."
        assert project.start == date(2026, 3, 1)
        assert project.deadline == date(2026, 12, 1)
        assert project.budget == 1500
        assert browser.url.startswith(project.absolute_url())

    def test_deadline_before_start(self, browser, site):
        add_project(
            browser,
            site["plan"],
            title="Te laat",
            specific="Iets",
            start="2026-06-01",
            deadline="2026-05-01",
        )
        assert ERRORS in browser.contents
        assert (
            field_error(browser, "form-widgets-deadline")
            == "The deadline cannot be before the start date."
        )
        refresh()
        assert site["plan"].objectIds() == ["voorlezen"]

    def test_negative_budget(self, browser, site):
        add_project(
            browser,
            site["plan"],
            title="Te duur",
            specific="Iets",
            deadline="2026-05-01",
            budget="-100",
        )
        assert ERRORS in browser.contents
        assert field_error(browser, "form-widgets-budget") == "Value is too small"
        assert field_error(browser, "form-widgets-deadline") is None
        refresh()
        assert site["plan"].objectIds() == ["voorlezen"]

    def test_missing_specific(self, browser, site):
        add_project(browser, site["plan"], title="Vaag", deadline="2026-05-01")
        assert ERRORS in browser.contents
        assert field_error(browser, "form-widgets-specific") == "Required input is missing."
        refresh()
        assert site["plan"].objectIds() == ["voorlezen"]

    def test_spearheads_of_the_year_plan_offered(self, browser, site):
        browser.open(site["plan"].absolute_url() + "/++add++SmartProject")
        options = browser.getControl(name="form.widgets.spearhead:list").options
        assert [o for o in options if o != "--NOVALUE--"] == ["Taal en lezen", "Digitale inclusie"]

    def test_fieldsets_in_smart_order(self, browser, site):
        browser.open(site["plan"].absolute_url() + "/++add++SmartProject")
        tree = html.fromstring(browser.contents)
        legends = [
            el.get("id").removeprefix("fieldsetlegend-")
            for el in tree.xpath('//form[@id="form"]//legend[starts-with(@id, "fieldsetlegend-")]')
        ]
        smart = [name for name in legends if name.startswith("smart_")]
        assert smart == ["smart_s", "smart_m", "smart_a", "smart_r", "smart_t"]

    def test_indicators_added_through_the_grid(self, browser, site):
        plan = site["plan"]
        post_form(
            browser,
            plan.absolute_url() + "/++add++SmartProject",
            [
                ("form.widgets.IDublinCore.title", "Leesclub"),
                ("form.widgets.specific", "Een leesclub voor jongeren."),
                ("form.widgets.deadline", "2026-10-01"),
                ("form.widgets.indicators.count", "2"),
                ("form.widgets.indicators.0-empty-marker", "1"),
                ("form.widgets.indicators.0.widgets.name", "Bijeenkomsten"),
                ("form.widgets.indicators.0.widgets.target", "10"),
                ("form.widgets.indicators.0.widgets.actual", ""),
                ("form.widgets.indicators.0.widgets.unit", "keer"),
                ("form.widgets.indicators.1-empty-marker", "1"),
                ("form.widgets.indicators.1.widgets.name", "Deelnemers"),
                ("form.widgets.indicators.1.widgets.target", "12.5"),
                ("form.widgets.indicators.1.widgets.actual", "3"),
                ("form.widgets.indicators.1.widgets.unit", ""),
            ],
        )
        assert ERRORS not in browser.contents
        refresh()
        project = plan["leesclub"]
        assert [(row["name"], row["target"], row["actual"]) for row in project.indicators] == [
            ("Bijeenkomsten", 10, None),
            ("Deelnemers", 12.5, 3),
        ]
        assert project.indicators[0]["unit"] == "keer"

    def test_indicator_target_not_a_number(self, browser, site):
        plan = site["plan"]
        post_form(
            browser,
            plan.absolute_url() + "/++add++SmartProject",
            [
                ("form.widgets.IDublinCore.title", "Leesclub"),
                ("form.widgets.specific", "Een leesclub voor jongeren."),
                ("form.widgets.deadline", "2026-10-01"),
                ("form.widgets.indicators.count", "1"),
                ("form.widgets.indicators.0-empty-marker", "1"),
                ("form.widgets.indicators.0.widgets.name", "Bijeenkomsten"),
                ("form.widgets.indicators.0.widgets.target", "veel"),
                ("form.widgets.indicators.0.widgets.actual", ""),
                ("form.widgets.indicators.0.widgets.unit", ""),
            ],
        )
        assert ERRORS in browser.contents
        tree = html.fromstring(browser.contents)
        cell = tree.xpath(
            '//td[.//input[@name="form.widgets.indicators.0.widgets.target"]]'
            '//div[contains(@class, "invalid-feedback")]'
        )
        assert [node.text_content().strip() for node in cell] == [TARGET_NOT_A_NUMBER % 1]
        refresh()
        assert "leesclub" not in plan.objectIds()


class TestSmartProjectEditForm:
    def test_edit_indicator_row(self, browser, site):
        project = site["project"]
        browser.open(project.absolute_url() + "/edit")
        assert browser.getControl(name="form.widgets.indicators.count").value == "1"
        name = browser.getControl(name="form.widgets.indicators.0.widgets.name")
        assert name.value == "Voorleesuren"
        browser.getControl(name="form.widgets.indicators.0.widgets.actual").value = "25"
        browser.getControl(name="form.buttons.save").click()
        assert ERRORS not in browser.contents
        refresh()
        assert project.indicators == [
            {"name": "Voorleesuren", "target": 40, "actual": 25, "unit": "uur"}
        ]

    def test_edit_deadline_before_start_keeps_old_deadline(self, browser, site):
        project = site["project"]
        browser.open(project.absolute_url() + "/edit")
        browser.getControl(name="form.widgets.deadline").value = "2026-01-15"
        browser.getControl(name="form.buttons.save").click()
        assert "The deadline cannot be before the start date." in browser.contents
        refresh()
        assert project.deadline == date(2026, 11, 30)

    def test_edit_negative_budget(self, browser, site):
        project = site["project"]
        browser.open(project.absolute_url() + "/edit")
        browser.getControl(name="form.widgets.budget").value = "-1"
        browser.getControl(name="form.buttons.save").click()
        assert field_error(browser, "form-widgets-budget") == "Value is too small"
        refresh()
        assert project.budget is None


class TestYearPlanForms:
    def add_plan(self, browser, library, year, title="Jaarplan"):
        browser.open(library.absolute_url() + "/++add++YearPlan")
        browser.getControl(name="form.widgets.IDublinCore.title").value = title
        browser.getControl(name="form.widgets.year").value = str(year)
        browser.getControl(name="form.buttons.save").click()

    def plans(self, library):
        return sorted(obj.year for obj in library.objectValues() if obj.portal_type == "YearPlan")

    def test_duplicate_year_refused(self, browser, site):
        self.add_plan(browser, site["library"], 2026, title="Nog een jaarplan 2026")
        assert ERRORS in browser.contents
        assert "This library already has a year plan for 2026." in browser.contents
        refresh()
        assert self.plans(site["library"]) == [2026]

    def test_next_year_added(self, browser, site):
        self.add_plan(browser, site["library"], 2027, title="Jaarplan 2027")
        assert ERRORS not in browser.contents
        refresh()
        assert self.plans(site["library"]) == [2026, 2027]

    def test_same_year_in_other_library(self, browser, site):
        with api.env.adopt_roles(["Manager"]):
            other = api.content.create(
                container=site["portal"], type="Library", id="oost", title="Bibliotheek Oost"
            )
        transaction.commit()
        self.add_plan(browser, other, 2026, title="Jaarplan 2026")
        assert ERRORS not in browser.contents
        refresh()
        assert self.plans(other) == [2026]

    @pytest.mark.parametrize(
        "year,message", [(1999, "Value is too small"), (2101, "Value is too big")]
    )
    def test_year_out_of_range(self, browser, site, year, message):
        self.add_plan(browser, site["library"], year)
        assert ERRORS in browser.contents
        assert field_error(browser, "form-widgets-year") == message
        refresh()
        assert self.plans(site["library"]) == [2026]

    def test_edit_keeps_its_own_year(self, browser, site):
        plan = site["plan"]
        browser.open(plan.absolute_url() + "/edit")
        browser.getControl(name="form.widgets.IDublinCore.title").value = "Jaarplan 2026 (herzien)"
        browser.getControl(name="form.buttons.save").click()
        assert ERRORS not in browser.contents
        refresh()
        assert plan.title == "Jaarplan 2026 (herzien)"

    def test_edit_to_taken_year_refused(self, browser, site):
        self.add_plan(browser, site["library"], 2027, title="Jaarplan 2027")
        refresh()
        plan_2027 = site["library"]["jaarplan-2027"]
        browser.open(plan_2027.absolute_url() + "/edit")
        browser.getControl(name="form.widgets.year").value = "2026"
        browser.getControl(name="form.buttons.save").click()
        assert "This library already has a year plan for 2026." in browser.contents
        refresh()
        assert plan_2027.year == 2027


class TestEvidenceAddForm:
    def open_form(self, browser, container, title):
        browser.open(container.absolute_url() + "/++add++Evidence")
        browser.getControl(name="form.widgets.IDublinCore.title").value = title

    def test_without_file_and_link(self, browser, site):
        self.open_form(browser, site["library"], "Leeg bewijs")
        browser.getControl(name="form.buttons.save").click()
        assert ERRORS in browser.contents
        assert "Upload a file or give a link." in browser.contents
        refresh()
        assert [o.portal_type for o in site["library"].objectValues()] == ["YearPlan"]

    def test_with_link(self, browser, site):
        self.open_form(browser, site["library"], "Jaarverslag")
        browser.getControl(name="form.widgets.remote_url").value = "https://example.org/jv.pdf"
        browser.getControl(name="form.widgets.document_type:list").value = ["jaarverslag"]
        browser.getControl(name="form.buttons.save").click()
        assert ERRORS not in browser.contents
        refresh()
        evidence = site["library"]["jaarverslag"]
        assert evidence.remote_url == "https://example.org/jv.pdf"
        assert evidence.document_type == "jaarverslag"

    def test_with_file_in_project(self, browser, site):
        project = site["project"]
        self.open_form(browser, project, "Presentielijst")
        browser.getControl(name="form.widgets.file").add_file(
            BytesIO(b"%PDF-1.4 lijst"), "application/pdf", "lijst.pdf"
        )
        browser.getControl(name="form.buttons.save").click()
        assert ERRORS not in browser.contents
        refresh()
        evidence = project["presentielijst"]
        assert evidence.file.filename == "lijst.pdf"
        assert evidence.file.data == b"%PDF-1.4 lijst"


def grid_rows(*rows):
    """The request fields of grid rows as the datagrid's JavaScript posts them:
    ``rows`` are ``(name, target, actual, unit)``."""
    pairs = [("form.widgets.indicators.count", str(len(rows)))]
    for index, row in enumerate(rows):
        prefix = f"form.widgets.indicators.{index}"
        pairs.append((f"{prefix}-empty-marker", "1"))
        for column, value in zip(("name", "target", "actual", "unit"), row, strict=True):
            pairs.append((f"{prefix}.widgets.{column}", value))
    return pairs


def add_with_rows(browser, plan, *rows, budget=""):
    post_form(
        browser,
        plan.absolute_url() + "/++add++SmartProject",
        [
            ("form.widgets.IDublinCore.title", "Leesclub"),
            ("form.widgets.specific", "Een leesclub voor jongeren."),
            ("form.widgets.deadline", "2026-10-01"),
            ("form.widgets.budget", budget),
            *grid_rows(*rows),
        ],
    )


def grid_errors(browser):
    """The messages in the grid's cells and under the grid, in page order."""
    tree = html.fromstring(browser.contents)
    block = tree.xpath('//div[@id="formfield-form-widgets-indicators"]')[0]
    return [
        node.text_content().strip()
        for node in block.xpath('.//div[contains(@class, "invalid-feedback")]')
    ]


class TestIndicatorGrid:
    """The grid ignores empty rows, reads a decimal comma, names the row it refuses."""

    def test_empty_rows_are_ignored(self, browser, site):
        add_with_rows(
            browser,
            site["plan"],
            ("", "", "", ""),
            ("Bijeenkomsten", "10", "", "keer"),
            ("  ", "", "", ""),
        )
        assert ERRORS not in browser.contents, grid_errors(browser)
        refresh()
        assert site["plan"]["leesclub"].indicators == [
            {"name": "Bijeenkomsten", "target": 10, "actual": None, "unit": "keer"}
        ]

    def test_only_empty_rows_store_no_indicators(self, browser, site):
        add_with_rows(browser, site["plan"], ("", "", "", ""))
        assert ERRORS not in browser.contents, grid_errors(browser)
        refresh()
        assert site["plan"]["leesclub"].indicators == []

    def test_decimal_comma_in_the_grid_and_the_budget(self, browser, site):
        add_with_rows(
            browser,
            site["plan"],
            ("Deelnemers", "12,5", "3,25", ""),
            ("Uitleningen", "1.500,5", "1.200.000", ""),
            ("Cijfer", "7.5", "", ""),
            budget="7.800,50",
        )
        assert ERRORS not in browser.contents, grid_errors(browser)
        refresh()
        project = site["plan"]["leesclub"]
        assert [(row["target"], row["actual"]) for row in project.indicators] == [
            (12.5, 3.25),
            (1500.5, 1200000),
            (7.5, None),
        ]
        assert project.budget == 7800.5

    def test_messages_name_the_row(self, browser, site):
        add_with_rows(
            browser,
            site["plan"],
            ("Bijeenkomsten", "10", "", ""),
            ("", "", "", ""),
            ("Deelnemers", "veel", "", ""),
            ("Bezoekers", "100", "1.5.", ""),
            ("", "20", "", ""),
            ("Uitleningen", "", "", ""),
        )
        assert ERRORS in browser.contents
        errors = grid_errors(browser)
        assert errors == [
            TARGET_NOT_A_NUMBER % 3,
            "Indicator 4: the actual value must be a number (for example 1500 or 12,5).",
            "Indicator 5: the name is missing.",
            "Indicator 6: the target is missing.",
            TARGET_NOT_A_NUMBER % 3,  # the first, under the grid
        ]
        assert not any("required" in error.lower() for error in errors)
        tree = html.fromstring(browser.contents)
        typed = tree.xpath('//input[@name="form.widgets.indicators.2.widgets.target"]/@value')
        assert typed == ["veel"]  # what was typed stays in the form
        refresh()
        assert "leesclub" not in site["plan"].objectIds()

    def test_too_long_a_name_is_named_with_its_row(self, browser, site):
        add_with_rows(browser, site["plan"], ("Bezoek", "1", "", ""), ("x" * 301, "1", "", ""))
        assert ERRORS in browser.contents
        assert grid_errors(browser)[0] == "Indicator 2: Indicator: at most 300 characters."
        refresh()
        assert "leesclub" not in site["plan"].objectIds()

    def test_ambiguous_budget_refused(self, browser, site):
        add_with_rows(browser, site["plan"], budget="1.500")
        assert ERRORS in browser.contents
        assert field_error(browser, "form-widgets-budget") == (
            "Budget (euro) must be a number (for example 1500 or 12,5)."
        )
        refresh()
        assert "leesclub" not in site["plan"].objectIds()

    def test_edit_form_shows_numbers_as_typed(self, browser, site):
        project = site["project"]
        with api.env.adopt_roles(["Manager"]):
            project.budget = 1500.5
            project.indicators = [
                {"name": "Voorleesuren", "target": 40.0, "actual": 12.5, "unit": "uur"}
            ]
        transaction.commit()
        browser.open(project.absolute_url() + "/edit")
        assert browser.getControl(name="form.widgets.budget").value == "1500,5"
        target = browser.getControl(name="form.widgets.indicators.0.widgets.target")
        actual = browser.getControl(name="form.widgets.indicators.0.widgets.actual")
        assert (target.value, actual.value) == ("40", "12,5")
        browser.getControl(name="form.buttons.save").click()
        assert ERRORS not in browser.contents
        refresh()
        assert project.indicators[0]["actual"] == 12.5 and project.budget == 1500.5


@pytest.mark.parametrize(
    "typed,number",
    [
        ("12,5", 12.5),
        ("12.5", 12.5),
        ("1.500,25", 1500.25),
        ("1.500.000", 1500000),
        ("-3", -3),
        (" 7 ", 7),
        ("", None),
    ],
)
def test_the_number_rule(typed, number):
    from bibqual.content.smartproject import ISmartProject
    from bibqual.validation import parse_number
    from bibqual.validation import typed_number

    assert parse_number(typed) == number
    if number is not None:
        assert parse_number(typed_number(number)) == number
        if number >= 0:  # a budget is never negative
            assert ISmartProject["budget"].fromUnicode(typed) == number


@pytest.mark.parametrize("typed", ["1.500", "veel", "1e3", "12,", "1,5,0", "NaN", "1.5."])
def test_the_number_rule_refuses(typed):
    from bibqual.validation import parse_number

    with pytest.raises(ValueError):
        parse_number(typed)
