"""Upgrade 1004 -> 1005: the four settings of the reminder mails join the registry.

A 1004 site has none of the records; after the upgrade they hold their defaults
(reminders on; 14, 30 and 90 days), a value a site already has stays, and nothing
else of the site changes: the other registry values, the catalog's indexes and
columns, the types, the workflows and their chains, the site's annotations.
"""

from bibqual.upgrades.v1005.settings import REMINDER_RECORDS
from plone.registry import field
from plone.registry.interfaces import IRegistry
from plone.registry.record import Record
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility
import pytest


DEFAULTS = {
    "bibqual.reminders_enabled": True,
    "bibqual.reminder_deadline_days": 14,
    "bibqual.reminder_review_days": 30,
    "bibqual.reminder_expiry_days": 90,
}


@pytest.fixture
def site_1004(portal, setup_tool):
    """The test site as bibqual 1004 left it: no reminder records."""
    records = getUtility(IRegistry).records
    for name in REMINDER_RECORDS:
        del records[f"bibqual.{name}"]
    setup_tool.setLastVersionForProfile("bibqual:default", "1004")
    return portal


def everything_else(portal):
    """What the 1005 upgrade must leave alone."""
    registry = getUtility(IRegistry)
    catalog = portal.portal_catalog
    workflows = portal.portal_workflow
    return {
        "registry": {
            name: registry.records[name].value for name in registry.records if name not in DEFAULTS
        },
        "indexes": sorted(catalog.indexes()),
        "columns": sorted(catalog.schema()),
        "types": sorted(portal.portal_types.objectIds()),
        "workflows": sorted(workflows.objectIds()),
        "chains": dict(workflows._chains_by_type),
        "annotations": sorted(IAnnotations(portal)),
    }


def upgrade(setup_tool):
    setup_tool.upgradeProfile("bibqual:default")
    assert setup_tool.getLastVersionForProfile("bibqual:default") == (
        setup_tool.getVersionForProfile("bibqual:default"),
    )


def test_the_upgrade_adds_the_records_with_their_defaults(site_1004, setup_tool):
    registry = getUtility(IRegistry)
    assert [name for name in DEFAULTS if name in registry.records] == []
    upgrade(setup_tool)
    assert {name: registry[name] for name in DEFAULTS} == DEFAULTS


def test_nothing_else_changes(site_1004, setup_tool):
    before = everything_else(site_1004)
    upgrade(setup_tool)
    assert everything_else(site_1004) == before


def test_a_value_the_site_has_stays(site_1004, setup_tool):
    """A site that has one of the records (a partial install) keeps its value."""
    records = getUtility(IRegistry).records
    records["bibqual.reminder_expiry_days"] = Record(field.Int(title="Expiry days"), 60)
    upgrade(setup_tool)
    registry = getUtility(IRegistry)
    assert registry["bibqual.reminder_expiry_days"] == 60
    assert registry["bibqual.reminder_deadline_days"] == 14
