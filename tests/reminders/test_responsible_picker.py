"""``responsible`` is chosen with a user search on the Classic forms, and stays a line
of text: a user id when a user is picked, a typed name kept as it is (old data, REST).

A library with a year plan; ``medewerker`` (Mees Medewerker) works there (Editor,
Contributor) and adds the projects himself.
"""

from datetime import date
from lxml import html
from plone import api
from support import PASSWORD
from support.content import make_assurance
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.content import make_user
from support.reports import browser_for
from urllib.parse import urlencode
import json
import pytest
import transaction


USERS = "plone.app.vocabularies.Users"


@pytest.fixture
def site(functional_portal):
    library = make_library(functional_portal, "bieb", title="Bibliotheek West")
    make_user("medewerker", [(library, ["Editor", "Contributor"])], fullname="Mees Medewerker")
    make_user("coordinator", [(library, ["Reviewer"])], fullname="Cora Coördinator")
    plan = make_plan(library, 2026)
    transaction.commit()
    return {"library": library, "plan": plan}


@pytest.fixture
def browser(functional_app):
    browser = browser_for(functional_app, "medewerker")
    browser.handleErrors = False
    return browser


def picker(browser):
    """The ``responsible`` input of the open form and its select2 pattern options."""
    (field,) = html.fromstring(browser.contents).xpath(
        '//form[@id="form"]//input[@name="form.widgets.responsible"]'
    )
    return field, json.loads(field.get("data-pat-select2"))


@pytest.mark.parametrize(
    ("container", "portal_type"), [("plan", "SmartProject"), ("library", "AssuranceProject")]
)
def test_add_form_offers_a_user_search(browser, site, container, portal_type):
    browser.open(f"{site[container].absolute_url()}/++add++{portal_type}")
    field, options = picker(browser)
    assert "pat-select2" in field.get("class")
    assert f"name={USERS}" in options["vocabularyUrl"]
    assert "field=responsible" in options["vocabularyUrl"]
    assert options["maximumSelectionSize"] == 1
    assert options["allowNewItems"] == "true"
    # the search the widget runs while typing finds the colleague by name
    browser.open(f"{options['vocabularyUrl']}&{urlencode({'query': 'Mees'})}")
    results = json.loads(browser.contents)["results"]
    assert {"id": "medewerker", "text": "Mees Medewerker"} in [
        {"id": r["id"], "text": r["text"]} for r in results
    ]


def add_project(browser, plan, responsible):
    browser.open(f"{plan.absolute_url()}/++add++SmartProject")
    browser.getControl(name="form.widgets.IDublinCore.title").value = "Taalcafé"
    browser.getControl(name="form.widgets.specific").value = "Wekelijks taalcafé."
    browser.getControl(name="form.widgets.deadline").value = "2026-12-01"
    browser.getControl(name="form.widgets.responsible").value = responsible
    browser.getControl(name="form.buttons.save").click()
    assert "There were some errors." not in browser.contents
    transaction.begin()
    return plan["taalcafe"]


def responsible_shown(browser):
    tree = html.fromstring(browser.contents)
    terms = tree.xpath('//dt[normalize-space()="Responsible"]/following-sibling::dd[1]')
    return " ".join(terms[0].text_content().split()) if terms else None


def test_a_picked_user_is_stored_as_user_id_and_shown_by_name(browser, site):
    project = add_project(browser, site["plan"], "coordinator")
    assert project.responsible == "coordinator"
    browser.open(project.absolute_url())
    assert responsible_shown(browser) == "Cora Coördinator"
    # the edit form shows the picked user by name, keeping the id as the value
    browser.open(f"{project.absolute_url()}/edit")
    field, options = picker(browser)
    assert field.get("value") == "coordinator"
    assert options["initialValues"] == {"coordinator": "Cora Coördinator"}
    # and the assurance project's page too
    assurance = make_assurance(site["library"], "borging", responsible="coordinator")
    transaction.commit()
    browser.open(assurance.absolute_url())
    assert responsible_shown(browser) == "Cora Coördinator"


def test_a_typed_name_is_kept_as_it_is(browser, site):
    project = add_project(browser, site["plan"], "Jan de Vries (gastdocent)")
    assert project.responsible == "Jan de Vries (gastdocent)"
    browser.open(project.absolute_url())
    assert responsible_shown(browser) == "Jan de Vries (gastdocent)"
    browser.open(f"{project.absolute_url()}/edit")
    _field, options = picker(browser)
    assert options["initialValues"] == {"Jan de Vries (gastdocent)": "Jan de Vries (gastdocent)"}


def test_old_free_text_and_rest_keep_working(rest, site):
    project = make_project(site["plan"], "oud", "Oud project", responsible="Mevr. Jansen")
    assurance = make_assurance(site["library"], "borging", next_review=date(2026, 6, 1))
    transaction.commit()
    session = rest("medewerker", PASSWORD)
    assert session.get(project.absolute_url()).json()["responsible"] == "Mevr. Jansen"
    response = session.patch(assurance.absolute_url(), json={"responsible": "Extern bureau"})
    assert response.status_code == 204, response.text
    response = session.patch(project.absolute_url(), json={"responsible": "x" * 1000})
    assert response.status_code == 400
    transaction.begin()
    assert assurance.responsible == "Extern bureau"
    assert project.responsible == "Mevr. Jansen"
    assert api.content.get(UID=project.UID()).responsible == "Mevr. Jansen"
