"""@@my-library ("Mijn bibliotheek"), its user action and where login lands (issue 15, item 3).

A user's own libraries are those with a local role of theirs (sharing tab, group,
a running audit grant); a site-wide Reader who may see every library has none.
"""

from datetime import date
from plone import api
from support import PASSWORD
from support.content import make_library
from support.content import make_user
from support.reports import browser_for
from support.reports import commit
from support.reports import tree
import pytest


@pytest.fixture
def libraries(functional_portal):
    """Two libraries: ``coord-twee`` coordinates both, ``kim`` works in the first,
    ``lezer`` is a site-wide Reader, ``buurman`` a member of the host site."""
    first = make_library(functional_portal, "noord", title="Bibliotheek Noord")
    second = make_library(functional_portal, "zuid", title="Bibliotheek Zuid")
    with api.env.adopt_roles(["Manager"]):
        plan = api.content.create(container=first, type="YearPlan", title="Noord 2026", year=2026)
        api.content.create(
            container=plan,
            type="SmartProject",
            id="taalcafe",
            title="Taalcafé",
            responsible="kim",
            deadline=date(2026, 12, 1),
        )
    make_user("coord-twee", [(first, ["Reviewer"]), (second, ["Reviewer"])])
    make_user("kim", [(first, ["Editor", "Contributor"])])
    make_user("lezer")
    make_user("buurman")
    api.user.grant_roles(username="lezer", roles=["Reader"])
    commit()
    return {"first": first, "second": second, "plan": plan}


def login(functional_app, user, came_from=None):
    browser = browser_for(functional_app)
    url = f"{api.portal.get().absolute_url()}/login"
    if came_from:
        url += f"?came_from={came_from}"
    browser.open(url)
    browser.getControl(name="__ac_name").value = user
    browser.getControl(name="__ac_password").value = PASSWORD
    browser.getControl(name="buttons.login").click()
    return browser


def menu_links(browser):
    return tree(browser).xpath("//*[@id='collapse-personaltools']//a/@href")


class TestLanding:
    def test_one_library_lands_on_its_dashboard(self, functional_app, libraries):
        browser = login(functional_app, "kim")
        assert browser.url == libraries["first"].absolute_url()

    def test_two_libraries_land_on_my_library(self, functional_app, libraries):
        browser = login(functional_app, "coord-twee")
        assert browser.url.endswith("/@@my-library")
        titles = tree(browser).xpath("//*[contains(@class,'bq-my-library')]//h3/a/text()")
        assert titles == ["Bibliotheek Noord", "Bibliotheek Zuid"]

    def test_a_link_is_honoured(self, functional_app, libraries):
        target = f"{libraries['plan'].absolute_url()}"
        assert login(functional_app, "kim", came_from=target).url == target

    def test_host_users_and_site_wide_readers_stay_where_plone_sends_them(
        self, functional_app, libraries
    ):
        for user in ("buurman", "lezer"):
            browser = login(functional_app, user)
            assert "my-library" not in browser.url
            assert "/noord" not in browser.url


class TestPage:
    def test_lists_projects_and_waiting_steps(self, functional_app, libraries):
        page = tree(login(functional_app, "coord-twee"))
        waiting = page.xpath("//ul[contains(@class,'bq-my-waiting')]//a/text()")
        assert "Noord 2026" in waiting  # the draft plan waits to be adopted
        kim = tree(
            login(
                functional_app, "kim", came_from=f"{api.portal.get().absolute_url()}/@@my-library"
            )
        )
        assert kim.xpath("//*[contains(@class,'bq-my-projects')]//li/a/text()") == ["Taalcafé"]
        assert kim.xpath("//ul[contains(@class,'bq-my-waiting')]") == []

    def test_anonymous_get_the_login_form(self, functional_app, libraries):
        browser = browser_for(functional_app)
        browser.open(f"{api.portal.get().absolute_url()}/@@my-library")
        assert "login" in browser.url


class TestUserMenu:
    def test_only_users_with_a_library_see_it(self, functional_app, libraries):
        portal_url = api.portal.get().absolute_url()
        for user, shown in (
            ("kim", True),
            ("coord-twee", True),
            ("lezer", False),
            ("buurman", False),
        ):
            browser = browser_for(functional_app, user)
            browser.open(portal_url)
            assert (f"{portal_url}/@@my-library" in menu_links(browser)) is shown, user
