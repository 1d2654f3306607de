"""The ``@@bibqual-settings`` control panel, as site administrators use it."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from support import PASSWORD
import pytest
import re
import transaction


FRAMEWORK_WIDGET = "form.widgets.active_framework:list"
EXTRA_WIDGET = "form.widgets.extra_norm_elements"
SAVE = "form.buttons.save"


@pytest.fixture
def settings_url(functional_portal):
    return f"{functional_portal.absolute_url()}/@@bibqual-settings"


@pytest.fixture
def registry(functional_portal):
    """Read the registry afresh: the browser commits in its own connection."""

    def get(name):
        transaction.begin()
        return functional_portal.portal_registry[name]

    return get


@pytest.fixture
def browser(functional_app):
    """An anonymous test browser that shows error pages instead of raising."""
    browser = Browser(functional_app)
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    return browser


@pytest.fixture
def admin_browser(browser, settings_url):
    """The site owner, on the settings form."""
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(settings_url)
    return browser


@pytest.fixture
def editor(functional_portal):
    """A user with only the Editor role, site-wide."""
    functional_portal.acl_users.userFolderAddUser("redacteur", PASSWORD, ["Member", "Editor"], [])
    transaction.commit()
    return "redacteur"


class TestForm:
    def test_opens(self, admin_browser):
        assert admin_browser.headers["status"].startswith("200")
        assert "Quality work settings" in admin_browser.contents

    def test_framework_select(self, admin_browser):
        control = admin_browser.getControl(name=FRAMEWORK_WIDGET)
        assert control.value == ["scob3"]
        assert set(control.options) >= {"scob3", "cbct-kib"}

    def test_extra_elements_textarea(self, admin_browser):
        assert re.search(rf'<textarea[^>]*name="{EXTRA_WIDGET}"', admin_browser.contents)
        assert admin_browser.getControl(name=EXTRA_WIDGET).value == ""

    def test_switch_to_cbct(self, admin_browser, registry):
        admin_browser.getControl(name=FRAMEWORK_WIDGET).value = ["cbct-kib"]
        admin_browser.getControl(name=SAVE).click()
        assert "Changes saved" in admin_browser.contents
        assert registry("bibqual.active_framework") == "cbct-kib"

    def test_switch_shows_in_the_form(self, admin_browser, settings_url):
        admin_browser.getControl(name=FRAMEWORK_WIDGET).value = ["cbct-kib"]
        admin_browser.getControl(name=SAVE).click()
        admin_browser.open(settings_url)
        assert admin_browser.getControl(name=FRAMEWORK_WIDGET).value == ["cbct-kib"]

    def test_malformed_extra_line_is_refused(self, admin_browser, registry):
        admin_browser.getControl(name=FRAMEWORK_WIDGET).value = ["cbct-kib"]
        admin_browser.getControl(name=EXTRA_WIDGET).value = "geen pipe"
        admin_browser.getControl(name=SAVE).click()
        assert "There were some errors" in admin_browser.contents
        assert "token|Title" in admin_browser.contents
        assert "Changes saved" not in admin_browser.contents
        assert registry("bibqual.extra_norm_elements") == []
        assert registry("bibqual.active_framework") == "scob3"

    def test_unknown_framework_in_extra_line_is_refused(self, admin_browser, registry):
        admin_browser.getControl(name=EXTRA_WIDGET).value = "iso-9001|kwaliteit|Kwaliteit"
        admin_browser.getControl(name=SAVE).click()
        assert "iso-9001" in admin_browser.contents
        assert "Changes saved" not in admin_browser.contents
        assert registry("bibqual.extra_norm_elements") == []

    def test_valid_extra_line_is_stored(self, admin_browser, registry):
        admin_browser.getControl(name=EXTRA_WIDGET).value = "duurzaamheid|Duurzaamheid"
        admin_browser.getControl(name=SAVE).click()
        assert "Changes saved" in admin_browser.contents
        assert registry("bibqual.extra_norm_elements") == ["duurzaamheid|Duurzaamheid"]

    def test_extra_element_reaches_the_vocabulary(self, admin_browser, rest):
        admin_browser.getControl(
            name=EXTRA_WIDGET
        ).value = "duurzaamheid|Duurzaamheid\ncbct-kib|innovatie|Innovatie"
        admin_browser.getControl(name=SAVE).click()
        assert "Changes saved" in admin_browser.contents
        response = rest("admin").get("/@vocabularies/bibqual.vocabularies.NormFields")
        items = {item["token"]: item["title"] for item in response.json()["items"]}
        assert items["duurzaamheid"] == "Duurzaamheid"
        assert "innovatie" not in items
        assert "leiderschap" in items

    def test_cancel_stores_nothing(self, admin_browser, registry):
        admin_browser.getControl(name=FRAMEWORK_WIDGET).value = ["cbct-kib"]
        admin_browser.getControl(name="form.buttons.cancel").click()
        assert registry("bibqual.active_framework") == "scob3"


class TestAccess:
    def test_anonymous_gets_login(self, browser, settings_url):
        browser.open(settings_url)
        assert FRAMEWORK_WIDGET not in browser.contents
        assert "/login" in browser.url or browser.headers["status"].startswith("401")
        assert 'name="__ac_password"' in browser.contents

    def test_editor_cannot_open(self, browser, settings_url, editor):
        browser.addHeader("Authorization", f"Basic {editor}:{PASSWORD}")
        browser.open(settings_url)
        assert FRAMEWORK_WIDGET not in browser.contents
        assert "Quality work settings" not in browser.contents
        assert "insufficient-privileges" in browser.url

    def test_editor_cannot_post(self, browser, settings_url, editor, registry):
        browser.addHeader("Authorization", f"Basic {editor}:{PASSWORD}")
        browser.post(settings_url, f"{FRAMEWORK_WIDGET}=cbct-kib&{SAVE}=Save")
        assert "insufficient-privileges" in browser.url
        assert registry("bibqual.active_framework") == "scob3"


class TestConfiglet:
    def test_listed(self, controlpanel_actions):
        assert "bibqual-settings" in controlpanel_actions

    def test_points_to_the_form(self, portal):
        action = portal.portal_controlpanel.getActionObject("plone-general/bibqual-settings")
        assert action is not None
        assert action.getActionExpression().endswith("/@@bibqual-settings")

    def test_on_the_overview(self, admin_browser, functional_portal):
        admin_browser.open(f"{functional_portal.absolute_url()}/@@overview-controlpanel")
        assert "@@bibqual-settings" in admin_browser.contents
        assert "Quality work (bibqual)" in admin_browser.contents
