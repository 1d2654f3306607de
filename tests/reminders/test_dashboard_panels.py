"""The library dashboard's panels list exactly the items that need attention, on
1 December 2026 (``support.reports.build_library``, the clock frozen there), as the
library's coordinator sees the page:

- overdue projects of the current year plan: "Te laat" (do, deadline 1 October), not
  the done "Klaar", not the cancelled "Geschrapt" (their deadlines passed too), not
  the projects still to come;
- assurance projects due within 60 days: "Achterstallige review" (review 1 November:
  overdue, marked) and "Evaluatie collectieplan" (20 December), not the one due in June;
- evidence whose validity ends within 90 days or has ended, archived evidence never:
  "Jaarverslag 2024" (ended 1 October: expired), "Klanttevredenheid 2026" (15 January:
  expires soon), plus this module's "Concept leesplan" (draft, 1 February: expires
  soon); not "Gearchiveerd protocol" (archived, would expire 15 December) nor "Oud
  reglement" (archived, expired), not "Collectieplan 2025-2028" (valid until June);
- "Waiting for you", to the coordinator only (who may complete, release and adopt:
  "Review portal content" on the library): with "Voorlezen" adjusted to Act it lists
  "Voorlezen" to complete (a result for every indicator), not "Zonder meting" (Act,
  no result yet), the draft evidence "Concept leesplan" and "Concept werkinstructie"
  to release, and the draft "Jaarplan 2027" to adopt; an item leaves the list once
  the step is taken.
"""

from bibqual.audit.grants import grant
from datetime import date
from lxml import html
from plone import api
from support.content import make_evidence
from support.content import make_project
from support.content import make_user
from support.content import transition
from support.reports import browser_for
from support.reports import build_library
from support.reports import frozen_today  # noqa: F401 (fixture)
import pytest
import transaction


@pytest.fixture
def library(functional_portal, frozen_today):  # noqa: F811
    library = build_library(functional_portal)
    make_user("coordinator", [(library, ["Reviewer"])], fullname="Cora Coördinator")
    concept = make_evidence(library, "leesplan", "Concept leesplan", valid_until=date(2027, 2, 1))
    protocol = make_evidence(
        library, "protocol", "Gearchiveerd protocol", valid_until=date(2026, 12, 15)
    )
    oud = make_evidence(library, "reglement", "Oud reglement", valid_until=date(2026, 6, 1))
    transition(protocol, ["release", "archive"])
    transition(oud, ["release", "archive"])
    assert api.content.get_state(concept) == "draft"
    transaction.commit()
    return library


@pytest.fixture
def dashboard(functional_app, library):
    browser = browser_for(functional_app, "coordinator")
    browser.handleErrors = False
    browser.open(library.absolute_url())
    return html.fromstring(browser.contents)


def panel(dashboard, heading_id):
    (section,) = dashboard.xpath(f'//section[@aria-labelledby="{heading_id}"]')
    return section


def items(section):
    return [" ".join(li.xpath(".//a")[0].text_content().split()) for li in section.xpath(".//li")]


def test_overdue_projects(dashboard):
    section = panel(dashboard, "bq-overdue-heading")
    assert items(section) == ["Te laat"]
    (small,) = section.xpath(".//li//small")
    assert " ".join(small.text_content().split()) == "deadline 01-10-2026"


def test_assurance_due(dashboard):
    section = panel(dashboard, "bq-assurance-heading")
    assert items(section) == ["Achterstallige review", "Evaluatie collectieplan"]
    late, due = section.xpath(".//li//small")
    assert "bq-overdue" in late.get("class")
    assert "bq-overdue" not in due.get("class")


def test_evidence_expiring_or_expired_never_archived(dashboard):
    section = panel(dashboard, "bq-expiry-heading")
    assert items(section) == ["Jaarverslag 2024", "Klanttevredenheid 2026", "Concept leesplan"]
    labels = [
        " ".join(li.xpath('.//*[contains(@class, "bq-expiry-label")]')[0].text_content().split())
        for li in section.xpath(".//li")
    ]
    assert labels == ["expired", "expires soon", "expires soon"]
    states = [li.get("data-expiry") for li in section.xpath(".//li")]
    assert states == ["expired", "expires-soon", "expires-soon"]


def test_auditor_sees_released_evidence_only(functional_app, library):
    make_user("auditor")
    with api.env.adopt_roles(["Manager"]):
        grant(library, "auditor", date(2027, 1, 31))
    transaction.commit()
    browser = browser_for(functional_app, "auditor")
    browser.open(library.absolute_url())
    section = panel(html.fromstring(browser.contents), "bq-expiry-heading")
    assert items(section) == ["Jaarverslag 2024", "Klanttevredenheid 2026"]


WAITING = [
    ("Voorlezen", "Complete"),
    ("Concept leesplan", "Release"),
    ("Concept werkinstructie", "Release"),
    ("Jaarplan 2027", "Adopt"),
]


def by_title(title):
    (brain,) = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(Title=title)
    return brain._unrestrictedGetObject()


@pytest.fixture
def waiting_library(library):
    """``library`` with "Voorlezen" in Act (results for every indicator), "Zonder
    meting" in Act without a result, and a staff member ``medewerker``."""
    transition(by_title("Voorlezen"), ["adjust"])
    plan = by_title("Jaarplan 2026")
    unmeasured = make_project(
        plan,
        "zonder-meting",
        title="Zonder meting",
        deadline=date(2027, 1, 31),
        indicators=[{"name": "Bezoekers", "target": 100, "actual": None, "unit": ""}],
    )
    transition(unmeasured, ["start", "evaluate", "adjust"])
    make_user("medewerker", [(library, ["Editor", "Contributor"])])
    transaction.commit()
    return library


def waiting_items(browser, url):
    browser.open(url)
    section = panel(html.fromstring(browser.contents), "bq-waiting-heading")
    return [
        (
            " ".join(li.xpath(".//a")[0].text_content().split()),
            " ".join(
                li.xpath('.//*[contains(@class, "bq-waiting-action")]')[0].text_content().split()
            ),
        )
        for li in section.xpath(".//li")
    ]


def test_coordinator_sees_what_waits(functional_app, waiting_library):
    browser = browser_for(functional_app, "coordinator")
    assert waiting_items(browser, waiting_library.absolute_url()) == WAITING
    section = panel(html.fromstring(browser.contents), "bq-waiting-heading")
    links = section.xpath(".//a/@href")
    assert links[0] == by_title("Voorlezen").absolute_url()
    assert links[-1] == by_title("Jaarplan 2027").absolute_url()


def test_coordinator_sees_it_in_dutch(functional_app, waiting_library):
    api.portal.set_registry_record("plone.available_languages", ["en", "nl"])
    api.portal.set_registry_record("plone.use_request_negotiation", True)
    transaction.commit()
    browser = browser_for(functional_app, "coordinator")
    browser.addHeader("Accept-Language", "nl")
    found = waiting_items(browser, waiting_library.absolute_url())
    assert [action for _title, action in found] == [
        "Afronden",
        "Vrijgeven",
        "Vrijgeven",
        "Vaststellen",
    ]
    (heading,) = html.fromstring(browser.contents).xpath('//*[@id="bq-waiting-heading"]')
    assert heading.text_content().strip() == "Wacht op u"


@pytest.mark.parametrize("user", ["medewerker", "auditor"])
def test_staff_and_auditors_do_not_see_the_panel(functional_app, waiting_library, user):
    if user == "auditor":
        make_user("auditor")
        with api.env.adopt_roles(["Manager"]):
            grant(waiting_library, "auditor", date(2027, 1, 31))
        transaction.commit()
    browser = browser_for(functional_app, user)
    browser.open(waiting_library.absolute_url())
    page = html.fromstring(browser.contents)
    assert page.xpath('//section[@aria-labelledby="bq-overdue-heading"]')  # the dashboard
    assert page.xpath('//*[@id="bq-waiting"]') == []
    assert "Waiting for you" not in browser.contents


def test_an_item_leaves_the_list_once_done(functional_app, waiting_library):
    browser = browser_for(functional_app, "coordinator")
    url = waiting_library.absolute_url()
    with api.env.adopt_user(username="coordinator"):
        api.content.transition(obj=by_title("Voorlezen"), transition="complete")
        api.content.transition(obj=by_title("Concept leesplan"), transition="release")
        api.content.transition(obj=by_title("Jaarplan 2027"), transition="adopt")
    transaction.commit()
    assert waiting_items(browser, url) == [("Concept werkinstructie", "Release")]

    with api.env.adopt_user(username="coordinator"):
        api.content.transition(obj=by_title("Concept werkinstructie"), transition="release")
    transaction.commit()
    assert waiting_items(browser, url) == []
    section = panel(html.fromstring(browser.contents), "bq-waiting-heading")
    assert " ".join(section.text_content().split()).endswith("Nothing is waiting for you.")


def test_a_project_waits_once_every_result_is_in(functional_app, waiting_library):
    """The guard's rule: "Zonder meting" waits once its indicator has a result."""
    project = by_title("Zonder meting")
    with api.env.adopt_user(username="medewerker"):
        project.indicators = [{"name": "Bezoekers", "target": 100, "actual": 80, "unit": ""}]
        project.reindexObject()
    transaction.commit()
    browser = browser_for(functional_app, "coordinator")
    found = waiting_items(browser, waiting_library.absolute_url())
    assert found[:2] == [("Voorlezen", "Complete"), ("Zonder meting", "Complete")]
