"""The step box of the project pages in Chromium, on the Dutch demo site (issue 15,
items 2, 6 and 7).

Stopping a project is its own step ("Project stopzetten"), apart from the next
step, with a reason and a confirmation, and the coordinator resumes it from the
same page; the evaluation is typed in the step box and what was typed survives a
refusal; staff see why a project cannot be completed yet, or that it waits for
the coordinator. Shot at 1400 and 390 px.

The Dutch texts of the new messages come from the catalogue (bibqual.po).
"""

from plone import api
import pytest
import transaction


pytestmark = pytest.mark.browser


def path_of(demo_functional, item_id):
    """The site-relative path of the demo item ``item_id``."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(getId=item_id)
    assert len(brains) == 1, item_id
    site = "/".join(demo_functional["portal"].getPhysicalPath())
    return brains[0].getPath()[len(site) + 1 :]


def submit(page, selector):
    with page.expect_navigation():
        page.click(selector)
    page.wait_for_load_state("networkidle")


def test_staff_stop_a_project_with_a_reason_and_the_coordinator_resumes_it(
    visitor, demo_functional
):
    path = path_of(demo_functional, "vrijwilligersbeleid-herijken")
    visitor.login("medewerker")
    visitor.open(path)
    page = visitor.page
    # not a red button next to the next step: folded away under "Meer"
    assert page.locator("#bq-step-form #bq-stop-button").count() == 0
    assert not page.locator("#bq-stop-button").is_visible()
    next_steps = page.locator("#bq-step-form button[name='workflow_action']")
    assert [next_steps.nth(i).get_attribute("value") for i in range(next_steps.count())] == [
        "evaluate"
    ]
    page.click("#bq-more summary")
    assert page.locator("#bq-stop-button").is_visible()
    visitor.shot("stop-opened")
    stop_label = page.locator("#bq-stop-button").inner_text()
    more_label = page.locator("#bq-more summary").inner_text()

    # without a reason and a confirmation the browser does not even send it
    page.click("#bq-stop-button")
    assert page.locator("#bq-stop-reason:invalid").count() == 1
    page.fill("#bq-stop-reason", "Het beleid wordt door de gemeente herzien.")
    page.click("#bq-stop-button")
    assert page.locator("#bq-stop-confirm:invalid").count() == 1
    page.check("#bq-stop-confirm")
    submit(page, "#bq-stop-button")
    assert page.locator(".bq-phase.bq-phase-cancelled").count() >= 1
    history = page.locator("#bq-history li").last.inner_text()
    assert "Het beleid wordt door de gemeente herzien." in history
    # staff cannot resume it
    assert page.locator("button[name='workflow_action']").count() == 0
    visitor.shot("stopped")

    visitor.page.context.clear_cookies()
    visitor.login("coordinator")
    visitor.open(path)
    resume = page.locator("#bq-step-form button[value='reopen']")
    resume_label = resume.inner_text()
    page.fill("#bq-transition-comment", "Het nieuwe beleid is er; we gaan verder.")
    submit(page, "#bq-step-form button[value='reopen']")
    assert page.locator(".bq-phase.bq-phase-plan").count() >= 1
    visitor.shot("resumed")

    assert more_label == "Meer"
    assert stop_label == "Project stopzetten"
    assert "Project stopzetten" in history
    assert resume_label == "Project hervatten"


def test_the_evaluation_is_typed_in_the_step_box_and_never_lost(visitor, demo_functional):
    path = path_of(demo_functional, "leesclubs-en-schrijversavonden")
    visitor.login("medewerker")
    visitor.open(path)
    page = visitor.page
    assert page.locator("#bq-step-evaluation").input_value() == ""
    page.fill("#bq-transition-comment", "Besproken in het teamoverleg.")
    submit(page, "#bq-step-form button[value='adjust']")
    error = page.locator("#bq-step-error")
    message = error.inner_text()
    assert error.locator("a").get_attribute("href") == "#bq-step-evaluation"
    # what was typed is still there
    assert page.locator("#bq-transition-comment").input_value() == "Besproken in het teamoverleg."
    visitor.shot("refused-with-link")
    error.locator("a").click()
    assert page.locator("#bq-step-evaluation").is_visible()

    evaluation = "Twaalf leesclubs; de schrijversavonden trokken gemiddeld 40 bezoekers."
    page.fill("#bq-step-evaluation", evaluation)
    submit(page, "#bq-step-form button[value='adjust']")
    assert page.locator("#bq-step-error").count() == 0
    assert evaluation in page.locator("#bq-checkact-heading").locator("..").inner_text()
    assert "Besproken in het teamoverleg." in page.locator("#bq-history li").last.inner_text()
    visitor.shot("adjusted")
    assert message.startswith("Vul eerst de evaluatie (Check) in")


def test_staff_see_that_completing_waits_for_the_coordinator(phone_visitor, demo_functional):
    path = path_of(demo_functional, "makerspace-en-cultuureducatie")
    phone_visitor.login("medewerker")
    phone_visitor.open(path)
    page = phone_visitor.page
    note = page.locator("#bq-completion")
    assert note.is_visible()
    assert page.locator("button[value='complete']").count() == 0
    phone_visitor.shot("waits-for-coordinator")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width
    assert note.inner_text() == "Wacht op de kwaliteitscoördinator: afronden"


def test_staff_see_why_a_project_cannot_complete_yet(visitor, demo_functional):
    path = path_of(demo_functional, "makerspace-en-cultuureducatie")
    with api.env.adopt_roles(["Manager"]):
        project = api.content.get(path="/" + path)
        rows = [dict(row) for row in project.indicators]
        rows[0]["actual"] = None
        project.indicators = rows
    transaction.commit()
    visitor.login("medewerker")
    visitor.open(path)
    note = visitor.page.locator("#bq-completion").inner_text()
    visitor.shot("cannot-complete-yet")
    assert rows[0]["name"] in note
    assert note.startswith("Het project kan nog niet worden afgerond")
