"""Upgrade 1003 -> 1004: the norm framework settings; a site keeps the framework it uses.

Until 1003 the default framework was the SCOB 3rd round; a new site now starts on
CBCT Kwaliteit in Beeld.
"""

from plone.registry.interfaces import IRegistry
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from zope.component import getUtility
import pytest


ACTIVE = "bibqual.active_framework"
NEW_RECORDS = ("bibqual.framework_files", "bibqual.norm_mappings", "bibqual.norm_modules")


@pytest.fixture
def site_1003(portal, setup_tool):
    """The test site as bibqual 1003 left it: none of the new records."""
    records = getUtility(IRegistry).records
    for name in NEW_RECORDS:
        del records[name]
    setup_tool.setLastVersionForProfile("bibqual:default", "1003")
    return portal


def upgrade(setup_tool):
    setup_tool.upgradeProfile("bibqual:default")
    assert setup_tool.getLastVersionForProfile("bibqual:default") == ("1004",)


def test_a_site_on_scob_stays_on_scob(site_1003, setup_tool):
    registry = getUtility(IRegistry)
    assert registry[ACTIVE] == "scob3"
    upgrade(setup_tool)
    assert registry[ACTIVE] == "scob3"
    assert registry["bibqual.framework_files"] == []
    assert registry["bibqual.norm_modules"] == []
    assert "scob3->cbct-kib|collectie|producten-en-diensten" in registry["bibqual.norm_mappings"]


def test_a_site_that_chose_kib_stays_on_kib(site_1003, setup_tool):
    registry = getUtility(IRegistry)
    registry[ACTIVE] = "cbct-kib"
    upgrade(setup_tool)
    assert registry[ACTIVE] == "cbct-kib"


def test_without_the_record_scob_tags_keep_scob(site_1003, setup_tool):
    """A site that lost the record (an old or partial install) but tagged under SCOB."""
    make_project(make_plan(make_library(site_1003)), "p", norm_fields=["collectie"])
    del getUtility(IRegistry).records[ACTIVE]
    upgrade(setup_tool)
    assert getUtility(IRegistry)[ACTIVE] == "scob3"


def test_without_the_record_and_tags_the_new_default(site_1003, setup_tool):
    make_project(make_plan(make_library(site_1003)), "p", norm_fields=["middelen"])
    del getUtility(IRegistry).records[ACTIVE]
    upgrade(setup_tool)
    assert getUtility(IRegistry)[ACTIVE] == "cbct-kib"


def test_a_new_site_is_on_kwaliteit_in_beeld(kib_portal):
    registry = kib_portal.portal_registry
    assert registry[ACTIVE] == "cbct-kib"
    setup = kib_portal.portal_setup
    assert setup.getLastVersionForProfile("bibqual:default") == ("1004",)
    assert "scob3->cbct-kib|netwerk|samenwerking" in registry["bibqual.norm_mappings"]
