"""The add-on installs into an existing Plone site."""

from bibqual.interfaces import IBibqualLayer
import pytest


class TestInstall:
    def test_product_installed(self, installer, package_name):
        assert installer.is_product_installed(package_name) is True

    def test_browserlayer(self, browser_layers):
        assert IBibqualLayer in browser_layers

    def test_profile_version(self, setup_tool):
        assert setup_tool.getLastVersionForProfile("bibqual:default") == ("1000",)

    @pytest.mark.parametrize(
        "index",
        ["norm_fields", "core_functions", "year", "deadline", "responsible", "library_uid"],
    )
    def test_catalog_index(self, portal, index):
        assert index in portal.portal_catalog.indexes()
