"""@@audit-overview: the auditor's landing page, the "My audits" action and the login redirect."""

from datetime import date
from plone import api
from support import PASSWORD
from support.content import make_user
from support.reports import browser_for
from support.reports import build_library
from support.reports import commit
from support.reports import frozen_today  # noqa: F401 (fixture)
from support.reports import text
from support.reports import tree
import pytest


EDIT_MARKERS = ("/edit", "content_status_modify", "++add++")


@pytest.fixture
def libraries(functional_portal, frozen_today):  # noqa: F811
    """Kennemerwaard (Auditor role), Gooi (time-limited grant), Zaanstreek (Reader only)
    and Rijnland (nothing) for ``auditor-ria``; ``medewerker-kim`` works on Kennemerwaard."""
    from bibqual.audit.grants import grant

    audited = build_library(functional_portal, evidence=False)
    with api.env.adopt_roles(["Manager"]):
        granted = api.content.create(
            container=functional_portal, type="Library", title="Bibliotheek Gooi"
        )
        plan = api.content.create(container=granted, type="YearPlan", title="Gooi 2026", year=2026)
        api.content.transition(obj=plan, transition="adopt")
        readable = api.content.create(
            container=functional_portal, type="Library", title="Bibliotheek Zaanstreek"
        )
        hidden = api.content.create(
            container=functional_portal, type="Library", title="Bibliotheek Rijnland"
        )
        make_user("auditor-ria", [(audited, ["Auditor"]), (readable, ["Reader"])])
        make_user("medewerker-kim", [(audited, ["Editor", "Contributor"])])
        grant(granted, "auditor-ria", date(2027, 1, 31))
    commit()
    return {"audited": audited, "granted": granted, "readable": readable, "hidden": hidden}


def overview(functional_app, user):
    browser = browser_for(functional_app, user)
    browser.open(f"{api.portal.get().absolute_url()}/@@audit-overview")
    return browser


def cards(page):
    return {text(card.xpath(".//h2")[0]): card for card in page.xpath("//section[@data-library]")}


def login(functional_app, user, came_from=None):
    browser = browser_for(functional_app)
    portal_url = api.portal.get().absolute_url()
    url = f"{portal_url}/login"
    if came_from:
        url += f"?came_from={came_from}"
    browser.open(url)
    browser.getControl(name="__ac_name").value = user
    browser.getControl(name="__ac_password").value = PASSWORD
    browser.getControl(name="buttons.login").click()
    return browser


class TestLanding:
    def test_lists_only_libraries_the_user_audits(self, functional_app, libraries):
        page = tree(overview(functional_app, "auditor-ria"))
        # Zaanstreek is visible to her (Reader) but she does not audit it
        assert list(cards(page)) == ["Bibliotheek Gooi", "Bibliotheek Kennemerwaard"]

    def test_links_to_the_read_only_pages_and_adopted_or_closed_plans(
        self, functional_app, libraries
    ):
        card = cards(tree(overview(functional_app, "auditor-ria")))["Bibliotheek Kennemerwaard"]
        base = libraries["audited"].absolute_url()
        hrefs = {link.get("href") for link in card.xpath(".//a")}
        assert {
            base,
            f"{base}/@@quality-dossier",
            f"{base}/@@norm-coverage",
            f"{base}/@@pdca-overview",
        } <= hrefs
        plans = [text(li) for li in card.xpath(".//ul[contains(@class, 'list-unstyled')]/li")]
        assert plans == ["Jaarplan 2026 Adopted", "Jaarplan 2025 Closed"]  # not the 2027 draft

    def test_time_limited_grant_shows_its_end(self, functional_app, libraries):
        card = cards(tree(overview(functional_app, "auditor-ria")))["Bibliotheek Gooi"]
        assert "Your access ends after 31-01-2027." in text(card)
        assert "Gooi 2026" in text(card)

    def test_no_edit_controls(self, functional_app, libraries):
        contents = overview(functional_app, "auditor-ria").contents
        for marker in EDIT_MARKERS:
            assert marker not in contents, marker

    def test_staff_without_audit_role_sees_none(self, functional_app, libraries):
        browser = overview(functional_app, "medewerker-kim")
        assert cards(tree(browser)) == {}
        assert "You have no audit access to any library." in browser.contents

    def test_anonymous_gets_the_login_form(self, functional_app, libraries):
        browser = browser_for(functional_app)
        browser.open(f"{api.portal.get().absolute_url()}/@@audit-overview")
        assert "login" in browser.url
        assert "My audits" not in browser.contents
        assert "Bibliotheek Kennemerwaard" not in browser.contents


class TestMyAuditsAction:
    def test_in_the_user_menu_of_auditors_only(self, functional_app, libraries):
        portal_url = api.portal.get().absolute_url()
        auditor = browser_for(functional_app, "auditor-ria")
        auditor.open(portal_url)
        assert f"{portal_url}/@@audit-overview" in auditor.contents
        staff = browser_for(functional_app, "medewerker-kim")  # works on the library
        staff.open(portal_url)
        assert "@@audit-overview" not in staff.contents
        anonymous = browser_for(functional_app)
        anonymous.open(portal_url)
        assert "@@audit-overview" not in anonymous.contents

    def test_installed_and_removed_by_uninstall(self, portal):
        actions = portal.portal_actions
        action = actions.user["bibqual-audit-overview"]
        assert action.url_expr == "string:${portal_url}/@@audit-overview"
        assert action.available_expr == "portal/@@my-audits-available | nothing"
        assert "bibqual-audit-access" in actions.object
        portal.portal_setup.runImportStepFromProfile("profile-bibqual:uninstall", "actions")
        assert "bibqual-audit-overview" not in actions.user
        assert "bibqual-audit-access" not in actions.object


class TestRedirectAfterLogin:
    def test_auditor_lands_on_audit_overview(self, functional_app, libraries):
        browser = login(functional_app, "auditor-ria")
        assert browser.url.endswith("/@@audit-overview")
        assert "Bibliotheek Kennemerwaard" in browser.contents

    def test_staff_is_not_redirected(self, functional_app, libraries):
        browser = login(functional_app, "medewerker-kim")
        assert "audit-overview" not in browser.url

    def test_auditor_following_a_link_keeps_it(self, functional_app, libraries):
        target = f"{libraries['audited'].absolute_url()}/@@norm-coverage"
        browser = login(functional_app, "auditor-ria", came_from=target)
        assert browser.url == target
