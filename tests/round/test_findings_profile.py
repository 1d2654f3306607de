"""Audit reports and findings in the profiles: bibqual's pages as default views and
Plone's own view again after uninstalling; the report's Edit action is the
coordinator's; the catalog knows a finding's actions."""

from datetime import date
from support.content import create
from support.content import make_library
from support.workflows import as_role
from support.workflows import make_users
import pytest


@pytest.mark.parametrize(
    "portal_type, view", [("AuditReport", "audit-report-view"), ("Finding", "finding-view")]
)
def test_default_view_and_back_on_uninstall(portal, portal_type, view):
    fti = portal.portal_types[portal_type]
    assert fti.default_view == view
    assert view in fti.view_methods
    portal.portal_setup.runImportStepFromProfile("profile-bibqual:uninstall", "typeinfo")
    assert portal.portal_types[portal_type].default_view == "view"


def test_the_reports_edit_action_is_for_who_records_it(portal):
    """An auditor holds "Modify portal content" on a draft report (for its findings)
    but is offered no Edit of the report."""
    library = make_library(portal)
    make_users(library)
    certification = create(
        library, "Certification", "ronde", title="Ronde", certified_until=date(2027, 5, 31)
    )
    report = create(certification, "AuditReport", "rapport", title="Rapport")
    tool = portal.portal_actions

    def edit_offered(role):
        with as_role(role):
            actions = tool.listFilteredActionsFor(report)["object"]
        return "edit" in [action["id"] for action in actions]

    assert edit_offered("Reviewer")
    assert not edit_offered("Auditor")
    assert not edit_offered("Editor")


def test_catalog_knows_a_findings_actions(portal):
    catalog = portal.portal_catalog
    assert catalog._catalog.getIndex("action_uids").meta_type == "KeywordIndex"
    for column in ("action_uids", "last_adjusted"):
        assert column in catalog.schema()
