"""The pages fit a phone (390 px wide): the page itself never scrolls sideways
(wide tables scroll inside their own box)."""

from datetime import date
import pytest


pytestmark = pytest.mark.browser


LIBRARY = "bibliotheek-westfriesland-noord"
PAGES = {
    "dashboard": LIBRARY,
    "board": f"{LIBRARY}/jaarplan-{date.today().year}",
    "dossier": f"{LIBRARY}/@@quality-dossier",
    "coverage": f"{LIBRARY}/@@norm-coverage",
    "pdca": f"{LIBRARY}/@@pdca-overview",
    "import": f"{LIBRARY}/@@import-year-plan",
}
# who opens the page (the coordinator unless named): staff import year plans
USERS = {"import": "medewerker"}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_fits_a_phone(phone_visitor, name):
    phone_visitor.login(USERS.get(name, "coordinator"))
    phone_visitor.open(PAGES[name])
    page = phone_visitor.page
    assert page.locator("h1").first.is_visible()
    assert page.locator("h1").first.inner_text() != "Onvoldoende rechten"
    width = page.evaluate("document.documentElement.scrollWidth")
    phone_visitor.shot(name)
    assert width <= 390, f"{name} is {width} px wide on a 390 px screen"
