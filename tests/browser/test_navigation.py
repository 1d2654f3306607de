"""Finding one's library and keeping its layout, in Chromium on the Dutch demo site
(issue 15, items 3 and 4).

The coordinator logs in and lands on the library's dashboard; staff find the
library in the site's navigation and sitemap and reach "Mijn bibliotheek" from
the user menu (their library, their projects); staff have no display menu
("Weergave") on the dashboard, so they cannot replace it; the site administrator
has it, with Dutch titles instead of raw view ids.
"""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import pytest


pytestmark = pytest.mark.browser

LIBRARY = "bibliotheek-westfriesland-noord"
LIBRARY_TITLE = "Bibliotheek Westfriesland-Noord"
DISPLAY_MENU = "#plone-contentmenu-display"


def test_the_coordinator_lands_on_the_library(visitor):
    visitor.login("coordinator")
    assert visitor.page.url.rstrip("/") == visitor.url(LIBRARY)
    assert visitor.page.locator("h1").first.inner_text() == LIBRARY_TITLE
    visitor.shot("landed-on-dashboard")


def test_a_link_to_a_page_is_still_honoured(visitor):
    visitor.open(f"login?came_from={visitor.url(LIBRARY)}/@@pdca-overview")
    page = visitor.page
    page.fill("input[name='__ac_name']", "medewerker")
    page.fill("input[name='__ac_password']", "bibqual-demo")
    page.click("#buttons-login, button[name='buttons.login']")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/@@pdca-overview")


def test_staff_find_the_library_in_the_navigation_and_sitemap(visitor):
    visitor.login("medewerker")
    visitor.open("")
    nav = visitor.page.locator(f"#portal-globalnav a[href$='/{LIBRARY}']")
    assert nav.count() == 1
    assert nav.inner_text().strip() == LIBRARY_TITLE
    visitor.shot("front-page-navigation")
    visitor.open("sitemap")
    assert visitor.page.locator(f"#portal-sitemap a[href$='/{LIBRARY}']").count() == 1


def test_staff_reach_my_library_from_the_user_menu(visitor):
    visitor.login("medewerker")
    page = visitor.page
    link = page.locator("#collapse-personaltools a[href$='/@@my-library']")
    assert link.text_content().strip() == "Mijn bibliotheek"
    visitor.open("@@my-library")
    assert page.locator("h1").first.inner_text() == "Mijn bibliotheek"
    libraries = page.locator(".bq-my-library h3 a")
    assert libraries.all_inner_texts() == [LIBRARY_TITLE]
    assert page.locator(".bq-my-projects li").count() >= 1  # medewerker is responsible
    assert page.locator(".bq-my-waiting").count() == 0  # completing is not theirs
    visitor.shot("my-library")


def test_the_auditor_still_lands_on_my_audits(visitor):
    """The auditor (a running grant, no work in the library) lands on "Mijn audits"."""
    visitor.login("auditor")
    assert visitor.page.url.endswith("/@@audit-overview")


def test_staff_cannot_change_the_dashboards_layout(visitor):
    visitor.login("medewerker")
    visitor.open(LIBRARY)
    assert visitor.page.locator("#edit-zone").count() == 1  # the toolbar is there
    assert visitor.page.locator(DISPLAY_MENU).count() == 0
    visitor.shot("dashboard-without-display-menu")


def test_the_site_administrator_sees_dutch_layout_titles(visitor):
    visitor.login(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    visitor.open(LIBRARY)
    menu = visitor.page.locator(DISPLAY_MENU)
    assert menu.count() == 1
    titles = [
        text.strip()
        for text in menu.locator("[id^='plone-contentmenu-display-']").all_text_contents()
    ]
    assert "Dashboard van de bibliotheek" in titles
    assert "Alle velden (eenvoudige pagina)" in titles
    assert "dashboard" not in titles and "view" not in titles
    visitor.shot("display-menu")
