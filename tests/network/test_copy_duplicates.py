"""Copying without silent duplicates (issue 15, item 8): a project already in the
plan (itself, or a copy of it) is refused with 409 unless the duplicate is
allowed; the copy keeps the title the user typed."""

from plone import api
from plone.testing.zope import Browser
from urllib.parse import urlencode
import pytest
import re
import transaction


PASSWORD = "secret-bibqual"
TOKEN_RE = re.compile(r'name="_authenticator"[^>]*value="([^"]+)"')


def post(rest, network, **body):
    return rest("anna", PASSWORD).post(
        f"{network['plan_west'].absolute_url()}/@copy-project", json=body
    )


def titles_in(plan):
    transaction.begin()
    return sorted(obj.Title() for obj in plan.objectValues())


class TestRest:
    def test_typed_title_is_kept(self, rest, network):
        response = post(
            rest, network, source=network["voorlezen"].UID(), title="  Voorlezen in   West "
        )
        assert response.status_code == 201, response.text
        assert response.json()["title"] == "Voorlezen in West"
        assert titles_in(network["plan_west"]) == ["Voorlezen in West"]

    def test_without_title_the_source_title(self, rest, network):
        response = post(rest, network, source=network["voorlezen"].UID(), title="")
        assert response.json()["title"] == "Voorlezen op de peuterspeelzaal"

    def test_second_copy_refused_with_409(self, rest, network):
        uid = network["voorlezen"].UID()
        assert post(rest, network, source=uid, title="Voorlezen West").status_code == 201
        again = post(rest, network, source=uid)
        assert again.status_code == 409, again.text
        error = again.json()["error"]
        assert error["type"] == "Conflict"
        assert "already in this year plan" in error["message"]
        assert "Voorlezen West" in error["message"]
        assert titles_in(network["plan_west"]) == ["Voorlezen West"]

    def test_second_copy_allowed_when_asked(self, rest, network):
        uid = network["voorlezen"].UID()
        post(rest, network, source=uid)
        again = post(rest, network, source=uid, allow_duplicate=True, title="Tweede ronde")
        assert again.status_code == 201, again.text
        assert titles_in(network["plan_west"]) == [
            "Tweede ronde",
            "Voorlezen op de peuterspeelzaal",
        ]

    def test_project_of_the_plan_itself_refused(self, rest, network):
        with api.env.adopt_roles(["Manager"]):
            own = api.content.create(
                container=network["plan_west"],
                type="SmartProject",
                title="Leesclub",
                deadline=network["voorlezen"].deadline.replace(year=2026),
            )
        transaction.commit()
        response = post(rest, network, source=own.UID())
        assert response.status_code == 409
        assert titles_in(network["plan_west"]) == ["Leesclub"]

    @pytest.mark.parametrize(
        "body",
        [{"allow_duplicate": "yes"}, {"title": 12}, {"title": "x" * 301}],
        ids=["allow-not-bool", "title-not-text", "title-too-long"],
    )
    def test_bad_input_refused(self, rest, network, body):
        response = post(rest, network, source=network["voorlezen"].UID(), **body)
        assert response.status_code == 400, response.text
        assert titles_in(network["plan_west"]) == []


@pytest.fixture
def anna(functional_app):
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic anna:{PASSWORD}")
    return browser


class TestClassic:
    def copy(self, anna, network, **data):
        plan_url = network["plan_west"].absolute_url()
        anna.open(f"{plan_url}/++add++SmartProject")
        data["_authenticator"] = TOKEN_RE.search(anna.contents).group(1)
        anna.post(f"{plan_url}/@@copy-project", urlencode(data))
        return anna

    def test_typed_title_kept(self, anna, network):
        self.copy(anna, network, source=network["voorlezen"].UID(), title="Voorlezen West")
        assert titles_in(network["plan_west"]) == ["Voorlezen West"]
        assert anna.url.endswith("/voorlezen-west")

    def test_duplicate_asks_first_then_copies(self, anna, network):
        uid = network["voorlezen"].UID()
        self.copy(anna, network, source=uid, title="Voorlezen West")
        self.copy(anna, network, source=uid, title="Nog eens voorlezen")
        assert "This project is already in this year plan" in anna.contents
        assert "Voorlezen West" in anna.contents
        assert titles_in(network["plan_west"]) == ["Voorlezen West"]
        form = anna.getForm(id="bq-copy-confirm")
        assert form.getControl(name="title").value == "Nog eens voorlezen"
        form.submit()
        assert titles_in(network["plan_west"]) == ["Nog eens voorlezen", "Voorlezen West"]
        assert anna.url.endswith("/nog-eens-voorlezen")

    def test_add_form_lists_what_is_in_the_plan(self, anna, network):
        uid = network["voorlezen"].UID()
        self.copy(anna, network, source=uid)
        anna.open(f"{network['plan_west'].absolute_url()}/++add++SmartProject")
        transaction.begin()
        (copy,) = network["plan_west"].objectValues()
        match = re.search(r'data-in-plan="([^"]*)"', anna.contents)
        assert match, "no data-in-plan on the add form"
        assert uid in match.group(1) and copy.UID() in match.group(1)
        assert "already in this year plan" in anna.contents
