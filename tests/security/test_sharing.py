"""The sharing tab: the coordinator hands out the Auditor role, staff cannot.

Also: a time-limited grant shows up on the sharing tab as its virtual group,
and the page keeps working.
"""

from bibqual.audit import grants
from datetime import date
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from support import PASSWORD
from support.content import make_library
from support.workflows import make_users
import pytest
import transaction


NEWCOMER = "nieuw-lid"


@pytest.fixture(scope="class")
def library(site):
    library = make_library(site)
    make_users(library)
    with api.env.adopt_roles(["Manager"]):
        api.user.create(email="nieuw@example.org", username=NEWCOMER, password=PASSWORD)
        grants.grant(library, "wf-authenticated", date(2099, 12, 31))
    transaction.commit()
    return library


@pytest.mark.usefixtures("fresh")
class TestSharing:
    def share(self, session, role, library, roles):
        with api.env.adopt_roles(["Manager"]):
            library.manage_delLocalRoles([NEWCOMER])
        transaction.commit()
        response = session(role).post(
            "/bieb/@sharing",
            json={"entries": [{"id": NEWCOMER, "type": "user", "roles": {r: True for r in roles}}]},
        )
        transaction.begin()
        return response, set(library.get_local_roles_for_userid(NEWCOMER))

    @pytest.mark.parametrize("role", ["Reviewer", "Site Administrator", "Manager"])
    def test_coordinator_offers_auditor(self, library, session, role):
        response = session(role).get("/bieb/@sharing")
        assert response.status_code == 200
        assert "Auditor" in [r["id"] for r in response.json()["available_roles"]]

    @pytest.mark.parametrize("role", ["Reviewer", "Site Administrator", "Manager"])
    def test_coordinator_gives_auditor(self, library, session, role):
        response, roles = self.share(session, role, library, ["Auditor"])
        assert response.status_code == 204, response.text
        assert roles == {"Auditor"}

    @pytest.mark.parametrize("role", ["Editor", "Owner"])
    def test_staff_cannot_give_auditor(self, library, session, role):
        response = session(role).get("/bieb/@sharing")
        if response.status_code == 200:
            assert "Auditor" not in [r["id"] for r in response.json()["available_roles"]]
        response, roles = self.share(session, role, library, ["Auditor"])
        assert "Auditor" not in roles

    @pytest.mark.parametrize("role", ["Auditor", "Reader", "Contributor", "Authenticated"])
    def test_others_cannot_share(self, library, session, role):
        response, roles = self.share(session, role, library, ["Auditor", "Editor", "Reviewer"])
        assert response.status_code in (401, 403), response.text
        assert roles == set()

    def test_auditor_cannot_raise_himself(self, library, session):
        response = session("Auditor").post(
            "/bieb/@sharing",
            json={"entries": [{"id": "wf-auditor", "type": "user", "roles": {"Editor": True}}]},
        )
        assert response.status_code in (401, 403)
        transaction.begin()
        assert "Editor" not in library.get_local_roles_for_userid("wf-auditor")

    def test_sharing_page_renders_with_grant(self, library, functional_app_class):
        from plone.testing.zope import Browser

        browser = Browser(functional_app_class)
        browser.handleErrors = False
        browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        browser.open(f"{library.absolute_url()}/@@sharing")
        assert "Can audit (read-only)" in browser.contents
        assert "wf-auditor" in browser.contents

    def test_sharing_rest_lists_grant_group(self, library, session):
        response = session("admin").get("/bieb/@sharing")
        assert response.status_code == 200
        entries = {entry["id"]: entry for entry in response.json()["entries"]}
        transaction.begin()
        plugin = library.acl_users.bibqual_audit_grants
        group = plugin.group_for_library(library.UID())
        assert group.startswith("bibqual-audit-")
        assert library.UID() not in group  # not derivable from the public UID
        assert entries[group]["roles"]["Auditor"] is True
        assert entries[group]["type"] == "group"
        assert entries[group]["title"] == f"Auditors van {library.Title()}"
