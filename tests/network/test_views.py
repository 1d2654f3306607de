"""Classic UI of the network: @@copy-project, @@rollover, the panel's texts on the
add form and the copies block on the project page (zope.testbrowser).

The panel itself (typing, fetching, clicking) is covered by the browser journey
in tests/browser/test_network_journey.py.
"""

from plone import api
from plone.testing.zope import Browser
from urllib.parse import urlencode
from zExceptions import Forbidden
import pytest
import re
import transaction


PASSWORD = "secret-bibqual"
TOKEN_RE = re.compile(r'name="_authenticator"[^>]*value="([^"]+)"')


@pytest.fixture
def browser(functional_app):
    """Factory of test browsers logged in with basic auth; errors are raised."""

    def factory(user, password=PASSWORD):
        result = Browser(functional_app)
        result.handleErrors = False
        result.addHeader("Authorization", f"Basic {user}:{password}")
        return result

    return factory


@pytest.fixture
def staff(network):
    """``anna`` is staff of Noord too (Editor and Contributor); ``lezer`` only reads
    Noord and West."""
    with api.env.adopt_roles(["Manager"]):
        api.user.grant_roles(username="anna", obj=network["noord"], roles=["Editor", "Contributor"])
        api.user.create(email="lezer@example.org", username="lezer", password=PASSWORD)
        for library in (network["noord"], network["west"]):
            api.user.grant_roles(username="lezer", obj=library, roles=["Reader"])
            library.reindexObjectSecurity()
    transaction.commit()
    return network


def token(browser, url):
    """The CSRF token of the form at ``url``, as the browser sees it."""
    browser.open(url)
    match = TOKEN_RE.search(browser.contents)
    assert match, "no _authenticator on " + url
    return match.group(1)


def refused_browser(browser):
    """``browser`` showing Plone's pages for errors, as a person sees them."""
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    return browser


def contents_of(plan):
    transaction.begin()
    return list(plan.objectValues())


class TestAddFormTexts:
    def test_texts_and_addresses_on_the_add_form(self, browser, network):
        anna = browser("anna")
        plan_url = network["plan_west"].absolute_url()
        anna.open(f"{plan_url}/++add++SmartProject")
        html = anna.contents
        assert 'id="bq-similar-texts"' in html
        assert f'data-search-url="{plan_url}/@similar-projects"' in html
        assert f'data-copy-url="{plan_url}/@@copy-project"' in html
        assert "Copy into this plan" in html
        assert "No similar projects found." in html

    def test_not_on_the_plan_edit_form_nor_the_board(self, browser, network):
        anna = browser("anna")
        anna.open(f"{network['plan_west'].absolute_url()}/edit")
        assert "form-widgets-IDublinCore-title" in anna.contents
        assert "bq-similar-texts" not in anna.contents
        anna.open(network["plan_west"].absolute_url())
        assert "bq-similar-texts" not in anna.contents


class TestCopyView:
    def copy(self, browser, network, source, with_token=True):
        plan_url = network["plan_west"].absolute_url()
        data = {"source": source}
        if with_token:
            data["_authenticator"] = token(browser, f"{plan_url}/++add++SmartProject")
        browser.post(f"{plan_url}/@@copy-project", urlencode(data))
        return browser

    def test_copy_lands_on_the_copy(self, browser, network):
        anna = self.copy(browser("anna"), network, network["voorlezen"].UID())
        (copy,) = contents_of(network["plan_west"])
        assert anna.url == copy.absolute_url()
        assert (
            "Copied from Voorlezen op de peuterspeelzaal (Bibliotheek Noord); adapt it to your "
            "own situation." in anna.contents
        )
        assert api.content.get_state(copy) == "plan"
        assert copy.copied_from == network["voorlezen"].UID()
        assert [row["actual"] for row in copy.indicators] == [None, None]
        assert [row["target"] for row in copy.indicators] == [120, 8]
        assert not copy.evaluation
        assert not copy.improvements

    def test_copy_by_url(self, browser, network):
        self.copy(browser("anna"), network, network["voorlezen"].absolute_url())
        assert len(contents_of(network["plan_west"])) == 1

    @pytest.mark.parametrize(
        "source, words",
        [
            ("geheim", "you may copy"),
            ("0123456789abcdef", "you may copy"),
            ("", "Give the source project as a UID or URL."),
        ],
        ids=["not-shared", "unknown", "empty"],
    )
    def test_refused_source_back_to_the_plan(self, browser, network, source, words):
        if source == "geheim":
            source = network["geheim"].UID()
        anna = self.copy(browser("anna"), network, source)
        assert anna.url == network["plan_west"].absolute_url()
        assert words in anna.contents
        assert contents_of(network["plan_west"]) == []

    def test_post_without_token_refused(self, browser, network):
        with pytest.raises(Forbidden):
            self.copy(browser("anna"), network, network["voorlezen"].UID(), with_token=False)
        assert contents_of(network["plan_west"]) == []

    def test_post_with_wrong_token_refused(self, browser, network):
        anna = browser("anna")
        url = f"{network['plan_west'].absolute_url()}/@@copy-project"
        data = urlencode({"source": network["voorlezen"].UID(), "_authenticator": "abc123"})
        with pytest.raises(Forbidden):
            anna.post(url, data)
        assert contents_of(network["plan_west"]) == []

    def test_get_not_allowed(self, browser, network):
        anna = browser("anna")
        anna.raiseHttpErrors = False
        anna.open(
            f"{network['plan_west'].absolute_url()}/@@copy-project?source="
            + network["voorlezen"].UID()
        )
        assert anna.headers["status"].startswith("405")
        assert contents_of(network["plan_west"]) == []

    def test_reader_may_not_copy(self, browser, staff):
        lezer = refused_browser(browser("lezer"))
        url = f"{staff['plan_west'].absolute_url()}/@@copy-project"
        lezer.post(url, urlencode({"source": staff["voorlezen"].UID()}))
        assert "insufficient-privileges" in lezer.url
        assert contents_of(staff["plan_west"]) == []


class TestCopiesOnProjectPage:
    def test_editors_see_who_copied(self, browser, staff):
        TestCopyView().copy(browser("anna"), staff, staff["voorlezen"].UID())
        anna = browser("anna")
        anna.open(staff["voorlezen"].absolute_url())
        assert 'id="bq-copies"' in anna.contents
        assert "Copied once" in anna.contents
        block = anna.contents.split('id="bq-copies"', 1)[1].split("</section>", 1)[0]
        assert "Bibliotheek West" in block
        assert "Anna de Vries" in block
        (copy,) = contents_of(staff["plan_west"])
        assert copy.absolute_url() in block

    def test_readers_do_not(self, browser, staff):
        TestCopyView().copy(browser("anna"), staff, staff["voorlezen"].UID())
        lezer = browser("lezer")
        lezer.open(staff["voorlezen"].absolute_url())
        assert "Voorlezen op de peuterspeelzaal" in lezer.contents
        assert "bq-copies" not in lezer.contents

    def test_nothing_before_a_copy(self, browser, staff):
        anna = browser("anna")
        anna.open(staff["voorlezen"].absolute_url())
        assert "bq-copies" not in anna.contents


class TestRolloverView:
    def form_url(self, network):
        return f"{network['noord'].absolute_url()}/@@rollover"

    def test_dashboard_button_for_staff_only(self, browser, staff):
        anna = browser("anna")
        anna.open(staff["noord"].absolute_url())
        assert f'href="{self.form_url(staff)}"' in anna.contents
        lezer = browser("lezer")
        lezer.open(staff["noord"].absolute_url())
        assert "@@rollover" not in lezer.contents

    def test_form_offers_the_plans(self, browser, staff):
        anna = browser("anna")
        anna.open(self.form_url(staff))
        select = anna.getControl(name="from_year")
        assert select.options == ["2025"]
        assert select.value == ["2025"]
        assert '<strong id="bq-rollover-to">2026</strong>' in anna.contents

    def test_rollover_lands_on_the_new_plan(self, browser, staff):
        anna = browser("anna")
        anna.open(self.form_url(staff))
        anna.getControl(name="from_year").value = ["2025"]
        anna.getControl(name="form.rollover").click()
        transaction.begin()
        plans = [obj for obj in staff["noord"].objectValues() if obj.portal_type == "YearPlan"]
        new = [plan for plan in plans if plan.year == 2026]
        assert len(new) == 1
        assert anna.url == new[0].absolute_url()
        assert "1 projects carried over, 2 left out (done or cancelled)." in anna.contents
        (copy,) = new[0].objectValues()
        assert copy.Title() == "Voorlezen op de peuterspeelzaal"
        assert api.content.get_state(copy) == "plan"
        assert new[0].spearheads == ["Taal en lezen"]

    def test_year_that_exists_is_refused_on_the_form(self, browser, staff):
        anna = browser("anna")
        anna.open(self.form_url(staff))
        anna.getControl(name="form.rollover").click()
        anna.open(self.form_url(staff))
        assert "year plan 2026 already exists" in anna.contents
        before = sorted(staff["noord"].objectIds())
        anna.getControl(name="from_year").value = ["2025"]
        anna.getControl(name="form.rollover").click()
        assert anna.url.endswith("/@@rollover")
        assert "This library already has a year plan for 2026." in anna.contents
        transaction.begin()
        assert sorted(staff["noord"].objectIds()) == before
        assert len([p for p in staff["noord"].objectValues() if p.portal_type == "YearPlan"]) == 2

    def test_unknown_year_is_refused(self, browser, staff):
        anna = browser("anna")
        url = self.form_url(staff)
        data = urlencode({"from_year": "1999", "_authenticator": token(anna, url)})
        anna.post(url, data)
        assert "from_year must lie between" in anna.contents
        transaction.begin()
        assert [p.year for p in staff["noord"].objectValues() if p.portal_type == "YearPlan"] == [
            2025
        ]

    def test_post_without_token_refused(self, browser, staff):
        anna = browser("anna")
        with pytest.raises(Forbidden):
            anna.post(self.form_url(staff), urlencode({"from_year": "2025"}))
        transaction.begin()
        assert [p.year for p in staff["noord"].objectValues() if p.portal_type == "YearPlan"] == [
            2025
        ]

    def test_reader_may_not_roll_over(self, browser, staff):
        lezer = refused_browser(browser("lezer"))
        lezer.open(self.form_url(staff))
        assert "insufficient-privileges" in lezer.url
        assert "bq-rollover-form" not in lezer.contents
