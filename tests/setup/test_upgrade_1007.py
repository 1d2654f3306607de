"""Upgrade 1006 -> 1007: bibqual versions its own items (issue 16, the version counter).

A 1006 site had Plone's ``at_edit_autoversion`` on SmartProject, AssuranceProject and Evidence:
every first version took a history id from CMF's one site-wide counter. After the upgrade the
policy is off for those three types only (a Document keeps it), a project's versions so far are
still there, and a project added afterwards is versioned without writing the counter.
"""

from bibqual.content.history import FIRST_OWN_ID
from bibqual.ids import VERSIONED_TYPES
from datetime import date
from support.content import create
import pytest


AUTOVERSION = "at_edit_autoversion"


@pytest.fixture
def site_1006(portal, setup_tool, year_plan, project):
    """The test site as 1006 left it: autoversion on bibqual's types, a project with versions."""
    repository = portal.portal_repository
    for portal_type in VERSIONED_TYPES:
        repository.addPolicyForContentType(portal_type, AUTOVERSION)
    project.title = "Voorlezen, tweede versie"
    repository.save(project, comment="Tweede versie")
    setup_tool.setLastVersionForProfile("bibqual:default", "1006")
    return portal


def test_the_upgrade_takes_autoversion_off_bibquals_types_only(site_1006, setup_tool, project):
    repository = site_1006.portal_repository
    setup_tool.upgradeProfile("bibqual:default")
    assert setup_tool.getLastVersionForProfile("bibqual:default") == ("1007",)
    policies = repository.getPolicyMap()
    for portal_type in VERSIONED_TYPES:
        assert AUTOVERSION not in policies[portal_type]
        assert "version_on_revert" in policies[portal_type]
    assert AUTOVERSION in policies["Document"]
    assert len(repository.getHistoryMetadata(project)) == 2


def test_after_the_upgrade_new_projects_are_versioned_without_the_counter(
    site_1006, setup_tool, year_plan
):
    setup_tool.upgradeProfile("bibqual:default")
    before = site_1006.portal_uidgenerator._uid_counter
    added = create(
        year_plan,
        "SmartProject",
        "nieuw",
        title="Nieuw",
        specific="Iets",
        deadline=date(2026, 12, 1),
    )
    repository = site_1006.portal_repository
    assert len(repository.getHistoryMetadata(added)) == 1
    assert site_1006.portal_historyidhandler.queryUid(added) >= FIRST_OWN_ID
    assert site_1006.portal_uidgenerator._uid_counter == before
