"""The round's types in the profiles: bibqual's pages as default views, Plone's
own view again after uninstalling."""

import pytest


@pytest.mark.parametrize(
    "portal_type, view",
    [("Certification", "certification-view"), ("SelfAssessment", "self-assessment-view")],
)
def test_default_view_and_back_on_uninstall(portal, portal_type, view):
    fti = portal.portal_types[portal_type]
    assert fti.default_view == view
    assert view in fti.view_methods
    portal.portal_setup.runImportStepFromProfile("profile-bibqual:uninstall", "typeinfo")
    assert portal.portal_types[portal_type].default_view == "view"


def test_catalog_has_the_rounds_columns(portal):
    columns = portal.portal_catalog.schema()
    for name in ("certified_until", "norm_field", "kind", "due"):
        assert name in columns
