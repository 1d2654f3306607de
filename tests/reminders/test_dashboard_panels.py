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
  reglement" (archived, expired), not "Collectieplan 2025-2028" (valid until June).
"""

from bibqual.audit.grants import grant
from datetime import date
from lxml import html
from plone import api
from support.content import make_evidence
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
