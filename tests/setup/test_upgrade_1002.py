"""Upgrade 1001 -> 1002 on a site with content: sharing, network index, auditor groups."""

from bibqual.audit import grants
from bibqual.audit.plugin import legacy_group_id
from datetime import date
from plone import api
from Products.CMFCore.permissions import ChangeLocalRoles
from support import PASSWORD
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.workflows import make_users
from support.workflows import user_id
from support.workflows import walk
import pytest


@pytest.fixture
def old_site(portal, setup_tool):
    """Content as bibqual 1001 left it: staff could share, no network index, UID groups."""
    library = make_library(portal)
    library.share_with_network = True
    make_users(library)
    plan = make_plan(library)
    project = make_project(plan, "project")
    walk(plan, ["adopt"])
    with api.env.adopt_roles(["Manager"]):
        api.user.create(email="a@example.org", username="extern", password=PASSWORD)
        grants.grant(library, "extern", date(2099, 12, 31))
    plugin = portal.acl_users.bibqual_audit_grants
    group = plugin.group_for_library(library.UID())
    library.manage_delLocalRoles([group])
    library.manage_addLocalRoles(legacy_group_id(library.UID()), ["Auditor"])
    plugin._groups, plugin._libraries = None, None  # a 1001 plugin had no groups
    project.manage_permission(ChangeLocalRoles, ["Owner", "Editor", "Manager"], acquire=0)
    portal.portal_catalog.delIndex("network_shared")  # a 1001 catalog has no such index
    setup_tool.setLastVersionForProfile("bibqual:default", "1001")
    return {"library": library, "project": project, "catalog": portal.portal_catalog}


def test_upgrade(old_site, setup_tool):
    catalog, project, library = old_site["catalog"], old_site["project"], old_site["library"]
    assert "network_shared" not in catalog.indexes()
    setup_tool.upgradeProfile("bibqual:default", "1002")
    assert setup_tool.getLastVersionForProfile("bibqual:default") == ("1002",)
    assert catalog.unrestrictedSearchResults(UID=project.UID(), network_shared=True)
    with api.env.adopt_user(username=user_id("Editor")):
        assert not api.user.has_permission(ChangeLocalRoles, obj=project)
    with api.env.adopt_user(username=user_id("Reviewer")):
        assert api.user.has_permission(ChangeLocalRoles, obj=project)
    roles = dict(library.get_local_roles())
    assert legacy_group_id(library.UID()) not in roles
    group = library.acl_users.bibqual_audit_grants.group_for_library(library.UID())
    assert roles[group] == ("Auditor",)
