"""Quick check that a library can be made over REST on the functional site."""

import transaction


def test_rest_create_library(functional_portal, rest):
    response = rest("admin").post("/", json={"@type": "Library", "title": "Bibliotheek Zuid"})
    assert response.status_code == 201, response.text
    transaction.begin()
    assert "bibliotheek-zuid" in functional_portal.objectIds()
