"""Security issue 9, finding 12: ``PATCH @controlpanels/bibqual-settings``.

The settings over REST, as a site administrator's script (or Volto) uses them:
valid changes are stored (204); bad input is a 400 with a JSON message that
names the setting, never a 500 with a traceback, and nothing is stored, not
even the valid part of a body. Only holders of ``bibqual: Manage settings`` may
read or change the settings (they hold the partner sites' passwords).
"""

from plone import api
from support import PASSWORD
import json
import pytest
import transaction


URL = "/@controlpanels/bibqual-settings"
RECORDS = ("active_framework", "extra_norm_elements", "norm_field_groups", "partner_sites")
PARTNER = "Bibliotheek Oost|https://oost.example.nl/Plone|bibqual-lezer|partner-geheim"


@pytest.fixture
def settings(functional_portal):
    """``settings()``: the four bibqual records as stored (read afresh, past the
    registry's per-request cache of the test's own request)."""

    def read():
        transaction.begin()
        records = functional_portal.portal_registry.records
        return {name: records[f"bibqual.{name}"].value for name in RECORDS}

    return read


@pytest.fixture
def admin(rest, settings):
    """The site owner's REST session; the settings start from the test site's values."""
    assert settings()["active_framework"] == "scob3"
    return rest("admin")


def refused(response):
    """The error of a clean 400: plone.restapi's shape, a message, no traceback."""
    assert response.status_code == 400, response.text
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert "traceback" not in response.text
    assert body["error"]["type"] == "BadRequest"
    assert body["error"]["message"]
    return body["error"]


class TestValidChanges:
    def test_switch_framework(self, admin, settings):
        response = admin.patch(URL, json={"active_framework": "cbct-kib"})
        assert response.status_code == 204, response.text
        assert settings()["active_framework"] == "cbct-kib"

    def test_lines_are_stored(self, admin, settings):
        body = {
            "extra_norm_elements": ["duurzaamheid|Duurzaamheid"],
            "norm_field_groups": ["dienstverlening|kwaliteitsteam"],
            "partner_sites": [PARTNER],
        }
        response = admin.patch(URL, json=body)
        assert response.status_code == 204, response.text
        stored = settings()
        for name, value in body.items():
            assert stored[name] == value

    def test_what_get_answers_can_be_sent_back(self, admin, settings):
        """Volto sends the data it read; the framework comes as ``{token, title}``."""
        admin.patch(URL, json={"partner_sites": [PARTNER]})
        before = settings()
        response = admin.get(URL)
        assert response.status_code == 200, response.text
        data = response.json()["data"]
        assert data["active_framework"]["token"] == "scob3"
        response = admin.patch(URL, json=data)
        assert response.status_code == 204, response.text
        assert settings() == before

    def test_empty_object_changes_nothing(self, admin, settings):
        before = settings()
        response = admin.patch(URL, json={})
        assert response.status_code == 204, response.text
        assert settings() == before


BAD_BODIES = {
    "unknown-field": ({"active_framework": "cbct-kib", "frameworks": ["iso"]}, "frameworks"),
    "unknown-framework": ({"active_framework": "iso-9001"}, "active_framework"),
    "framework-not-text": ({"active_framework": ["cbct-kib"]}, "active_framework"),
    "lines-not-a-list": (
        {"extra_norm_elements": "duurzaamheid|Duurzaamheid"},
        "extra_norm_elements",
    ),
    "line-not-text": ({"norm_field_groups": [42]}, "norm_field_groups"),
    "line-with-newline": (
        {"norm_field_groups": ["dienstverlening|a\nmiddelen|b"]},
        "norm_field_groups",
    ),
    "list-of-objects": ({"partner_sites": [{"name": "Oost"}]}, "partner_sites"),
    "malformed-partner-line": (
        {"active_framework": "cbct-kib", "partner_sites": [PARTNER, "Oost zonder adres"]},
        "partner_sites",
    ),
    "partner-without-password": (
        {"partner_sites": ["Oost|https://oost.example.nl/Plone|bibqual-lezer|"]},
        "partner_sites",
    ),
    "malformed-group-line": (
        {"norm_field_groups": ["dienstverlening|kwaliteitsteam", "geen pipe"]},
        "norm_field_groups",
    ),
    "malformed-extra-line": (
        {"extra_norm_elements": ["Hoofdletters|Titel"]},
        "extra_norm_elements",
    ),
    "required-framework-null": ({"active_framework": None}, "active_framework"),
}


class TestBadInput:
    @pytest.mark.parametrize("case", sorted(BAD_BODIES))
    def test_bad_field_is_a_400_and_nothing_is_stored(self, admin, settings, case):
        body, field = BAD_BODIES[case]
        before = settings()
        error = refused(admin.patch(URL, json=body))
        assert field in error["message"]
        assert [item["field"] for item in error["errors"]] == [field]
        assert settings() == before

    @pytest.mark.parametrize(
        "raw",
        [
            "",
            "   ",
            "[1, 2]",
            '"active_framework"',
            "42",
            "null",
            "{niet: json",
            "active_framework=x",
        ],
        ids=["empty", "blank", "array", "string", "number", "null", "broken", "form-encoded"],
    )
    def test_body_that_is_not_an_object_is_a_400(self, admin, settings, raw):
        before = settings()
        error = refused(admin.patch(URL, data=raw))
        assert "JSON object" in error["message"]
        assert settings() == before

    def test_every_bad_setting_is_named(self, admin, settings):
        before = settings()
        error = refused(
            admin.patch(URL, json={"active_framework": "iso-9001", "partner_sites": ["kapot"]})
        )
        assert sorted(item["field"] for item in error["errors"]) == [
            "active_framework",
            "partner_sites",
        ]
        assert "line 1" in error["message"]
        assert settings() == before


@pytest.fixture
def overview_only(functional_portal):
    """``beheer`` may open the control panel overview (and so reach plone.restapi's
    ``@controlpanels``) but lacks ``bibqual: Manage settings``."""
    portal = functional_portal
    with api.env.adopt_roles(["Manager"]):
        api.user.create(email="beheer@example.org", username="beheer", password=PASSWORD)
        api.user.grant_roles(username="beheer", roles=["Reviewer"])
        roles = {"Manager", "Site Administrator", "Reviewer"}
        portal.manage_permission("Plone Site Setup: Overview", sorted(roles), acquire=False)
        portal.manage_permission("Plone Site Setup: Site", sorted(roles), acquire=False)
    transaction.commit()
    return "beheer"


class TestAccess:
    def test_user_without_manage_settings_may_not_read(self, rest, overview_only):
        response = rest(overview_only, PASSWORD).get(URL)
        assert response.status_code in (401, 403)
        assert "partner_sites" not in response.text

    def test_user_without_manage_settings_may_not_change(self, rest, overview_only, settings):
        before = settings()
        response = rest(overview_only, PASSWORD).patch(
            URL, data=json.dumps({"partner_sites": [PARTNER]})
        )
        assert response.status_code in (401, 403)
        assert settings() == before

    @pytest.mark.parametrize("who", ["anonymous", "editor"])
    def test_others_are_refused(self, rest, functional_portal, settings, who):
        if who == "editor":
            functional_portal.acl_users.userFolderAddUser("redacteur", PASSWORD, ["Editor"], [])
            transaction.commit()
            session = rest("redacteur", PASSWORD)
        else:
            session = rest()
        before = settings()
        response = session.patch(URL, json={"active_framework": "cbct-kib"})
        assert response.status_code in (401, 403)
        assert settings() == before
        assert session.get(URL).status_code in (401, 403)
