"""Uninstalling bibqual removes its registrations; existing libraries stay readable."""

from bibqual.interfaces import IBibqualLayer
from plone.restapi.interfaces import ISerializeToJson
from zope.component import getMultiAdapter
import pytest


RECORDS = [
    "bibqual.active_framework",
    "bibqual.extra_norm_elements",
    "bibqual.framework_files",
    "bibqual.norm_mappings",
    "bibqual.norm_modules",
]


def addable_types(portal):
    """What a Manager may add at the site root."""
    from plone import api

    with api.env.adopt_roles(["Manager"]):
        return [fti.getId() for fti in portal.allowedContentTypes()]


class TestUninstall:
    @pytest.fixture(autouse=True)
    def _uninstalled(self, library, installer, package_name):
        """A library made while bibqual was installed, then bibqual uninstalled."""
        installer.uninstall_product(package_name)

    def test_product_uninstalled(self, installer, package_name):
        assert installer.is_product_installed(package_name) is False

    def test_browserlayer_removed(self, browser_layers):
        assert IBibqualLayer not in browser_layers

    def test_configlet_removed(self, controlpanel_actions):
        assert "bibqual-settings" not in controlpanel_actions

    @pytest.mark.parametrize("record", RECORDS)
    def test_registry_record_removed(self, portal, record):
        assert record not in portal.portal_registry

    @pytest.mark.parametrize("index", ["norm_fields", "library_uid", "deadline", "next_review"])
    def test_catalog_index_removed(self, portal, index):
        assert index not in portal.portal_catalog.indexes()

    def test_library_not_addable_at_site_root(self, portal):
        assert "Library" not in addable_types(portal)
        assert "Document" in addable_types(portal)

    def test_library_still_there(self, portal):
        library = portal.restrictedTraverse("bieb")
        assert library.portal_type == "Library"
        assert library.Title() == "Bibliotheek Noorderkwartier"
        assert library.municipalities == ["Alkmaar", "Heiloo"]

    def test_library_rest_representation(self, portal, http_request):
        library = portal.restrictedTraverse("bieb")
        data = getMultiAdapter((library, http_request), ISerializeToJson)()
        assert data["title"] == "Bibliotheek Noorderkwartier"
        assert data["municipalities"] == ["Alkmaar", "Heiloo"]
        assert data["@type"] == "Library"

    def test_library_page_still_renders(self, portal):
        html = portal.restrictedTraverse("bieb/@@view")()
        assert "Bibliotheek Noorderkwartier" in html
        assert "Alkmaar" in html

    def test_library_still_found(self, portal, library):
        brains = portal.portal_catalog(portal_type="Library", UID=library.UID())
        assert [brain.Title for brain in brains] == ["Bibliotheek Noorderkwartier"]


class TestUninstallWithProject:
    def test_project_still_readable(self, project, installer, package_name, http_request):
        installer.uninstall_product(package_name)
        data = getMultiAdapter((project, http_request), ISerializeToJson)()
        assert data["title"] == "Voorlezen op de peuterspeelzaal"
        assert data["indicators"][0]["name"] == "Voorleesuren"


class TestReinstall:
    @pytest.fixture(autouse=True)
    def _reinstalled(self, library, installer, package_name):
        installer.uninstall_product(package_name)
        installer.install_product(package_name)

    def test_product_installed(self, installer, package_name):
        assert installer.is_product_installed(package_name) is True

    def test_browserlayer_back(self, browser_layers):
        assert IBibqualLayer in browser_layers

    def test_configlet_back(self, controlpanel_actions):
        assert "bibqual-settings" in controlpanel_actions

    def test_registry_defaults_back(self, portal):
        # a reinstall is a new install: the default framework of new sites
        assert portal.portal_registry["bibqual.active_framework"] == "cbct-kib"
        assert portal.portal_registry["bibqual.extra_norm_elements"] == []

    def test_library_addable_again(self, portal):
        assert "Library" in addable_types(portal)

    def test_old_library_indexed_again(self, portal, library):
        brains = portal.portal_catalog(library_uid=library.UID())
        assert [brain.getId for brain in brains] == ["bieb"]
        assert brains[0].library_title == "Bibliotheek Noorderkwartier"
