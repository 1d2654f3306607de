"""Text that people type is shown as text: no script from a title reaches a page."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from support import PASSWORD
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.workflows import make_users
import pytest
import transaction


SCRIPT = "<script>alert(1)</script>"
RAW = "<script>alert(1)"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
# Opening an edit form locks the item, so one editor opens it.
PAGES = [
    (path, user)
    for path in (
        "bieb/jaarplan-2026/boos",
        "bieb/jaarplan-2026/boos/view",
        "bieb/jaarplan-2026",
        "bieb/jaarplan-2026/boos/bewijs",
    )
    for user in ("admin", "wf-editor", "wf-reader")
] + [("bieb/jaarplan-2026/boos/edit", "wf-editor")]


@pytest.fixture(scope="class")
def tree(site):
    """A project, its evidence and a partner all named like a script, committed."""
    library = make_library(site)
    make_users(library)
    plan = make_plan(library)
    project = make_project(
        plan,
        "boos",
        title=SCRIPT,
        description=f"Beschrijving {SCRIPT}",
        specific=f"Doel {SCRIPT}",
        partners=[SCRIPT],
        indicators=[{"name": SCRIPT, "target": 1, "actual": None, "unit": SCRIPT}],
    )
    make_evidence(project, "bewijs", title=SCRIPT)
    transaction.commit()
    return site


@pytest.fixture(scope="class")
def browser(functional_app_class):
    from plone.testing.zope import Browser

    def open_as(user=None):
        browser = Browser(functional_app_class)
        browser.handleErrors = False
        if user == "admin":
            browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        elif user:
            browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        return browser

    return open_as


class TestEscaping:
    @pytest.mark.parametrize("path, user", PAGES, ids=[f"{p}-{u}" for p, u in PAGES])
    def test_title_escaped(self, tree, browser, user, path):
        page = browser(user)
        page.open(f"{tree.absolute_url()}/{path}")
        assert RAW not in page.contents
        assert ESCAPED in page.contents or "&lt;script&gt;alert(1)" in page.contents

    def test_plan_listing_shows_the_project(self, tree, browser):
        """The listing test means something: the plan page does list the project."""
        page = browser("admin")
        page.open(f"{tree.absolute_url()}/bieb/jaarplan-2026")
        assert "jaarplan-2026/boos" in page.contents
        assert ESCAPED in page.contents

    def test_rest_returns_the_text_as_data(self, tree, session):
        data = session("admin").get("/bieb/jaarplan-2026/boos").json()
        assert data["title"] == SCRIPT
        assert data["indicators"][0]["name"] == SCRIPT

    def test_refusal_message_is_text(self, tree, session):
        """A step name from the URL comes back inside JSON, as text."""
        response = session("admin").post("/bieb/jaarplan-2026/boos/@workflow/%3Cscript%3E")
        assert response.status_code in (400, 404)
        assert response.headers["Content-Type"].startswith("application/json")
