"""Finding 2: nobody becomes an auditor by taking the name of an auditor group.

The attack: with self-registration on (an ordinary setting), anonymous registers
the user ``bibqual-audit-<library UID>`` (UIDs are shown to every member by
``@similar-projects``) and, in bibqual 1.0, got the library's Auditor role with
no end date. Now the auditor group of a library has a random id, is a real group
to Plone (enumerated, so its id cannot be registered; found by ``portal_groups``
and ``@users``), and a deleted user's grants do not pass to a newcomer with the
same id.
"""

from bibqual.audit import grants
from bibqual.audit.plugin import PLUGIN_ID
from bibqual.audit.plugin import legacy_group_id
from datetime import date
from plone import api
from support import PASSWORD
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.workflows import walk
import pytest
import transaction


GRANTEE = "extern-auditor"


def open_registration(portal):
    api.portal.set_registry_record("plone.enable_self_reg", True)
    api.portal.set_registry_record("plone.enable_user_pwd_choice", True)
    portal.manage_permission("Add portal member", roles=["Anonymous", "Manager"], acquire=0)


@pytest.fixture
def library(functional_portal):
    library = make_library(functional_portal)
    plan = make_plan(library)
    walk(make_project(plan, "project"), ["start"])
    walk(plan, ["adopt"])
    walk(make_evidence(library, "bewijs"), ["release"])
    with api.env.adopt_roles(["Manager"]):
        api.user.create(email="a@certificering.example", username=GRANTEE, password=PASSWORD)
        grants.grant(library, GRANTEE, date(2099, 12, 31))
    open_registration(functional_portal)
    transaction.commit()
    return library


def register(rest, username):
    return rest().post(
        "/@users",
        json={"username": username, "email": f"{username}@example.org", "password": PASSWORD},
    )


def sees_library(rest, username):
    session = rest(username, PASSWORD)
    page = session.get("/bieb").status_code == 200
    found = session.get("/@search", params={"path": "/plone/bieb"}).json()["items_total"]
    return page or found > 0


def group_of(library):
    transaction.begin()
    return library.acl_users[PLUGIN_ID].group_for_library(library.UID())


def test_the_uid_name_gives_nothing(library, rest):
    name = legacy_group_id(library.UID())
    response = register(rest, name)
    assert response.status_code == 201, response.text
    assert not sees_library(rest, name)
    assert sees_library(rest, GRANTEE)


def test_the_real_group_id_cannot_be_registered(library, rest):
    group = group_of(library)
    assert library.UID() not in group
    response = register(rest, group)
    assert response.status_code == 400, response.text
    transaction.begin()
    assert api.user.get(userid=group) is None


def test_the_group_is_real_to_plone(library, rest):
    group = group_of(library)
    found = api.group.get(groupname=group)
    assert found is not None
    assert found.getProperty("title") == f"Auditors van {library.Title()}"
    assert [user.getId() for user in api.user.get_users(groupname=group)] == [GRANTEE]
    admin = rest("admin")
    assert admin.get(f"/@groups/{group}").status_code == 200
    # the grantee's own entry, as Volto's toolbar reads it on every page
    own = rest(GRANTEE, PASSWORD).get(f"/@users/{GRANTEE}")
    assert own.status_code == 200, own.text
    assert admin.get("/@users").status_code == 200


def test_a_new_user_with_a_deleted_grantees_id_inherits_nothing(library, rest):
    with api.env.adopt_roles(["Manager"]):
        api.user.delete(username=GRANTEE)
        api.user.create(email="nieuw@example.org", username=GRANTEE, password=PASSWORD)
    transaction.commit()
    assert not sees_library(rest, GRANTEE)


def test_upgrade_takes_over_legacy_group(library, rest):
    """A site of bibqual 1.0: the role sat on the UID-named group, and someone took the name."""
    legacy = legacy_group_id(library.UID())
    with api.env.adopt_roles(["Manager"]):
        library.manage_delLocalRoles([group_of(library)])
        library.manage_addLocalRoles(legacy, ["Auditor"])
        library.reindexObjectSecurity()
        api.user.create(email="kaper@example.org", username=legacy, password=PASSWORD)
    transaction.commit()
    assert sees_library(rest, legacy)  # the hole as it was
    assert not sees_library(rest, GRANTEE)

    grants.take_over_legacy_groups(api.portal.get())
    transaction.commit()
    assert not sees_library(rest, legacy)
    assert sees_library(rest, GRANTEE)
