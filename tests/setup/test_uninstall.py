"""Uninstalling bibqual: existing libraries stay found and readable over REST; what
the reminders kept on the site is gone.

What uninstalling and reinstalling remove and bring back site-wide (indexes,
records, layer, configlet, addable types) and the Classic pages of bibqual's
content are compared in ``test_host_snapshot.py``.
"""

from bibqual.reminders import preferences
from bibqual.reminders import sent
from bibqual.reminders.items import EXPIRED
from bibqual.reminders.items import EXPIRY
from bibqual.reminders.items import Item
from datetime import date
from plone.restapi.interfaces import ISerializeToJson
from zope.annotation.interfaces import IAnnotations
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


class TestUninstallForgetsReminders:
    """What the reminders kept on the site (what was sent, opt-outs, calendar links)
    goes with bibqual: no ``bibqual.*`` annotation is left on the site."""

    @pytest.fixture
    def remembered(self, portal, library):
        preferences.set_opted_out(portal, "medewerker", True)
        secret = preferences.renew_calendar_secret(portal, "coordinator")
        item = Item(
            uid=library.UID(),
            kind=EXPIRY,
            threshold=EXPIRED,
            day=date(2026, 10, 1),
            title="Jaarverslag",
            url=library.absolute_url(),
            library_uid=library.UID(),
            library_title=library.Title(),
        )
        sent.mark_sent(portal, "coordinator", [item], date(2026, 12, 1))
        return secret, item

    def test_no_bibqual_annotation_left(self, portal, remembered, installer, package_name):
        assert bibqual_annotations(portal) == [preferences.KEY, sent.KEY]
        installer.uninstall_product(package_name)
        assert bibqual_annotations(portal) == []

    def test_reinstalled_site_forgot_links_and_sends(
        self, portal, remembered, installer, package_name
    ):
        secret, item = remembered
        installer.uninstall_product(package_name)
        installer.install_product(package_name)
        assert preferences.user_of_secret(portal, secret) is None
        assert preferences.opted_out(portal, "medewerker") is False
        assert sent.sent_on(portal, item, "coordinator") is None


def bibqual_annotations(portal):
    return sorted(key for key in IAnnotations(portal) if key.startswith("bibqual"))
