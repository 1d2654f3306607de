"""Security issue 9, finding 10: a rollover copies only what the requester may see.

The attacker is a staff member (Editor and Contributor on the library) who may
roll the library's year plan over, but who cannot see one project in that plan
(its owner blocked the inherited roles). Over REST the rollover must neither
copy that project's texts into the new plan nor tell that the project exists.
"""

from plone import api
from support import PASSWORD
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.content import make_user
from support.content import transition
import pytest
import transaction


SECRET_TITLE = "Vertrouwelijk personeelstraject"
SECRET_TEXT = "Reorganisatie van de uitleenbalie met twee gedwongen ontslagen."
HIDDEN_CANCELLED_TEXT = "Geschrapt: sluiting van filiaal Oost."


def _project(plan, item_id, title, specific, steps=()):
    project = make_project(
        plan, item_id, title=title, specific=specific, evaluation=None, norm_fields=[]
    )
    return transition(project, steps)


def _hide(project, owner):
    """Only ``owner`` (and Managers) see ``project``: the inherited roles are blocked."""
    api.user.grant_roles(username=owner, obj=project, roles=["Owner"])
    project.changeOwnership(api.user.get(userid=owner).getUser())
    project.__ac_local_roles_block__ = True
    project.reindexObjectSecurity()


@pytest.fixture
def library(functional_portal):
    """Library ``bieb`` with plan 2026: one project staff may see, one open and one
    cancelled project hidden from staff; ``anna`` is staff (Editor, Contributor)."""
    make_user("directeur")
    library = make_library(functional_portal, "bieb", title="Bibliotheek")
    make_user("anna", [(library, ["Editor", "Contributor"])])
    plan = make_plan(library, 2026, spearheads=[])
    with api.env.adopt_roles(["Manager"]):
        _project(plan, "taalcafe", "Taalcafé", "Wekelijks een taalcafé voor anderstaligen.")
        _hide(_project(plan, "geheim", SECRET_TITLE, SECRET_TEXT), "directeur")
        _hide(
            _project(plan, "geschrapt", "Filiaal Oost", HIDDEN_CANCELLED_TEXT, ("cancel",)),
            "directeur",
        )
    transaction.commit()
    return library


def test_staff_member_cannot_see_the_hidden_project(rest, library):
    """The premise of the attack: anna sees the plan but not the hidden project."""
    anna = rest("anna", PASSWORD)
    assert anna.get("/bieb/jaarplan-2026").status_code == 200
    assert anna.get("/bieb/jaarplan-2026/taalcafe").status_code == 200
    assert anna.get("/bieb/jaarplan-2026/geheim").status_code in (401, 403, 404)


def test_rollover_copies_only_visible_projects(rest, library):
    anna = rest("anna", PASSWORD)
    response = anna.post("/bieb/@rollover", json={"from_year": 2026, "to_year": 2027})
    assert response.status_code == 201, response.text
    answer = response.json()
    assert [item["title"] for item in answer["copied"]] == ["Taalcafé"]
    # The hidden cancelled project is not counted among the skipped ones either.
    assert answer["skipped"] == 0
    assert SECRET_TITLE not in response.text
    assert SECRET_TEXT not in response.text

    transaction.begin()
    new_plan = library[answer["@id"].rsplit("/", 1)[-1]]
    copies = [obj for obj in new_plan.objectValues() if obj.portal_type == "SmartProject"]
    assert [copy.Title() for copy in copies] == ["Taalcafé"]
    texts = " ".join(f"{copy.Title()} {copy.specific}" for copy in copies)
    assert SECRET_TEXT not in texts
    assert SECRET_TITLE not in texts

    # What anna may list in the new plan holds no trace of the hidden project either.
    listing = anna.get(f"{answer['@id']}?fullobjects=1")
    assert listing.status_code == 200
    assert SECRET_TEXT not in listing.text
    assert SECRET_TITLE not in listing.text


def test_rollover_by_the_owner_still_copies_the_hidden_project(rest, library):
    """The owner sees the project, so it is carried over for them."""
    with api.env.adopt_roles(["Manager"]):
        api.user.grant_roles(username="directeur", obj=library, roles=["Editor", "Contributor"])
        library.reindexObjectSecurity()
    transaction.commit()
    directeur = rest("directeur", PASSWORD)
    response = directeur.post("/bieb/@rollover", json={"from_year": 2026})
    assert response.status_code == 201, response.text
    answer = response.json()
    assert sorted(item["title"] for item in answer["copied"]) == sorted([SECRET_TITLE, "Taalcafé"])
    assert answer["skipped"] == 1


def test_plan_the_requester_cannot_see_is_not_rolled_over(rest, library):
    """A year plan hidden from the requester is treated as absent: nothing is created."""
    with api.env.adopt_roles(["Manager"]):
        plan = library["jaarplan-2026"]
        plan.__ac_local_roles_block__ = True
        plan.reindexObjectSecurity()
    transaction.commit()
    anna = rest("anna", PASSWORD)
    response = anna.post("/bieb/@rollover", json={"from_year": 2026})
    assert response.status_code == 400, response.text
    assert SECRET_TITLE not in response.text
    transaction.begin()
    assert sorted(library.objectIds()) == ["jaarplan-2026"]
