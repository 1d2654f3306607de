"""Quick check that the shared fixtures build a library, plan and project."""

import transaction


def test_project_fixture(project):
    assert project.portal_type == "SmartProject"
    assert project.indicators[0]["target"] == 40


def test_rest_create_library(functional_portal, rest):
    response = rest("admin").post("/", json={"@type": "Library", "title": "Bibliotheek Zuid"})
    assert response.status_code == 201, response.text
    transaction.begin()
    assert "bibliotheek-zuid" in functional_portal.objectIds()
