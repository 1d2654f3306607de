"""Upgrade 1005 -> 1006: daily use without surprises (issue 15, items 3 and 4).

A 1005 site: its workflows did not manage "Modify view template" (so a library's
staff, as Editors, inherited it from the site and could replace the dashboard
through the display menu), Library was not among the site's displayed types (no
navigation entry, an empty sitemap), and the user menu had no "My library".
After the upgrade staff no longer may change the layout while a site
administrator still may, libraries are displayed, the action is there, and
nothing else of the site's settings changes.
"""

from bibqual.ids import LIBRARY
from bibqual.upgrades.v1006.navigation import show_libraries_in_navigation
from plone import api
from plone.registry.interfaces import IRegistry
from support.content import make_library
from support.content import make_user
from zope.component import getUtility
import pytest


MODIFY_VIEW_TEMPLATE = "Modify view template"
DISPLAYED = "plone.displayed_types"


@pytest.fixture
def site_1005(portal, setup_tool):
    """The test site as bibqual 1005 left it, with a library and its staff member."""
    library = make_library(portal)
    make_user("medewerker", local_roles=[(library, ["Editor"])])
    make_user("beheerder")
    api.user.grant_roles(username="beheerder", roles=["Site Administrator"])
    workflow_tool = portal.portal_workflow
    for workflow in workflow_tool.getWorkflowsFor(library):  # as 1005 mapped it: not at all
        workflow.permissions = tuple(p for p in workflow.permissions if p != MODIFY_VIEW_TEMPLATE)
        for state in workflow.states.objectValues():
            (state.permission_roles or {}).pop(MODIFY_VIEW_TEMPLATE, None)
    library.manage_permission(MODIFY_VIEW_TEMPLATE, [], acquire=1)
    types = api.portal.get_registry_record(DISPLAYED)
    api.portal.set_registry_record(DISPLAYED, tuple(t for t in types if t != LIBRARY))
    portal.portal_actions.user.manage_delObjects(["bibqual-my-library"])
    setup_tool.setLastVersionForProfile("bibqual:default", "1005")
    return {"portal": portal, "library": library}


def may_change_layout(user_id, obj):
    return api.user.get_permissions(username=user_id, obj=obj)[MODIFY_VIEW_TEMPLATE]


def upgrade(setup_tool):
    setup_tool.upgradeProfile("bibqual:default")
    assert setup_tool.getLastVersionForProfile("bibqual:default") == (
        setup_tool.getVersionForProfile("bibqual:default"),
    )


def test_staff_may_no_longer_change_the_layout(site_1005, setup_tool):
    library = site_1005["library"]
    assert may_change_layout("medewerker", library) is True  # the 1005 hole
    upgrade(setup_tool)
    assert may_change_layout("medewerker", library) is False
    assert may_change_layout("beheerder", library) is True


def test_libraries_are_displayed_in_the_navigation(site_1005, setup_tool):
    others = api.portal.get_registry_record(DISPLAYED)
    upgrade(setup_tool)
    assert api.portal.get_registry_record(DISPLAYED) == (*others, LIBRARY)
    show_libraries_in_navigation(None)  # a second run adds nothing
    assert api.portal.get_registry_record(DISPLAYED).count(LIBRARY) == 1


def test_the_user_menu_gets_my_library(site_1005, setup_tool):
    assert "bibqual-my-library" not in site_1005["portal"].portal_actions.user.objectIds()
    upgrade(setup_tool)
    action = site_1005["portal"].portal_actions.user["bibqual-my-library"]
    assert action.url_expr == "string:${portal_url}/@@my-library"


def test_no_other_setting_changes(site_1005, setup_tool):
    registry = getUtility(IRegistry)
    before = {name: registry.records[name].value for name in registry.records if name != DISPLAYED}
    upgrade(setup_tool)
    after = {name: registry.records[name].value for name in registry.records if name != DISPLAYED}
    assert after == before
