"""After uninstalling bibqual, content stays readable for its staff and closed to others."""

from AccessControl import Unauthorized
from bibqual.audit import grants
from datetime import date
from datetime import timedelta
from plone import api
from plone.restapi.interfaces import ISerializeToJson
from support import PASSWORD
from support.content import make_evidence
from support.workflows import as_role
from support.workflows import make_users
from support.workflows import review_state
from support.workflows import walk
from zope.component import getMultiAdapter
import pytest


@pytest.fixture
def uninstalled(portal, library, year_plan, project, installer, package_name):
    """A running project in an adopted plan, draft evidence; then bibqual uninstalled."""
    make_users(library)
    walk(project, ["start"])
    walk(year_plan, ["adopt"])
    make_evidence(project, "bewijs")
    with api.env.adopt_roles(["Manager"]):
        api.user.create(email="a@example.org", username="tijdelijk", password=PASSWORD)
        grants.grant(library, "tijdelijk", date.today() + timedelta(days=30))
    # (no permission check here: borg.localrole caches roles for the rest of the request)
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_user(username="tijdelijk"):
        assert len(catalog(UID=project.UID())) == 1
    installer.uninstall_product(package_name)
    assert not installer.is_product_installed(package_name)
    return project


def traverse(role, path):
    portal = api.portal.get()
    with as_role(role):
        return portal.restrictedTraverse(path)


class TestAfterUninstall:
    def test_state_kept(self, uninstalled):
        assert review_state(uninstalled) == "do"

    @pytest.mark.parametrize("role", ["Editor", "Owner", "Reader", "Reviewer", "Manager"])
    def test_staff_still_views_project(self, uninstalled, role, http_request):
        project = traverse(role, "bieb/jaarplan-2026/voorlezen")
        assert project.Title() == "Voorlezen op de peuterspeelzaal"
        with as_role(role):
            data = getMultiAdapter((project, http_request), ISerializeToJson)()
        assert data["title"] == "Voorlezen op de peuterspeelzaal"
        assert data["indicators"][0]["name"] == "Voorleesuren"

    def test_editor_page_renders(self, uninstalled):
        with as_role("Editor"):
            html = uninstalled.restrictedTraverse("@@view")()
        assert "Voorlezen op de peuterspeelzaal" in html

    def test_editor_still_edits_running_project(self, uninstalled):
        with as_role("Editor"):
            assert api.user.has_permission("Modify portal content", obj=uninstalled)

    def test_editor_finds_it(self, uninstalled):
        catalog = api.portal.get_tool("portal_catalog")
        with as_role("Editor"):
            assert [b.getId for b in catalog(UID=uninstalled.UID())] == ["voorlezen"]

    @pytest.mark.parametrize(
        "path",
        [
            "bieb",
            "bieb/jaarplan-2026",
            "bieb/jaarplan-2026/voorlezen",
            "bieb/jaarplan-2026/voorlezen/bewijs",
        ],
    )
    @pytest.mark.parametrize("role", ["Anonymous", "Authenticated"])
    def test_outsiders_still_shut_out(self, uninstalled, role, path):
        with pytest.raises(Unauthorized):
            traverse(role, path)
        catalog = api.portal.get_tool("portal_catalog")
        with as_role(role):
            assert len(catalog(path="/plone/bieb")) == 0

    def test_auditor_still_no_drafts(self, uninstalled):
        with pytest.raises(Unauthorized):
            traverse("Auditor", "bieb/jaarplan-2026/voorlezen/bewijs")

    def test_time_limited_grants_ended(self, uninstalled):
        catalog = api.portal.get_tool("portal_catalog")
        with api.env.adopt_user(username="tijdelijk"):
            assert not api.user.has_permission("View", obj=uninstalled)
            assert len(catalog(UID=uninstalled.UID())) == 0
