"""Uninstalling bibqual: existing libraries stay found and readable over REST.

What uninstalling and reinstalling remove and bring back site-wide (indexes,
records, layer, configlet, addable types) and the Classic pages of bibqual's
content are compared in ``test_host_snapshot.py``.
"""

from plone.restapi.interfaces import ISerializeToJson
from zope.component import getMultiAdapter
import pytest


class TestUninstall:
    @pytest.fixture(autouse=True)
    def _uninstalled(self, library, installer, package_name):
        """A library made while bibqual was installed, then bibqual uninstalled."""
        installer.uninstall_product(package_name)

    def test_product_uninstalled(self, installer, package_name):
        assert installer.is_product_installed(package_name) is False

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

    def test_registry_defaults_back(self, portal):
        # a reinstall is a new install: the default framework of new sites
        assert portal.portal_registry["bibqual.active_framework"] == "cbct-kib"
        assert portal.portal_registry["bibqual.extra_norm_elements"] == []
