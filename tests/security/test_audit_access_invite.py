"""Inviting an auditor by e-mail, and finding an existing user without an exact id.

The coordinator invites an auditor who has no login yet: the account is made (its id the
e-mail address), it gets a time-limited grant, and Plone's "set your password" mail goes
out through the MailHost (here to an SMTP server in the test process). An existing
address gives that user the grant and sends nothing. The Classic form finds a user
typed in another case; REST keeps exact user ids and says clearly when there is none.
"""

from bibqual.audit import grants
from datetime import date
from datetime import timedelta
from plone import api
from support import PASSWORD
from support.content import make_library
from support.smtp import inbox  # noqa: F401 (fixture)
from support.smtp import mail_functional_portal  # noqa: F401 (fixture)
from support.smtp import smtp_server  # noqa: F401 (fixture)
from support.workflows import make_users
import pytest
import re
import transaction


def future(days=30):
    return (date.today() + timedelta(days=days)).isoformat()


@pytest.fixture
def site(mail_functional_portal):  # noqa: F811
    make_users(make_library(mail_functional_portal))
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            email="Bestaand@Certificering.example",
            username="Bestaande.Auditor",
            password=PASSWORD,
            properties={"fullname": "Bestaande Auditor"},
        )
    transaction.commit()
    return mail_functional_portal


def stored(site):
    transaction.begin()
    with api.env.adopt_roles(["Manager"]):
        return {g["user"]: g for g in grants.grants(site["bieb"])}


def coordinator(rest):
    return rest("wf-reviewer", PASSWORD)


def test_invite_makes_the_account_and_mails_the_link(site, rest, inbox):  # noqa: F811
    body = {"email": "M.Verhoef@CBCT.example", "fullname": "Marieke Verhoef", "until": future()}
    response = coordinator(rest).post("/bieb/@audit-access", json=body)
    assert response.status_code == 201, response.text
    assert response.json()["invited"] is True
    user_id = response.json()["user"]
    assert user_id == "m.verhoef@cbct.example"
    transaction.begin()
    user = api.user.get(userid=user_id)
    assert user.getProperty("fullname") == "Marieke Verhoef"
    assert stored(site)[user_id]["active"] is True
    (mail,) = inbox.to("m.verhoef@cbct.example")
    text = mail.get_body(("plain", "html")).get_content()
    link = re.search(r"https?://\S*passwordreset/\w+", text)
    assert link, text
    # The link works: it opens Plone's form to set the password.
    page = rest().get(link.group(0).replace("&amp;", "&"), headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "password" in page.text.lower() or "wachtwoord" in page.text.lower()


def test_existing_address_gets_the_grant_and_no_account(site, rest, inbox):  # noqa: F811
    body = {"email": "bestaand@certificering.example", "fullname": "", "until": future()}
    response = coordinator(rest).post("/bieb/@audit-access", json=body)
    assert response.status_code == 201, response.text
    assert response.json()["invited"] is False
    assert response.json()["user"] == "Bestaande.Auditor"
    assert "Bestaande.Auditor" in stored(site)
    assert inbox.messages == []


@pytest.mark.parametrize(
    "body, words",
    [
        ({"email": "geen-adres", "fullname": "X", "until": future()}, ["geen-adres"]),
        ({"email": "", "fullname": "X", "until": future()}, ["e-mail"]),
        ({"email": "nieuw@cbct.example", "fullname": "", "until": future()}, ["name"]),
        ({"email": "nieuw@cbct.example", "fullname": "X", "until": "2001-01-01"}, ["passed"]),
    ],
    ids=["not-an-address", "no-address", "no-name", "past"],
)
def test_bad_invitation_stores_nothing(site, rest, inbox, body, words):  # noqa: F811
    response = coordinator(rest).post("/bieb/@audit-access", json=body)
    assert response.status_code == 400, response.text
    for word in words:
        assert word in response.json()["error"]["message"]
    transaction.begin()
    assert api.user.get(userid="nieuw@cbct.example") is None
    assert stored(site) == {}
    assert inbox.messages == []


def test_staff_cannot_invite(site, rest, inbox):  # noqa: F811
    body = {"email": "nieuw@cbct.example", "fullname": "Nieuw", "until": future()}
    response = rest("wf-editor", PASSWORD).post("/bieb/@audit-access", json=body)
    assert response.status_code in (401, 403)
    transaction.begin()
    assert api.user.get(userid="nieuw@cbct.example") is None
    assert inbox.messages == []


def test_rest_keeps_exact_ids_and_names_the_unknown_user(site, rest):
    response = coordinator(rest).post(
        "/bieb/@audit-access", json={"user": "bestaande.auditor", "until": future()}
    )
    assert response.status_code == 400
    assert "There is no user 'bestaande.auditor'" in response.json()["error"]["message"]


class TestForm:
    @pytest.fixture
    def browser(self, site, functional_app):
        from plone.testing.zope import Browser

        browser = Browser(functional_app)
        browser.handleErrors = False
        browser.addHeader("Authorization", f"Basic wf-reviewer:{PASSWORD}")
        browser.open(f"{site.absolute_url()}/bieb/@@audit-access")
        return browser

    def test_invite_from_the_page(self, browser, site, inbox):  # noqa: F811
        form = browser.getForm(id="audit-invite")
        form.getControl(name="fullname").value = "Hans de Wit"
        form.getControl(name="email").value = "hans@cbct.example"
        form.getControl(name="until").value = future()
        form.submit(name="form.invite")
        assert "is invited" in browser.contents
        assert "Hans de Wit" in browser.contents
        assert stored(site)["hans@cbct.example"]["active"] is True
        assert len(inbox.to("hans@cbct.example")) == 1

    def test_user_field_is_a_user_search(self, browser):
        field = browser.getForm(id="audit-grant").getControl(name="user")
        assert "pat-select2" in field._elem.attrs["class"]
        assert "plone.app.vocabularies.Users" in field._elem.attrs["data-pat-select2"]

    def test_typed_id_in_another_case_is_found(self, browser, site):
        form = browser.getForm(id="audit-grant")
        form.getControl(name="user").value = "bestaande.auditor"
        form.getControl(name="until").value = future()
        form.submit(name="form.grant")
        assert "may audit this library until" in browser.contents
        assert "Bestaande.Auditor" in stored(site)
