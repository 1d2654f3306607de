"""The audit-access page shows everyone who can audit the library, and ends each one.

Before issue 15 the page listed only time-limited grants: an Auditor role from the
sharing tab (the demo's `auditor`) was not shown, and "End access" left it in place.
Now sharing-tab roles (on the library or inherited from above, of users and of groups
with their members) are listed and ended too, and an ended grant stays as history.
"""

from bibqual.audit import access
from bibqual.audit import grants
from datetime import date
from datetime import timedelta
from plone import api
from support import PASSWORD
from support.content import make_library
from support.workflows import make_users
import pytest
import transaction


def future(days=30):
    return (date.today() + timedelta(days=days)).isoformat()


def make_user(userid, fullname):
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            email=f"{userid}@example.org",
            username=userid,
            password=PASSWORD,
            properties={"fullname": fullname},
        )


def build(portal):
    """A library in a folder; a user with a sharing-tab Auditor role on the library, a
    group with one on the folder above (one member), and a user with a grant."""
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(container=portal, type="Folder", id="regio", title="Regio")
    library = make_library(folder)
    make_users(library)  # wf-auditor: Auditor on the sharing tab of the library
    make_user("vaste-auditor", "Vaste Auditor")
    make_user("groepslid", "Groeps Lid")
    make_user("tijdelijk", "Tijdelijke Auditor")
    with api.env.adopt_roles(["Manager"]):
        api.group.create(groupname="auditoren-regio", title="Auditoren regio")
        api.group.add_user(groupname="auditoren-regio", username="groepslid")
        api.user.grant_roles(username="vaste-auditor", obj=library, roles=["Auditor"])
        api.group.grant_roles(groupname="auditoren-regio", obj=folder, roles=["Auditor"])
        folder.reindexObjectSecurity()
        grants.grant(library, "tijdelijk", future())
    return library


def can_view(userid, obj):
    from zope.annotation.interfaces import IAnnotations
    from zope.globalrequest import getRequest

    annotations = IAnnotations(getRequest())
    for key in [k for k in annotations if str(k).startswith("borg.localrole")]:
        del annotations[key]
    with api.env.adopt_user(username=userid):
        return api.user.has_permission("View", obj=obj)


class TestEveryone:
    @pytest.fixture
    def library(self, portal):
        return build(portal)

    def test_lists_grants_sharing_roles_and_groups(self, library):
        with api.env.adopt_roles(["Manager"]):
            items = access.auditors(library)
        by_user = {item["user"]: item for item in items}
        assert [item["user"] for item in items] == [
            "tijdelijk",
            "auditoren-regio",
            "vaste-auditor",
            "wf-auditor",
        ]
        assert by_user["tijdelijk"]["kind"] == "grant"
        assert by_user["vaste-auditor"]["until"] is None
        assert by_user["vaste-auditor"]["inherited"] is False
        group = by_user["auditoren-regio"]
        assert (group["type"], group["fullname"], group["members"]) == (
            "group",
            "Auditoren regio",
            ["Groeps Lid"],
        )
        assert group["inherited"] is True and group["where_title"] == "Regio"

    def test_ending_a_sharing_role_ends_access(self, library):
        assert can_view("vaste-auditor", library)
        with api.env.adopt_roles(["Manager"]):
            assert access.end_access(library, "vaste-auditor") is True
        assert not can_view("vaste-auditor", library)
        assert "vaste-auditor" not in dict(library.get_local_roles())
        with api.env.adopt_roles(["Manager"]):
            assert access.end_access(library, "vaste-auditor") is False

    def test_ending_keeps_other_roles(self, library):
        with api.env.adopt_roles(["Manager"]):
            api.user.grant_roles(username="vaste-auditor", obj=library, roles=["Reader"])
            access.end_access(library, "vaste-auditor")
        assert library.get_local_roles_for_userid("vaste-auditor") == ("Reader",)

    def test_ending_a_grant_keeps_it_as_history(self, library):
        assert can_view("tijdelijk", library)
        with api.env.adopt_roles(["Manager"]):
            assert access.end_access(library, "tijdelijk") is True
            past = [item for item in access.auditors(library) if item["user"] == "tijdelijk"]
        assert not can_view("tijdelijk", library)
        assert past[0]["active"] is False
        assert past[0]["until"] == (date.today() - timedelta(days=1)).isoformat()

    def test_coordinator_cannot_end_a_role_given_above(self, library):
        """The group's role is on the folder above; the coordinator may not share there."""
        from bibqual.errors import BibqualError

        assert can_view("groepslid", library)
        with api.env.adopt_user(username="wf-reviewer"):
            with pytest.raises(BibqualError) as refused:
                access.end_access(library, "auditoren-regio")
        assert refused.value.status == 403
        assert can_view("groepslid", library)
        with api.env.adopt_roles(["Manager"]):
            assert access.end_access(library, "auditoren-regio") is True
        assert not can_view("groepslid", library)


@pytest.mark.usefixtures("fresh")
class TestRest:
    @pytest.fixture(scope="class")
    def library(self, site):
        library = build(site)
        transaction.commit()
        return library

    def test_get_lists_everyone(self, library, session):
        response = session("Reviewer").get("/regio/bieb/@audit-access")
        assert response.status_code == 200
        items = {item["user"]: item for item in response.json()["items"]}
        assert items["vaste-auditor"]["kind"] == "sharing"
        assert items["vaste-auditor"]["until"] is None
        assert items["auditoren-regio"]["members"] == ["Groeps Lid"]

    def test_delete_ends_a_sharing_role(self, library, session, site):
        auditor = session("Anonymous").__class__(site.absolute_url())
        auditor.headers.update({"Accept": "application/json"})
        auditor.auth = ("wf-auditor", PASSWORD)
        assert auditor.get("/regio/bieb").status_code == 200
        response = session("Reviewer").delete(
            "/regio/bieb/@audit-access", json={"user": "wf-auditor"}
        )
        assert response.status_code == 204, response.text
        assert auditor.get("/regio/bieb").status_code == 401
        response = session("Reviewer").delete(
            "/regio/bieb/@audit-access", json={"user": "wf-auditor"}
        )
        assert response.status_code == 404
        auditor.close()

    def test_delete_of_a_role_above_refused_for_the_coordinator(self, library, session):
        response = session("Reviewer").delete(
            "/regio/bieb/@audit-access", json={"group": "auditoren-regio"}
        )
        assert response.status_code == 403
        assert "Regio" in response.json()["error"]["message"]
        items = session("Reviewer").get("/regio/bieb/@audit-access").json()["items"]
        assert "auditoren-regio" in [item["user"] for item in items]


def test_demo_auditor_has_a_time_limited_grant(demo_integration):
    """The demo gives `auditor` 60 days of audit access, not a permanent sharing role."""
    library = demo_integration["portal"]["bibliotheek-westfriesland-noord"]
    with api.env.adopt_roles(["Manager"]):
        items = access.auditors(library)
    assert [(i["user"], i["kind"], i["until"]) for i in items] == [
        ("auditor", "grant", (date.today() + timedelta(days=60)).isoformat())
    ]
    assert "auditor" not in dict(library.get_local_roles())
    assert can_view("auditor", library)
