"""The add-on installs into an existing Plone site."""

from bibqual.interfaces import IBibqualLayer
import pytest


class TestInstall:
    def test_product_installed(self, installer, package_name):
        assert installer.is_product_installed(package_name) is True

    def test_browserlayer(self, browser_layers):
        assert IBibqualLayer in browser_layers

    def test_profile_version(self, setup_tool):
        assert setup_tool.getLastVersionForProfile("bibqual:default") == ("1007",)

    @pytest.mark.parametrize(
        "index",
        ["norm_fields", "core_functions", "year", "deadline", "responsible", "library_uid"],
    )
    def test_catalog_index(self, portal, index):
        assert index in portal.portal_catalog.indexes()


class TestInstalledSettings:
    def test_default_framework(self, kib_portal):
        """A new site is audited against CBCT Kwaliteit in Beeld (the tests' ``portal``
        has SCOB active, as a site upgraded from 1003)."""
        assert kib_portal.portal_registry["bibqual.active_framework"] == "cbct-kib"

    def test_no_extra_elements(self, portal):
        assert portal.portal_registry["bibqual.extra_norm_elements"] == []

    def test_configlet(self, controlpanel_actions):
        assert "bibqual-settings" in controlpanel_actions

    def test_library_addable_at_site_root(self, portal):
        from plone import api

        with api.env.adopt_roles(["Manager"]):
            assert "Library" in [fti.getId() for fti in portal.allowedContentTypes()]

    def test_auditor_role(self, portal):
        assert "Auditor" in portal.validRoles()

    @pytest.mark.parametrize("profile", ["bibqual:uninstall", "bibqual:demo"])
    def test_hidden_profiles(self, profile):
        from bibqual.setuphandlers.install import HiddenProfiles

        assert profile in HiddenProfiles().getNonInstallableProfiles()
