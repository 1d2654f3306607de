"""Copying without silent duplicates in Chromium (issue 15, item 8): on the add form
the similar-projects panel marks a project that is already in this plan, copying it
again first asks, and the copy keeps the title typed in the add form.

The demo site is Dutch: elements are found by their ids and classes, the texts a
person reads are checked in Dutch.
"""

from datetime import date
from plone import api
import pytest
import transaction


pytestmark = pytest.mark.browser

MAIN = "bibliotheek-westfriesland-noord"
THIS_YEAR = date.today().year
PLAN = f"{MAIN}/jaarplan-{THIS_YEAR}"
SOURCE_TITLE = "VoorleesExpress in de wijk"
TYPED = "VoorleesExpress in Oost"


def projects_titled(portal, title):
    transaction.begin()
    plan = portal[MAIN][f"jaarplan-{THIS_YEAR}"]
    return [obj for obj in plan.objectValues() if obj.Title() == title]


def search(visitor, text):
    """Type ``text`` as the title of a new project; return the hit of the source."""
    visitor.open(f"{PLAN}/++add++SmartProject")
    visitor.page.locator("#form-widgets-IDublinCore-title").press_sequentially(text, delay=30)
    hit = visitor.page.locator(".bq-similar-hit", has_text=SOURCE_TITLE)
    hit.wait_for()
    return hit


class TestCopyAgain:
    def test_copying_a_project_of_this_plan_asks_first(self, visitor, demo_functional):
        portal = demo_functional["portal"]
        page = visitor.page
        visitor.login("medewerker")
        hit = search(visitor, "Voorleesexp")
        with page.expect_navigation():
            hit.locator(".bq-copy-button").click()
        page.wait_for_load_state("networkidle")
        # not copied yet: a page that says where the project already is
        assert page.locator("#bq-copy-confirm").is_visible()
        warning = page.locator("#bq-copy-duplicate")
        assert warning.locator("a", has_text=SOURCE_TITLE).count() == 1
        assert "staat al in dit jaarplan" in page.locator("h1").first.inner_text()
        assert len(projects_titled(portal, SOURCE_TITLE)) == 1
        visitor.shot("copy-asks-first")
        page.fill("#bq-copy-title", "VoorleesExpress, tweede ronde")
        with page.expect_navigation():
            page.click("#bq-copy-confirm button[type='submit']")
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").first.inner_text() == "VoorleesExpress, tweede ronde"
        (copy,) = projects_titled(portal, "VoorleesExpress, tweede ronde")
        assert api.content.get_state(copy) == "plan"
        visitor.shot("copied-after-confirming")

    def test_back_leaves_the_plan_as_it_was(self, visitor, demo_functional):
        portal = demo_functional["portal"]
        page = visitor.page
        visitor.login("medewerker")
        hit = search(visitor, "Voorleesexp")
        with page.expect_navigation():
            hit.locator(".bq-copy-button").click()
        with page.expect_navigation():
            page.click("#bq-copy-confirm a.btn")
        page.wait_for_load_state("networkidle")
        assert page.url.endswith("/++add++SmartProject")
        assert len(projects_titled(portal, SOURCE_TITLE)) == 1


class TestPanel:
    def test_marked_in_this_plan_and_typed_title_kept(self, visitor, demo_functional):
        portal = demo_functional["portal"]
        page = visitor.page
        visitor.login("medewerker")
        hit = search(visitor, "Voorleesexp")
        badge = hit.locator(".bq-similar-in-plan-badge")
        assert badge.inner_text().strip() == "staat al in dit jaarplan"
        visitor.shot("panel-marks-in-plan")
        page.locator("#form-widgets-IDublinCore-title").fill(TYPED)
        hit.wait_for()
        with page.expect_navigation():
            hit.locator(".bq-copy-button").click()
        page.wait_for_load_state("networkidle")
        # the confirmation carries the typed title over
        assert page.locator("#bq-copy-title").input_value() == TYPED
        with page.expect_navigation():
            page.click("#bq-copy-confirm button[type='submit']")
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").first.inner_text() == TYPED
        assert len(projects_titled(portal, TYPED)) == 1
