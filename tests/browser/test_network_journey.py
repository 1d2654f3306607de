"""The network at work in Chromium: a colleague's project copied into the own plan
from the add form, a year plan rolled over through the dashboard, and an
assurance project taken through a full cycle on its page.

The demo site is Dutch, the panel's texts are translated: elements are found
by their ids and classes, not by their wording.
"""

from datetime import date
from plone import api
from support import PASSWORD
import pytest
import transaction


pytestmark = pytest.mark.browser


MAIN = "bibliotheek-westfriesland-noord"
OTHER = "bibliotheek-kop-van-noord"
THIS_YEAR = date.today().year
COLLEAGUE = "kop-medewerker"
SOURCE_TITLE = "VoorleesExpress in de wijk"
HOSTILE_TITLE = 'Voorleesexpress <img src="x" onerror="window.bqHacked = true">'


def take_step(visitor, transition, comment=""):
    """Click a transition button on a project page, with a comment."""
    page = visitor.page
    page.fill("#bq-transition-comment", comment)
    with page.expect_navigation():
        page.click(f"button[name='workflow_action'][value='{transition}']")
    page.wait_for_load_state("networkidle")


def plan_column(page, state):
    return page.locator(f"section.bq-column[aria-labelledby='bq-col-{state}']")


class TestCopyFromColleague:
    """A librarian of the library that does not share types a title, sees what the
    main library did, and copies it into the own year plan."""

    def test_type_title_see_panel_copy(self, visitor, demo_functional):
        portal = demo_functional["portal"]
        with api.env.adopt_roles(["Manager"]):
            api.user.create(
                email="kop@example.org",
                username=COLLEAGUE,
                password=PASSWORD,
                properties={"fullname": "Kees Kop"},
            )
            api.user.grant_roles(
                username=COLLEAGUE, obj=portal[OTHER], roles=["Editor", "Contributor"]
            )
            portal[OTHER].reindexObjectSecurity()
            # markup in a colleague's texts must show as text in the panel
            api.content.create(
                container=portal[MAIN][f"jaarplan-{THIS_YEAR}"],
                type="SmartProject",
                id="voorleesexpress-markup",
                title=HOSTILE_TITLE,
                specific="<script>window.bqHacked = true</script> Voorlezen met <b>vet</b>.",
                deadline=date(THIS_YEAR, 12, 1),
                indicators=[
                    {"name": "<i>Gezinnen</i>", "target": 5, "actual": None, "unit": "<u>"}
                ],
            )
        transaction.commit()
        page = visitor.page
        visitor.login(COLLEAGUE, PASSWORD)
        visitor.open(f"{OTHER}/jaarplan-{THIS_YEAR}/++add++SmartProject")
        panel = page.locator("#bq-similar")
        assert panel.is_visible()
        assert page.locator("#bq-similar [aria-live='polite']").count() == 1
        assert page.locator(".bq-similar-hit").count() == 0

        page.locator("#form-widgets-IDublinCore-title").press_sequentially("Voorleesexp", delay=30)
        hit = page.locator(".bq-similar-hit", has_text=SOURCE_TITLE)
        hit.wait_for()
        assert "Bibliotheek Westfriesland-Noord" in hit.locator(".bq-similar-library").inner_text()
        assert hit.locator(".bq-similar-year").inner_text() == str(THIS_YEAR)
        assert hit.locator(".bq-similar-specific").inner_text().startswith("Vrijwilligers lezen")
        assert hit.locator(".bq-similar-indicators li").count() == 2
        assert hit.locator(".bq-similar-copies").count() == 1
        # the colleague library's page is not readable here: the title is no link
        assert hit.locator(".bq-similar-title").inner_text() == SOURCE_TITLE
        assert hit.locator("a.bq-similar-link").count() == 0
        hostile = page.locator(".bq-similar-hit", has_text="onerror")
        assert hostile.locator(".bq-similar-title").inner_text() == HOSTILE_TITLE
        assert hostile.locator("img, script, b, i, u").count() == 0
        assert "<script>" in hostile.locator(".bq-similar-specific").inner_text()
        assert page.evaluate("window.bqHacked === undefined")
        visitor.shot("add-form-similar")

        # the own library's projects are found too, marked and linked
        page.locator("#form-widgets-IDublinCore-title").fill("Digitaal spreekuur")
        own = page.locator(".bq-similar-hit", has_text="Digitaal spreekuur in het dorpshuis")
        own.wait_for()
        assert own.locator(".bq-similar-own").count() == 1
        assert (
            own.locator("a.bq-similar-link")
            .get_attribute("href")
            .startswith(visitor.url(OTHER) + "/")
        )

        page.locator("#form-widgets-IDublinCore-title").fill("qqxyzzy")
        page.locator(".bq-similar-hit").first.wait_for(state="detached")
        assert page.locator("#bq-similar-status").inner_text().strip()
        visitor.shot("add-form-nothing-found")

        page.locator("#form-widgets-IDublinCore-title").fill("Voorleesexpress")
        hit.wait_for()
        with page.expect_navigation():
            hit.locator(".bq-copy-button").click()
        page.wait_for_load_state("networkidle")
        assert f"/{OTHER}/jaarplan-{THIS_YEAR}/" in page.url
        # the copy keeps the title typed in the add form
        assert page.locator("h1").first.inner_text() == "Voorleesexpress"
        assert page.locator("#content .bq-phase-plan").count() >= 1
        actual = page.locator("table.bq-indicators tbody tr td:nth-child(3)")
        assert actual.count() == 2
        assert [text.strip() for text in actual.all_inner_texts()] == ["", ""]
        assert page.locator(".portalMessage.statusmessage-info").count() >= 1
        visitor.shot("copy-in-own-plan")

        transaction.begin()
        plan = portal[OTHER][f"jaarplan-{THIS_YEAR}"]
        copy = plan[page.url.rstrip("/").rsplit("/", 1)[1]]
        assert api.content.get_state(copy) == "plan"
        assert [row["actual"] for row in copy.indicators] == [None, None]
        assert (
            copy.copied_from
            == portal[MAIN][f"jaarplan-{THIS_YEAR}"]["voorleesexpress-in-de-wijk"].UID()
        )


class TestRolloverThroughDashboard:
    """The quality coordinator rolls this year's plan over into next year."""

    def test_rollover_from_dashboard(self, visitor, demo_functional):
        portal = demo_functional["portal"]
        catalog = portal.portal_catalog
        plan_path = "/".join(portal[MAIN][f"jaarplan-{THIS_YEAR}"].getPhysicalPath())
        brains = catalog.unrestrictedSearchResults(
            portal_type="SmartProject", path={"query": plan_path, "depth": 1}
        )
        unfinished = sorted(b.Title for b in brains if b.review_state not in ("done", "cancelled"))
        finished = sorted(b.Title for b in brains if b.review_state in ("done", "cancelled"))
        assert unfinished

        page = visitor.page
        visitor.login("coordinator")
        visitor.open(MAIN)
        with page.expect_navigation():
            page.click("#bq-rollover-link")
        page.wait_for_load_state("networkidle")
        assert page.locator("#bq-rollover-from").input_value() == str(THIS_YEAR)
        assert page.locator("#bq-rollover-to").inner_text() == str(THIS_YEAR + 1)
        visitor.shot("rollover-form")
        with page.expect_navigation():
            page.click("#bq-rollover-submit")
        page.wait_for_load_state("networkidle")
        assert page.url.startswith(visitor.url(MAIN) + "/")
        assert str(THIS_YEAR + 1) in page.locator("h1").first.inner_text()
        assert page.locator(".portalMessage.statusmessage-info").count() >= 1
        cards = plan_column(page, "plan").locator(".bq-card h3")
        assert sorted(text.strip() for text in cards.all_inner_texts()) == unfinished
        for state in ("do", "check", "act", "done"):
            assert plan_column(page, state).locator(".bq-card").count() == 0
        for title in finished:
            assert page.locator(".bq-card", has_text=title).count() == 0
        visitor.shot("new-plan-board")


class TestAssuranceCycle:
    """Staff take an assurance project through a whole cycle on its page."""

    def test_full_cycle(self, visitor, demo_functional):
        portal = demo_functional["portal"]
        project = portal[MAIN]["klanttevredenheidsonderzoek"]
        cycle = project.cycle
        assert api.content.get_state(project) == "plan"
        evaluation = (
            "Respons verdubbeld dankzij de online vragenlijst; openingstijden blijven een punt."
        )

        page = visitor.page
        visitor.login("medewerker")
        visitor.open(f"{MAIN}/klanttevredenheidsonderzoek")
        visitor.shot("assurance-plan")
        take_step(visitor, "start", "Vragenlijst verstuurd.")
        take_step(visitor, "evaluate", "Resultaten binnen.")
        visitor.shot("assurance-check")
        # The evaluation is a field (Adjust needs it), typed in the step box itself; the
        # comment stays optional.
        page.fill("#bq-step-evaluation", evaluation)
        take_step(visitor, "adjust")
        assert page.locator("#bq-current-evaluation .bq-evaluation").inner_text() == evaluation
        take_step(visitor, "new_cycle", "Volgende ronde over drie jaar.")
        assert page.locator("#content .bq-phase-plan").count() >= 1
        assert str(cycle + 1) in page.locator("#bq-history-heading").inner_text()
        earlier = page.locator("#bq-cycles article.bq-cycle").first
        assert str(cycle) in earlier.locator("h3").inner_text()
        assert earlier.locator(".bq-evaluation").inner_text().strip() == evaluation
        visitor.shot("assurance-new-cycle")

        transaction.begin()
        assert portal[MAIN]["klanttevredenheidsonderzoek"].cycle == cycle + 1
