"""Time-limited audit access: who may grant it, bad input, and that it ends by itself.

The quality coordinator (Reviewer on the library) grants a user Auditor access
up to and including a date, over REST (``@audit-access``) or the Classic UI
form (``@@audit-access``, CSRF-protected). The day after, the user sees nothing
of the library any more: no pages, no search results, without any reindexing.
"""

from bibqual.audit import grants
from datetime import date
from datetime import timedelta
from plone import api
from support import PASSWORD
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.workflows import ROLES
from support.workflows import make_users
from support.workflows import walk
import pytest
import transaction


AUDITEE = "extern-auditor"
D = date(2026, 5, 20)
MANAGERS = {"Reviewer", "Site Administrator", "Manager"}
BIBQUAL_TYPES = ["Library", "YearPlan", "SmartProject", "AssuranceProject", "Evidence"]


def build(portal):
    """Library with an adopted plan, a running project, released and draft evidence."""
    library = make_library(portal)
    make_users(library)
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            email="auditor@certificering.example",
            username=AUDITEE,
            password=PASSWORD,
            properties={"fullname": "Extern Auditor"},
        )
    plan = make_plan(library)
    project = make_project(plan, "project")
    walk(project, ["start"])
    walk(plan, ["adopt"])
    walk(make_evidence(library, "bewijs-released"), ["release"])
    make_evidence(library, "bewijs-draft")
    make_project(make_plan(library, 2027), "concept")
    return library


def future(days=30):
    return (date.today() + timedelta(days=days)).isoformat()


def new_request():
    """Forget what this request cached, as the next request would.

    borg.localrole keeps local-role checks on the request; a real user's next
    page is a new request, so the integration test drops that cache.
    """
    from zope.annotation.interfaces import IAnnotations
    from zope.globalrequest import getRequest

    annotations = IAnnotations(getRequest())
    for key in [k for k in annotations if str(k).startswith("borg.localrole")]:
        del annotations[key]


@pytest.fixture
def frozen(monkeypatch):
    """``frozen(day)`` sets the date the grants are checked against."""

    def freeze(day):
        monkeypatch.setattr("bibqual.clock.today", lambda: day)

    return freeze


class TestExpiry:
    """Integration: a grant up to D works on D and ends on D+1 by itself."""

    @pytest.fixture
    def library(self, portal, frozen):
        frozen(D - timedelta(days=10))
        library = build(portal)
        with api.env.adopt_roles(["Manager"]):
            grants.grant(library, AUDITEE, D)
        return library

    def visible(self):
        catalog = api.portal.get_tool("portal_catalog")
        with api.env.adopt_user(username=AUDITEE):
            return {b.getPath().split("/bieb", 1)[1] for b in catalog(portal_type=BIBQUAL_TYPES)}

    def traverse(self, library, path):
        portal = api.portal.get()
        with api.env.adopt_user(username=AUDITEE):
            return portal.restrictedTraverse(f"bieb{path}")

    @pytest.mark.parametrize("days_before", [10, 1, 0])
    def test_sees_what_an_auditor_sees_until_d(self, library, frozen, days_before):
        frozen(D - timedelta(days=days_before))
        assert self.visible() == {
            "",
            "/jaarplan-2026",
            "/jaarplan-2026/project",
            "/bewijs-released",
        }
        assert self.traverse(library, "").Title() == "Bibliotheek Kennemerland"
        assert self.traverse(library, "/jaarplan-2026/project").Title() == "Taalcafé"

    def test_day_d_then_day_after(self, library, frozen):
        """One user, two days, no reindexing in between."""
        from AccessControl import Unauthorized

        frozen(D)
        assert "" in self.visible()
        assert self.traverse(library, "").Title() == "Bibliotheek Kennemerland"
        assert self.traverse(library, "/bewijs-released").Title() == "Jaarverslag"
        frozen(D + timedelta(days=1))
        new_request()
        assert self.visible() == set()
        with pytest.raises(Unauthorized):
            self.traverse(library, "")
        with pytest.raises(Unauthorized):
            self.traverse(library, "/bewijs-released")

    @pytest.mark.parametrize("days_after", [1, 2, 365])
    def test_sees_nothing_after_d(self, library, frozen, days_after):
        from AccessControl import Unauthorized

        frozen(D)
        assert self.visible()
        frozen(D + timedelta(days=days_after))
        assert self.visible() == set()
        for path in ("", "/jaarplan-2026", "/jaarplan-2026/project", "/bewijs-released"):
            with pytest.raises(Unauthorized):
                self.traverse(library, path)

    def test_never_sees_drafts_or_modifies(self, library, frozen):
        from AccessControl import Unauthorized

        frozen(D)
        with pytest.raises(Unauthorized):
            self.traverse(library, "/bewijs-draft")
        with pytest.raises(Unauthorized):
            self.traverse(library, "/jaarplan-2027")
        project = library["jaarplan-2026"]["project"]
        with api.env.adopt_user(username=AUDITEE):
            assert api.user.has_permission("View", obj=project)
            assert not api.user.has_permission("Modify portal content", obj=project)
            assert not api.user.has_permission("Review portal content", obj=library)

    def test_listing_marks_expired(self, library, frozen):
        frozen(D)
        with api.env.adopt_roles(["Manager"]):
            assert grants.grants(library)[0]["active"] is True
            frozen(D + timedelta(days=1))
            assert grants.grants(library) == [
                {
                    "user": AUDITEE,
                    "fullname": "Extern Auditor",
                    "until": "2026-05-20",
                    "active": False,
                }
            ]

    def test_new_grant_after_expiry(self, library, frozen):
        frozen(D + timedelta(days=3))
        assert self.visible() == set()
        with api.env.adopt_roles(["Manager"]):
            grants.grant(library, AUDITEE, D + timedelta(days=5))
        assert "/jaarplan-2026/project" in self.visible()

    def test_revoked_at_once(self, library, frozen):
        frozen(D)
        with api.env.adopt_roles(["Manager"]):
            assert grants.revoke(library, AUDITEE) is True
        assert self.visible() == set()

    def test_other_library_not_granted(self, library, frozen, portal):
        frozen(D)
        other = make_library(portal, "andere-bieb")
        catalog = api.portal.get_tool("portal_catalog")
        with api.env.adopt_user(username=AUDITEE):
            assert not catalog(UID=other.UID())
            assert not api.user.has_permission("View", obj=other)


def role_ids(roles):
    return [role.replace(" ", "") for role in roles]


@pytest.fixture(scope="class")
def library(site):
    library = build(site)
    transaction.commit()
    return library


@pytest.mark.usefixtures("fresh")
class TestRest:
    def grants_stored(self, library):
        transaction.begin()
        with api.env.adopt_roles(["Manager"]):
            return grants.grants(library)

    def clear(self, library):
        with api.env.adopt_roles(["Manager"]):
            for grant in grants.grants(library):
                grants.forget(library, grant["user"])
        transaction.commit()

    @pytest.mark.parametrize("role", ROLES, ids=role_ids(ROLES))
    def test_post_get_delete_per_role(self, library, session, role):
        self.clear(library)
        http = session(role)
        allowed = role in MANAGERS
        response = http.post("/bieb/@audit-access", json={"user": AUDITEE, "until": future()})
        if allowed:
            assert response.status_code == 201, response.text
            assert response.json() == {
                "user": AUDITEE,
                "fullname": "Extern Auditor",
                "until": future(),
                "active": True,
            }
        elif role == "Anonymous":
            assert response.status_code == 401
        else:
            assert response.status_code in (401, 403), response.text
        assert len(self.grants_stored(library)) == (1 if allowed else 0)

        response = http.get("/bieb/@audit-access")
        if allowed:
            assert response.status_code == 200
            items = response.json()["items"]
            assert [(i["user"], i["kind"]) for i in items] == [
                (AUDITEE, "grant"),
                ("wf-auditor", "sharing"),
            ]
        else:
            assert response.status_code in ((401,) if role == "Anonymous" else (401, 403))
            assert AUDITEE not in response.text

        if not allowed:
            with api.env.adopt_roles(["Manager"]):
                grants.grant(library, AUDITEE, date.today() + timedelta(days=3))
            transaction.commit()
        response = http.delete("/bieb/@audit-access", json={"user": AUDITEE})
        if allowed:
            assert response.status_code == 204, response.text
            assert [g["active"] for g in self.grants_stored(library)] == [False]
        else:
            assert response.status_code in ((401,) if role == "Anonymous" else (401, 403))
            assert [g["active"] for g in self.grants_stored(library)] == [True]

    @pytest.mark.parametrize(
        "body, words",
        [
            ({"user": AUDITEE, "until": "morgen"}, ["morgen", "YYYY-MM-DD"]),
            ({"user": AUDITEE, "until": "2026-13-45"}, ["YYYY-MM-DD"]),
            ({"user": AUDITEE, "until": ""}, ["YYYY-MM-DD"]),
            ({"user": AUDITEE}, ["YYYY-MM-DD"]),
            ({"user": AUDITEE, "until": "2001-01-01"}, ["2001-01-01", "passed"]),
            ({"user": "niemand-bekend", "until": future()}, ["niemand-bekend"]),
            ({"user": "", "until": future()}, ["user"]),
            ({"until": future()}, ["user"]),
            ({"user": 42, "until": future()}, ["user"]),
        ],
        ids=[
            "morgen",
            "impossible-date",
            "empty-date",
            "no-date",
            "past",
            "unknown-user",
            "empty-user",
            "no-user",
            "user-not-text",
        ],
    )
    def test_bad_input(self, library, session, body, words):
        self.clear(library)
        response = session("Reviewer").post("/bieb/@audit-access", json=body)
        assert response.status_code == 400, response.text
        message = response.json()["error"]["message"]
        for word in words:
            assert word in message
        assert self.grants_stored(library) == []

    def test_yesterday_refused_today_allowed(self, library, session):
        self.clear(library)
        yesterday = (date.today() - timedelta(days=1)).isoformat()
        response = session("Reviewer").post(
            "/bieb/@audit-access", json={"user": AUDITEE, "until": yesterday}
        )
        assert response.status_code == 400
        response = session("Reviewer").post(
            "/bieb/@audit-access", json={"user": AUDITEE, "until": date.today().isoformat()}
        )
        assert response.status_code == 201

    def test_body_not_json_object(self, library, session):
        self.clear(library)
        response = session("Reviewer").post(
            "/bieb/@audit-access", data="[1, 2]", headers={"Content-Type": "application/json"}
        )
        assert response.status_code == 400
        assert response.json()["error"]["message"]
        assert self.grants_stored(library) == []

    def test_delete_without_grant(self, library, session):
        self.clear(library)
        response = session("Reviewer").delete("/bieb/@audit-access", json={"user": AUDITEE})
        assert response.status_code == 404
        assert AUDITEE in response.json()["error"]["message"]

    def test_delete_with_user_in_query(self, library, session):
        """DELETE without a body (some clients send none): the user may be a parameter."""
        self.clear(library)
        with api.env.adopt_roles(["Manager"]):
            grants.grant(library, AUDITEE, date.today())
        transaction.commit()
        response = session("Reviewer").delete("/bieb/@audit-access", params={"user": AUDITEE})
        assert response.status_code == 204, response.text
        assert [g["active"] for g in self.grants_stored(library)] == [False]

    def test_delete_without_user(self, library, session):
        response = session("Reviewer").delete("/bieb/@audit-access", json={})
        assert response.status_code == 400
        assert "user" in response.json()["error"]["message"]

    def test_second_post_changes_date(self, library, session):
        self.clear(library)
        for days in (10, 40):
            response = session("Reviewer").post(
                "/bieb/@audit-access", json={"user": AUDITEE, "until": future(days)}
            )
            assert response.status_code == 201
        assert [g["until"] for g in self.grants_stored(library)] == [future(40)]

    def test_grant_works_over_rest_and_ends(self, library, session, site, frozen):
        """The granted user reads the library and finds it; after the date, nothing."""
        self.clear(library)
        auditee = session("Anonymous").__class__(site.absolute_url())
        auditee.headers.update({"Accept": "application/json"})
        auditee.auth = (AUDITEE, PASSWORD)
        assert auditee.get("/bieb").status_code == 401
        until = date.today() + timedelta(days=5)
        response = session("Reviewer").post(
            "/bieb/@audit-access", json={"user": AUDITEE, "until": until.isoformat()}
        )
        assert response.status_code == 201
        assert auditee.get("/bieb").status_code == 200
        assert auditee.get("/bieb/jaarplan-2026/project").status_code == 200
        assert auditee.get("/bieb/bewijs-draft").status_code == 401
        response = auditee.post("/bieb/jaarplan-2026/project/@workflow/cancel")
        assert response.status_code == 403
        assert auditee.patch("/bieb", json={"title": "x"}).status_code == 401
        found = auditee.get("/@search", params={"portal_type": BIBQUAL_TYPES}).json()
        assert found["items_total"] == 4
        frozen(until + timedelta(days=1))
        assert auditee.get("/bieb").status_code == 401
        assert auditee.get("/bieb/jaarplan-2026/project").status_code == 401
        found = auditee.get("/@search", params={"portal_type": BIBQUAL_TYPES}).json()
        assert found["items_total"] == 0
        auditee.close()


class TestForm:
    """Classic UI ``@@audit-access`` with zope.testbrowser."""

    @pytest.fixture
    def browser(self, functional_app, functional_portal):
        from plone.testing.zope import Browser

        build(functional_portal)
        transaction.commit()

        def open_as(userid):
            browser = Browser(functional_app)
            browser.handleErrors = False
            browser.addHeader("Authorization", f"Basic {userid}:{PASSWORD}")
            return browser

        return open_as

    def stored(self, functional_portal):
        transaction.begin()
        with api.env.adopt_roles(["Manager"]):
            return grants.grants(functional_portal["bieb"])

    def test_coordinator_grants_and_ends(self, browser, functional_portal):
        coordinator = browser("wf-reviewer")
        coordinator.open(f"{functional_portal.absolute_url()}/bieb/@@audit-access")
        form = coordinator.getForm(id="audit-grant")
        form.getControl(name="user").value = AUDITEE
        form.getControl(name="until").value = future()
        form.submit(name="form.grant")
        assert "may audit this library until" in coordinator.contents
        assert [g["user"] for g in self.stored(functional_portal)] == [AUDITEE]
        assert "Extern Auditor" in coordinator.contents
        coordinator.getForm(index=self.form_of(coordinator, AUDITEE)).submit(name="form.revoke")
        assert "End the audit access of" in coordinator.contents
        assert self.stored(functional_portal)[0]["active"] is True  # asked, not ended yet
        coordinator.getControl(name="form.revoke.confirm").click()
        assert "has ended" in coordinator.contents
        assert [g["active"] for g in self.stored(functional_portal)] == [False]
        assert "Extern Auditor" in coordinator.contents  # history

    @staticmethod
    def form_of(browser, user):
        """The index of the end-access form of ``user`` on the page."""
        for index in range(20):
            form = browser.getForm(index=index)
            names = [control.name for control in form.controls]
            if "form.revoke" in names and form.getControl(name="user").value == user:
                return index
        raise LookupError(user)

    @pytest.mark.parametrize(
        "user, until, words",
        [
            (AUDITEE, "morgen", ["morgen"]),
            (AUDITEE, "2001-01-01", ["passed"]),
            ("niemand-bekend", None, ["niemand-bekend"]),
        ],
        ids=["morgen", "past", "unknown-user"],
    )
    def test_bad_input_shown(self, browser, functional_portal, user, until, words):
        coordinator = browser("wf-reviewer")
        coordinator.open(f"{functional_portal.absolute_url()}/bieb/@@audit-access")
        form = coordinator.getForm(id="audit-grant")
        form.getControl(name="user").value = user
        form.getControl(name="until").value = until or future()
        form.submit(name="form.grant")
        for word in words:
            assert word in coordinator.contents
        assert self.stored(functional_portal) == []

    def test_post_without_token_refused(self, browser, functional_portal):
        from zExceptions import Forbidden

        coordinator = browser("wf-reviewer")
        url = f"{functional_portal.absolute_url()}/bieb/@@audit-access"
        with pytest.raises(Forbidden):
            coordinator.post(url, f"user={AUDITEE}&until={future()}&form.grant=1")
        assert self.stored(functional_portal) == []

    def test_post_with_wrong_token_refused(self, browser, functional_portal):
        from zExceptions import Forbidden

        coordinator = browser("wf-reviewer")
        url = f"{functional_portal.absolute_url()}/bieb/@@audit-access"
        with pytest.raises(Forbidden):
            coordinator.post(
                url, f"_authenticator=abc123&user={AUDITEE}&until={future()}&form.grant=1"
            )
        assert self.stored(functional_portal) == []

    @pytest.mark.parametrize("userid", ["wf-editor", "wf-owner", "wf-auditor", AUDITEE])
    def test_staff_cannot_open_form(self, browser, functional_portal, userid):
        other = browser(userid)
        other.handleErrors = True
        other.raiseHttpErrors = False
        other.open(f"{functional_portal.absolute_url()}/bieb/@@audit-access")
        assert "insufficient-privileges" in other.url
        assert "Grant audit access" not in other.contents

    def test_names_are_escaped(self, browser, functional_portal):
        with api.env.adopt_roles(["Manager"]):
            api.user.create(
                email="x@example.org",
                username="boos-lid",
                password=PASSWORD,
                properties={"fullname": "<script>alert(1)</script>"},
            )
            grants.grant(functional_portal["bieb"], "boos-lid", date.today())
        transaction.commit()
        coordinator = browser("wf-reviewer")
        coordinator.open(f"{functional_portal.absolute_url()}/bieb/@@audit-access")
        assert "<script>alert(1)" not in coordinator.contents
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in coordinator.contents
