"""bibqual's footprint on the rest of the intranet (issue 11, item 7).

An intranet page that is not bibqual's loads none of bibqual's CSS or JS and
shows "My audits" only to users who audit a library: through a running
time-limited grant, the Auditor role on a library's sharing tab or a group
holding that role. bibqual's pages (its views, add and edit forms of its types,
``@@audit-overview``) keep their assets. The Auditor column of the sharing tab
speaks Dutch to a Dutch request on any item of the site.
"""

from bibqual.audit.grants import grant
from bibqual.upgrades.v1003.actions import show_my_audits_to_auditors
from bibqual.upgrades.v1003.assets import ENABLED_RECORD as ENABLED
from bibqual.upgrades.v1003.assets import keep_assets_to_bibqual
from datetime import date
from plone import api
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.content import make_user
from support.reports import browser_for
from support.reports import frozen_today  # noqa: F401 (fixture)
from support.reports import tree
import pytest
import transaction


GRANT_UNTIL = date(2027, 1, 31)
ASSETS = ("++plone++bibqual/bibqual.css", "++plone++bibqual/bibqual.js")


@pytest.fixture
def intranet(functional_portal, frozen_today):  # noqa: F811
    """A published intranet Document next to a library with a year plan and a project;
    users: ``collega`` (no role anywhere), ``coordinator`` (Reviewer and Editor on the
    library), ``gast-auditor`` (time-limited grant until 31 January 2027) and
    ``nieuwe-auditor`` (no role yet); the group ``auditoren`` holds the Auditor role on
    the library's sharing tab."""
    portal = functional_portal
    with api.env.adopt_roles(["Manager"]):
        portal.portal_workflow.setDefaultChain("simple_publication_workflow")  # an intranet's
        document = api.content.create(
            container=portal, type="Document", id="huisregels", title="Huisregels"
        )
        api.content.transition(obj=document, transition="publish")
        library = make_library(portal)
        plan = make_plan(library)
        project = make_project(plan, "taalcafe")
        make_user("collega")
        make_user("coordinator", [(library, ["Reviewer", "Editor"])])
        make_user("gast-auditor")
        grant(library, "gast-auditor", GRANT_UNTIL)
        make_user("nieuwe-auditor")
        api.group.create(groupname="auditoren", title="Auditoren")
        api.group.grant_roles(groupname="auditoren", obj=library, roles=["Auditor"])
        library.reindexObjectSecurity()
    transaction.commit()
    return {"document": document, "library": library, "plan": plan, "project": project}


def open_page(app, user, url):
    browser = browser_for(app, user)
    browser.open(url)
    return browser


def menu_links(browser):
    """The addresses in the user menu of the toolbar."""
    return [link.get("href") for link in tree(browser).cssselect("#collapse-personaltools a")]


def has_my_audits(browser):
    links = menu_links(browser)
    assert links, "the user menu is missing"  # the test reads the right menu
    return any(link.endswith("/@@audit-overview") for link in links)


def loaded_assets(browser):
    return [asset for asset in ASSETS if asset in browser.contents]


class TestIntranetPage:
    @pytest.mark.parametrize("user", ["collega", "coordinator"])
    def test_no_bibqual_assets_and_no_my_audits(self, functional_app, intranet, user):
        browser = open_page(functional_app, user, intranet["document"].absolute_url())
        assert "Huisregels" in browser.contents
        assert loaded_assets(browser) == []
        assert not has_my_audits(browser)

    def test_no_bibqual_assets_for_anonymous(self, functional_app, intranet):
        browser = open_page(functional_app, None, intranet["document"].absolute_url())
        assert "Huisregels" in browser.contents
        assert loaded_assets(browser) == []
        assert "@@audit-overview" not in browser.contents


class TestBibqualPages:
    @pytest.mark.parametrize(
        "page",
        ["library", "plan", "project", "project/edit", "plan/++add++SmartProject", "overview"],
    )
    def test_bibqual_pages_have_the_assets(self, functional_app, intranet, page):
        portal_url = api.portal.get().absolute_url()
        name, _, view = page.partition("/")
        url = (
            f"{portal_url}/@@audit-overview"
            if name == "overview"
            else "/".join(filter(None, (intranet[name].absolute_url(), view)))
        )
        browser = open_page(functional_app, "admin", url)
        assert loaded_assets(browser) == list(ASSETS)
        browser.open(intranet["document"].absolute_url())  # the same user elsewhere
        assert loaded_assets(browser) == []

    def test_add_form_of_a_library_in_an_intranet_folder(self, functional_app, intranet):
        with api.env.adopt_roles(["Manager"]):
            folder = api.content.create(
                container=api.portal.get(), type="Folder", id="afdelingen", title="Afdelingen"
            )
        transaction.commit()
        browser = open_page(functional_app, "admin", f"{folder.absolute_url()}/++add++Library")
        assert loaded_assets(browser) == list(ASSETS)
        browser = open_page(functional_app, "admin", folder.absolute_url())
        assert loaded_assets(browser) == []


class TestMyAudits:
    def test_granted_auditor_until_the_grant_ends(self, functional_app, intranet, monkeypatch):
        url = intranet["document"].absolute_url()
        assert has_my_audits(open_page(functional_app, "gast-auditor", url))
        monkeypatch.setattr("bibqual.clock.today", lambda: GRANT_UNTIL)
        assert has_my_audits(open_page(functional_app, "gast-auditor", url))  # last day
        monkeypatch.setattr("bibqual.clock.today", lambda: date(2027, 2, 1))
        browser = open_page(functional_app, "gast-auditor", url)
        assert not has_my_audits(browser)
        # the overview stays reachable, it just lists nothing any more
        browser.open(f"{api.portal.get().absolute_url()}/@@audit-overview")
        assert "You have no audit access to any library." in browser.contents

    def test_auditor_role_on_the_sharing_tab(self, functional_app, intranet):
        url = intranet["document"].absolute_url()
        assert not has_my_audits(open_page(functional_app, "nieuwe-auditor", url))
        library = intranet["library"]
        with api.env.adopt_roles(["Manager"]):
            api.user.grant_roles(username="nieuwe-auditor", obj=library, roles=["Auditor"])
            library.reindexObjectSecurity()  # as the sharing tab does
        transaction.commit()
        assert has_my_audits(open_page(functional_app, "nieuwe-auditor", url))

    def test_group_with_the_auditor_role_on_the_sharing_tab(self, functional_app, intranet):
        url = intranet["document"].absolute_url()
        assert not has_my_audits(open_page(functional_app, "nieuwe-auditor", url))
        library = intranet["library"]
        with api.env.adopt_roles(["Manager"]):
            api.group.add_user(groupname="auditoren", username="nieuwe-auditor")
        transaction.commit()
        assert has_my_audits(open_page(functional_app, "nieuwe-auditor", url))
        with api.env.adopt_roles(["Manager"]):
            api.group.revoke_roles(groupname="auditoren", obj=library, roles=["Auditor"])
            library.reindexObjectSecurity()
        transaction.commit()
        assert not has_my_audits(open_page(functional_app, "nieuwe-auditor", url))

    def test_coordinator_reaches_the_overview_without_the_menu(self, functional_app, intranet):
        browser = open_page(
            functional_app, "coordinator", f"{api.portal.get().absolute_url()}/@@audit-overview"
        )
        assert "You have no audit access to any library." in browser.contents
        assert not has_my_audits(browser)


def test_sharing_tab_of_an_intranet_document_in_dutch(functional_app, intranet):
    api.portal.set_registry_record("plone.available_languages", ["en", "nl"])
    api.portal.set_registry_record("plone.use_request_negotiation", True)
    transaction.commit()
    browser = browser_for(functional_app, "admin")
    browser.addHeader("Accept-Language", "nl")
    browser.open(f"{intranet['document'].absolute_url()}/@@sharing")
    headers = [" ".join(th.text_content().split()) for th in tree(browser).cssselect("th")]
    assert "Bewerken" in headers  # Plone's own column: the page is in Dutch
    assert "Auditen (alleen lezen)" in headers
    assert "Can audit (read-only)" not in browser.contents


def _everything_else(portal):
    """Every registry value and every action's properties, but the two that 1003 changes."""
    registry = portal.portal_registry
    return (
        {name: registry[name] for name in registry.records if name != ENABLED},
        {
            (category.getId(), item.getId()): dict(item.propertyItems())
            for category in portal.portal_actions.objectValues()
            for item in category.objectValues()
            if item.getId() != "bibqual-audit-overview"
        },
    )


def test_upgrade_1003_on_a_site_made_by_1002(functional_app, intranet):
    """A 1002 site loads bibqual's assets everywhere and shows "My audits" to everyone;
    the two 1003 parts change only bibqual's bundle record and bibqual's action."""
    portal = api.portal.get()
    action = portal.portal_actions.user["bibqual-audit-overview"]
    portal.portal_registry[ENABLED] = True
    action.manage_changeProperties(available_expr="python:member is not None")
    transaction.commit()
    url = intranet["document"].absolute_url()
    before = open_page(functional_app, "collega", url)
    assert loaded_assets(before) == list(ASSETS) and has_my_audits(before)
    untouched = _everything_else(portal)

    keep_assets_to_bibqual(None)
    show_my_audits_to_auditors(None)
    transaction.commit()

    after = open_page(functional_app, "collega", url)
    assert loaded_assets(after) == [] and not has_my_audits(after)
    assert has_my_audits(open_page(functional_app, "gast-auditor", url))
    library = open_page(functional_app, "admin", intranet["library"].absolute_url())
    assert loaded_assets(library) == list(ASSETS)
    assert _everything_else(portal) == untouched
    assert action.title == "My audits"
