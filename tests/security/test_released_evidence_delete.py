"""Finding 5: staff cannot destroy released evidence by deleting what holds it.

The attack: a staff member takes ``replan`` (act -> plan), where staff may delete
the project, then ``DELETE``s it, and the evidence the coordinator released for
the audit goes with it. Now that is refused for staff (403 with the reason,
nothing deleted), for projects and assurance projects alike; the coordinator
may delete and the Classic confirmation page warns them first.
"""

from plone import api
from plone.testing.zope import Browser
from support import PASSWORD
from support.content import make_assurance
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.workflows import make_users
from support.workflows import user_id
from support.workflows import walk
import pytest
import transaction


def build(portal, evidence_steps=("release",)):
    library = make_library(portal)
    make_users(library)
    plan = make_plan(library)
    project = make_project(plan, "project")
    walk(make_evidence(project, "bewijs"), evidence_steps)
    walk(project, ["start", "evaluate", "adjust"])
    assurance = make_assurance(library, "borging")
    walk(make_evidence(assurance, "borgingsbewijs"), evidence_steps)
    transaction.commit()
    return library


@pytest.fixture
def library(functional_portal):
    return build(functional_portal)


def ids(obj):
    transaction.begin()
    return list(obj.objectIds())


@pytest.mark.parametrize("role", ["Editor", "Owner"])
@pytest.mark.parametrize(
    "steps", [("release",), ("release", "archive")], ids=["released", "archived"]
)
def test_staff_cannot_delete_a_project_with_released_evidence(functional_portal, rest, role, steps):
    library = build(functional_portal, steps)
    with api.env.adopt_roles(["Manager"]):
        library["jaarplan-2026"]["project"].manage_setLocalRoles(user_id("Owner"), ["Owner"])
    transaction.commit()
    staff = rest(user_id(role), PASSWORD)
    replan = staff.post("/bieb/jaarplan-2026/project/@workflow/replan")
    assert replan.status_code == 200, replan.text
    response = staff.delete("/bieb/jaarplan-2026/project")
    assert response.status_code == 403, response.text
    assert "coordinator" in response.json()["message"]
    assert ids(library["jaarplan-2026"]) == ["project"]
    assert ids(library["jaarplan-2026"]["project"]) == ["bewijs"]


def test_staff_cannot_delete_an_assurance_project_with_released_evidence(library, rest):
    response = rest(user_id("Editor"), PASSWORD).delete("/bieb/borging")
    assert response.status_code == 403, response.text
    assert ids(library["borging"]) == ["borgingsbewijs"]


def test_staff_still_delete_a_project_with_draft_evidence_only(functional_portal, rest):
    library = build(functional_portal, evidence_steps=())
    staff = rest(user_id("Editor"), PASSWORD)
    assert staff.post("/bieb/jaarplan-2026/project/@workflow/replan").status_code == 200
    response = staff.delete("/bieb/jaarplan-2026/project")
    assert response.status_code == 204, response.text
    assert ids(library["jaarplan-2026"]) == []


def test_coordinator_may_delete(library, rest):
    response = rest(user_id("Reviewer"), PASSWORD).delete("/bieb/borging")
    assert response.status_code == 204, response.text
    assert "borging" not in ids(library)


def _confirmation(app, role):
    browser = Browser(app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {user_id(role)}:{PASSWORD}")
    browser.open("http://nohost/plone/bieb/borging/delete_confirmation")
    return browser.contents


def test_confirmation_page_warns_the_coordinator(library, functional_app):
    page = _confirmation(functional_app, "Reviewer")
    assert "bq-evidence-delete-note" in page
    assert "will be deleted with it" in page


def test_confirmation_page_tells_staff_they_cannot(library, functional_app):
    page = _confirmation(functional_app, "Editor")
    assert "Only the quality coordinator can delete it" in page
