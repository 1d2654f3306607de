"""The coordinator opens the quality dossier in Chromium: a bad evidence link is no link.

The attack of security issue 9 (finding 1): staff store ``javascript:...`` as the link
of a draft evidence item and wait for the coordinator to click "Open link" on the
quality dossier. Such a link can no longer be stored through a form or REST; here it
is put on the object directly (as if stored before the fix), and the page the
coordinator sees has no ``javascript:`` or ``data:`` link, while "Open link" of a
good link still opens its page.
"""

from concurrent.futures import ThreadPoolExecutor
from playwright.sync_api import sync_playwright
from plone import api
from support import DEMO_PASSWORD
import os
import pytest
import shutil
import transaction


pytestmark = pytest.mark.browser


CHROMIUM = os.environ.get("BIBQUAL_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
LIBRARY = "bibliotheek-westfriesland-noord"
BAD_LINKS = {
    "handig-overzicht": "javascript:window.__pwned=1;fetch('/plone/@@sharing')",
    "handig-overzicht-2": "data:text/html,<script>window.__pwned=1</script>",
    "handig-overzicht-3": " JaVaScRiPt:window.__pwned=1",
}


@pytest.fixture
def site_url(demo_functional):
    """The demo site, with bad links stored directly and one good link to a page of the site."""
    portal = demo_functional["portal"]
    library = portal[LIBRARY]
    with api.env.adopt_roles(["Manager"]):
        for item_id, link in BAD_LINKS.items():
            api.content.create(
                container=library,
                type="Evidence",
                id=item_id,
                title=f"Handig overzicht {item_id[-1]}",
                document_type="overig",
            ).remote_url = link
            library[item_id].reindexObject()
        api.content.create(
            container=library,
            type="Evidence",
            id="dekkingsoverzicht",
            title="Dekkingsoverzicht",
            document_type="overig",
            remote_url=f"{library.absolute_url()}/@@norm-coverage",
        )
    transaction.commit()
    return portal.absolute_url()


def in_chromium(site_url, scenario):
    """Run ``scenario(page)`` as the coordinator in a fresh headless Chromium; no page
    may raise a JavaScript error.

    The scenario runs in a thread of its own: Playwright's sync API refuses to start
    where another sync Playwright (the browser tests' session-wide Chromium) already
    runs an event loop in this thread.
    """

    def run():
        errors = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                context = browser.new_context(
                    viewport={"width": 1400, "height": 900}, locale="nl-NL"
                )
                page = context.new_page()
                page.on("pageerror", lambda error: errors.append(str(error)))
                page.goto(f"{site_url}/login")
                page.fill("input[name='__ac_name']", "coordinator")
                page.fill("input[name='__ac_password']", DEMO_PASSWORD)
                page.click("#buttons-login, button[name='buttons.login']")
                page.wait_for_load_state("networkidle")
                scenario(page)
            finally:
                browser.close()
        assert errors == []

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(run).result()


def dossier_scenario(page, site_url):
    """The coordinator on the quality dossier: no bad link, and a good one that opens."""
    page.goto(f"{site_url}/{LIBRARY}/@@quality-dossier")
    page.wait_for_load_state("networkidle")
    every = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    assert [href for href in every if "pwned" in href] == []
    # the dossier itself links only to web pages (Plone's toolbar has a javascript:void(0))
    hrefs = page.eval_on_selector_all("#content a[href]", "links => links.map(a => a.href)")
    assert hrefs, "the dossier has links"
    schemes = {href.split(":", 1)[0].lower() for href in hrefs}
    assert schemes <= {"http", "https"}, [h for h in hrefs if not h.startswith("http")]
    # the bad items are listed (the coordinator sees the drafts), without "Open link"
    for item_id in BAD_LINKS:
        rows = page.locator(f"tr[data-evidence$='/{item_id}']")
        assert rows.count() >= 1
        assert rows.locator("a.bq-link").count() == 0
    assert page.evaluate("window.__pwned") is None

    link = page.locator("tr[data-evidence$='/dekkingsoverzicht'] a.bq-link").first
    assert link.get_attribute("href") == f"{site_url}/{LIBRARY}/@@norm-coverage"
    link.click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{site_url}/{LIBRARY}/@@norm-coverage"
    assert page.evaluate("window.__pwned") is None


def test_coordinator_sees_no_bad_link_and_opens_a_good_one(site_url):
    in_chromium(site_url, lambda page: dossier_scenario(page, site_url))
