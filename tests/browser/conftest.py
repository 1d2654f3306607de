"""Browser tests: Debian's Chromium driven by Playwright against the demo site.

The demo site runs on a real WSGI server of the test layer (host ``localhost``,
so Plone applies the Barceloneta theme). Every page a test visits is saved as a
screenshot under ``test-screenshots/`` and no JavaScript error may occur.
"""

from pathlib import Path
from playwright.sync_api import sync_playwright
from support import DEMO_PASSWORD
import os
import pytest
import shutil


CHROMIUM = os.environ.get("BIBQUAL_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole session."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site_url(demo_functional):
    """URL of the demo Plone site served by the test layer."""
    return demo_functional["portal"].absolute_url()


class Visitor:
    """A person in the browser: logs in through the form, visits pages, takes screenshots."""

    def __init__(self, page, site_url, name):
        self.page = page
        self.site_url = site_url
        self.name = name
        self.errors = []
        self.shots = 0
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        page.on(
            "console",
            lambda message: (
                self.errors.append(f"console: {message.text}") if message.type == "error" else None
            ),
        )

    def url(self, path=""):
        return f"{self.site_url}/{path}".rstrip("/")

    def open(self, path=""):
        response = self.page.goto(self.url(path))
        self.page.wait_for_load_state("networkidle")
        return response

    def login(self, user, password=DEMO_PASSWORD):
        self.open("login")
        self.page.fill("input[name='__ac_name']", user)
        self.page.fill("input[name='__ac_password']", password)
        self.page.click("#buttons-login, button[name='buttons.login']")
        self.page.wait_for_load_state("networkidle")

    def shot(self, label):
        SCREENSHOTS.mkdir(exist_ok=True)
        self.shots += 1
        path = SCREENSHOTS / f"{self.name}-{self.shots:02d}-{label}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


def _visitor(chromium, site_url, request, width, height):
    context = chromium.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
    visitor = Visitor(context.new_page(), site_url, request.node.name)
    yield visitor
    context.close()
    assert visitor.errors == [], visitor.errors


@pytest.fixture
def visitor(chromium, site_url, request):
    """A fresh browser context (1400 px wide) as a :class:`Visitor`; fails on JS errors."""
    yield from _visitor(chromium, site_url, request, 1400, 900)


@pytest.fixture
def phone_visitor(chromium, site_url, request):
    """The same on a phone-sized screen (390 x 844)."""
    yield from _visitor(chromium, site_url, request, 390, 844)
