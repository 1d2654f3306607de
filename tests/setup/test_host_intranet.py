"""bibqual as a guest in an intranet: uninstall, reinstall and upgrades leave the host alone.

Issue 11, items 2-4: after uninstall bibqual's content stays readable in Classic UI
and Plone's own ``start`` column stays; a reinstall fills bibqual's indexes for the
existing content (only bibqual's objects); an upgrade step does not reset a
permission an administrator set by hand on an intranet Document.
"""

from DateTime import DateTime
from datetime import date
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.content import transition
import transaction


def _event_and_document(portal):
    with api.env.adopt_roles(["Manager"]):
        event = api.content.create(
            container=portal,
            type="Event",
            id="open-dag",
            title="Open dag",
            start=DateTime("2026-06-01 10:00"),
            end=DateTime("2026-06-01 16:00"),
        )
        document = api.content.create(container=portal, type="Document", id="regels")
        document.manage_permission("View", ["Manager", "Editor"], acquire=0)
        document.reindexObjectSecurity()
    return event, document


def _bibqual_tree(portal):
    library = make_library(portal)
    plan = make_plan(library)
    project = make_project(plan, "project", norm_fields=["collectie"], deadline=date(2026, 11, 30))
    transition(plan, ["adopt"])
    return library, plan, project


def _installer(portal):
    from plone.base.utils import get_installer

    return get_installer(portal, portal.REQUEST)


def test_uninstall_keeps_content_readable_and_the_host_intact(functional_portal, functional_app):
    portal = functional_portal
    event, _document = _event_and_document(portal)
    library, plan, project = _bibqual_tree(portal)
    _installer(portal).uninstall_product("bibqual")
    transaction.commit()

    catalog = portal.portal_catalog
    assert "start" in catalog.schema()
    (brain,) = catalog.unrestrictedSearchResults(UID=event.UID())
    assert brain.start is not None

    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    for obj in (library, plan, project):
        browser.open(obj.absolute_url())
        assert obj.Title() in browser.contents, obj


def test_reinstall_fills_bibqual_indexes_for_existing_content(functional_portal):
    portal = functional_portal
    _library, _plan, project = _bibqual_tree(portal)
    installer = _installer(portal)
    installer.uninstall_product("bibqual")
    installer.install_product("bibqual")
    assert portal.portal_types.Library.default_view == "dashboard"  # bibqual's pages are back
    catalog = portal.portal_catalog
    found = catalog.unrestrictedSearchResults(norm_fields="collectie", year=2026)
    assert [brain.UID for brain in found] == [project.UID()]
    assert found[0].library_title == "Bibliotheek Kennemerland"
    # installing again (as Site Setup's "reinstall" does) keeps the indexes filled
    setup = portal.portal_setup
    setup.runAllImportStepsFromProfile("profile-bibqual:default")
    assert [b.UID for b in catalog.unrestrictedSearchResults(norm_fields="collectie")] == [
        project.UID()
    ]


def test_upgrades_leave_a_hand_set_permission_alone(functional_portal):
    portal = functional_portal
    _event, document = _event_and_document(portal)
    _bibqual_tree(portal)
    setup = portal.portal_setup
    setup.setLastVersionForProfile("bibqual:default", "1000")
    setup.upgradeProfile("bibqual:default")
    assert setup.getLastVersionForProfile("bibqual:default") == ("1004",)
    roles = {r["name"] for r in document.rolesOfPermission("View") if r["selected"]}
    assert roles == {"Manager", "Editor"}
    assert not document.acquiredRolesAreUsedBy("View")


def test_event_created_before_install_keeps_its_start(functional_portal):
    """Installing never removes a column the host had (``start`` is Plone's)."""
    portal = functional_portal
    event, _document = _event_and_document(portal)
    (brain,) = portal.portal_catalog.unrestrictedSearchResults(UID=event.UID())
    assert brain.start is not None
    with api.env.adopt_roles(["Manager"]):
        api.portal.get_tool("portal_setup").runAllImportStepsFromProfile("profile-bibqual:default")
    (brain,) = portal.portal_catalog.unrestrictedSearchResults(UID=event.UID())
    assert brain.start is not None
