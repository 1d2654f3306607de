"""Reminders and the calendar in Chromium, on the Dutch demo site.

The coordinator sees what waits for them on the dashboard and opens the item;
staff switch their reminder mails off on their personal page and subscribe to the
library's calendar with the personal link, which a new link revokes; the site
administrator runs the reminders as a dry run first. Shot at 1400 and 390 px.
"""

from icalendar import Calendar
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import pytest
import requests


pytestmark = pytest.mark.browser

LIBRARY = "bibliotheek-westfriesland-noord"


def submit(page, selector):
    with page.expect_navigation():
        page.click(selector)
    page.wait_for_load_state("networkidle")


def test_the_coordinator_sees_what_waits(visitor):
    visitor.login("coordinator")
    visitor.open(LIBRARY)
    panel = visitor.page.locator("#bq-waiting")
    assert panel.locator("h2").inner_text() == "Wacht op u"
    visitor.shot("dashboard-waiting")
    items = panel.locator("li")
    assert items.count() >= 1
    first = items.first.locator("a")
    title = first.inner_text()
    submit(visitor.page, "#bq-waiting li a >> nth=0")
    assert visitor.page.locator("h1").first.inner_text() == title


def test_staff_do_not_see_the_coordinators_list(visitor):
    visitor.login("medewerker")
    visitor.open(LIBRARY)
    assert visitor.page.locator("#bq-waiting").count() == 0


def test_opt_out_and_calendar_link(visitor):
    visitor.login("medewerker")
    visitor.open(LIBRARY)
    page = visitor.page
    submit(page, "#bq-my-reminders-link")
    assert page.locator("h1").first.inner_text() == "Mijn herinneringen"
    page.check("#bq-opt-out")
    submit(page, "button[name='form.reminders']")
    assert page.locator("#bq-opt-out").is_checked()
    assert "geen herinneringsmails" in page.locator(".portalMessage, .alert").first.inner_text()
    visitor.shot("my-reminders")

    assert page.locator("#bq-calendar-links").count() == 0  # no link until asked for
    submit(page, "button[name='form.renew']")
    link = page.locator("#bq-calendar-links .bq-ics-url").first.input_value()
    assert link.startswith("http") and "?key=" in link
    assert (
        page.locator("#bq-calendar-links .bq-webcal")
        .first.get_attribute("href")
        .startswith("webcal://")
    )
    feed = requests.get(link, timeout=30)
    assert feed.status_code == 200
    calendar = Calendar.from_ical(feed.content)
    assert calendar.walk("VEVENT"), "the demo library has dates"

    submit(page, "button[name='form.renew']")
    visitor.shot("calendar-renewed")
    assert requests.get(link, timeout=30).status_code == 404
    renewed = page.locator("#bq-calendar-links .bq-ics-url").first.input_value()
    assert renewed != link and requests.get(renewed, timeout=30).status_code == 200


def test_dry_run_of_the_reminders(visitor):
    visitor.login(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    visitor.open("@@reminders")
    submit(visitor.page, "button[name='form.dry_run']")
    section = visitor.page.locator("#bq-reminder-mails")
    assert section.is_visible()
    assert "zouden nu worden verstuurd" in section.locator("h2").first.inner_text()
    visitor.shot("reminders-dry-run")


def test_personal_page_fits_a_phone(phone_visitor):
    phone_visitor.login("medewerker")
    phone_visitor.open("@@my-reminders")
    width = phone_visitor.page.evaluate("document.documentElement.scrollWidth")
    phone_visitor.shot("my-reminders-phone")
    assert width <= 390
