"""What people click: a librarian, a quality coordinator and an auditor at work.

Each journey runs in Debian's Chromium against the Dutch demo site, logs in
through the login form, saves a screenshot of every page it looks at and fails
on any JavaScript error (see conftest.py).
"""

from datetime import date
import pytest
import re


pytestmark = pytest.mark.browser


LIBRARY = "bibliotheek-westfriesland-noord"
THIS_YEAR = date.today().year


def plan_path(year=THIS_YEAR):
    return f"{LIBRARY}/jaarplan-{year}"


def column(page, state):
    """The board column of a PDCA state."""
    return page.locator(f"section.bq-column[aria-labelledby='bq-col-{state}']")


def take_step(visitor, transition, comment):
    """Click a transition button on a project page, with a comment."""
    page = visitor.page
    page.fill("#bq-transition-comment", comment)
    page.click(f"button[name='workflow_action'][value='{transition}']")
    page.wait_for_load_state("networkidle")


def open_tab(page, label):
    page.locator(".autotoc-nav a", has_text=label).first.click()


class TestLibrarian:
    """Staff (medewerker) write a SMART project and take it through Plan, Do, Check."""

    def test_add_project_and_move_it_on_the_board(self, visitor):
        page = visitor.page
        visitor.login("medewerker")
        visitor.open(plan_path())
        visitor.shot("board-before")
        page.click("#bq-add-project")
        page.wait_for_load_state("networkidle")
        page.fill("#form-widgets-IDublinCore-title", "Digicafé voor senioren")
        open_tab(page, "S: Specifiek")
        page.fill(
            "#form-widgets-specific",
            "Senioren in Medemblik leren in een wekelijks digicafé DigiD en internetbankieren.",
        )
        open_tab(page, "M: Meetbaar")
        rows = page.locator("#form-widgets-indicators tbody tr.datagridwidget-row")
        first = rows.nth(0)
        first.locator("input[name$='.widgets.name']").fill("Deelnemers")
        first.locator("input[name$='.widgets.target']").fill("60")
        first.locator("input[name$='.widgets.unit']").fill("senioren")
        second = rows.nth(1)
        second.locator("input[name$='.widgets.name']").fill("Tevredenheid")
        second.locator("input[name$='.widgets.target']").fill("8")
        second.locator("input[name$='.widgets.unit']").fill("rapportcijfer")
        open_tab(page, "T: Tijdgebonden")
        page.fill("#form-widgets-start", f"{THIS_YEAR}-02-01")
        page.fill("#form-widgets-deadline", f"{THIS_YEAR}-12-15")
        visitor.shot("add-form")
        page.click("#form-buttons-save")
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").first.inner_text() == "Digicafé voor senioren"
        indicators = page.locator("table", has_text="Deelnemers")
        assert indicators.count() >= 1
        assert "Tevredenheid" in page.content()
        visitor.shot("project-plan")

        take_step(visitor, "start", "Ruimte in de vestiging Medemblik geregeld.")
        assert "Ruimte in de vestiging Medemblik geregeld." in page.content()
        take_step(visitor, "evaluate", "Eerste meting na tien weken gedaan.")
        history = page.content()
        assert "Eerste meting na tien weken gedaan." in history
        visitor.shot("project-check")

        visitor.open(plan_path())
        card = column(page, "check").locator(".bq-card", has_text="Digicafé voor senioren")
        assert card.count() == 1
        assert column(page, "plan").locator(".bq-card", has_text="Digicafé").count() == 0
        visitor.shot("board-after")


class TestCoordinator:
    """The quality coordinator adopts a plan, releases evidence and completes a project."""

    def test_adopt_release_complete(self, visitor):
        page = visitor.page
        visitor.login("coordinator")
        next_year = THIS_YEAR + 1
        visitor.open(f"{LIBRARY}/++add++YearPlan")
        page.fill("#form-widgets-IDublinCore-title", f"Jaarplan {next_year}")
        page.fill("#form-widgets-year", str(next_year))
        page.click("#form-buttons-save")
        page.wait_for_load_state("networkidle")
        visitor.shot("new-plan")
        page.click("#plone-contentmenu-workflow > a")
        page.click("#workflow-transition-adopt")
        page.wait_for_load_state("networkidle")
        assert "Vastgesteld" in page.locator("#plone-contentmenu-workflow").inner_text()
        visitor.shot("plan-adopted")

        evidence = page_for_evidence_in_draft(visitor)
        page.click("#plone-contentmenu-workflow > a")
        page.click("#workflow-transition-release")
        page.wait_for_load_state("networkidle")
        assert "Vrijgegeven" in page.locator("#plone-contentmenu-workflow").inner_text()
        visitor.shot("evidence-released")
        assert evidence

        visitor.open(plan_path())
        card = column(page, "act").locator(".bq-card a").first
        title = card.inner_text()
        card.click()
        page.wait_for_load_state("networkidle")
        take_step(visitor, "complete", "Doelen gehaald; werkwijze vastgelegd in de procedure.")
        assert "Doelen gehaald" in page.content()
        visitor.shot("project-done")
        visitor.open(plan_path())
        assert column(page, "done").locator(".bq-card", has_text=title).count() == 1


def page_for_evidence_in_draft(visitor):
    """Open the demo's draft evidence through the quality dossier; return its title."""
    page = visitor.page
    visitor.open(f"{LIBRARY}/@@quality-dossier")
    link = page.locator("a", has_text=re.compile("concept", re.I)).first
    title = link.inner_text()
    link.click()
    page.wait_for_load_state("networkidle")
    return title


class TestAuditor:
    """The auditor reads the dossier and the plan, with no edit controls, and no drafts."""

    EDIT_MARKERS = ("/edit", "content_status_modify", "++add++", "@@audit-access")

    def assert_read_only(self, page):
        html = page.content()
        for marker in self.EDIT_MARKERS:
            assert marker not in html, marker

    def test_dossier_and_plan_read_only(self, visitor):
        page = visitor.page
        visitor.login("auditor")
        assert "audit-overview" in page.url
        visitor.shot("landing")
        self.assert_read_only(page)

        visitor.open(f"{LIBRARY}/@@quality-dossier")
        assert page.locator("h1").first.is_visible()
        assert "concept" not in page.locator("#content").inner_text().lower()
        self.assert_read_only(page)
        visitor.shot("dossier")

        visitor.open(plan_path())
        assert page.locator(".bq-card").count() > 0
        self.assert_read_only(page)
        visitor.shot("plan")

        project = page.locator(".bq-card a").first
        project.click()
        page.wait_for_load_state("networkidle")
        self.assert_read_only(page)
        assert page.locator("button[name='workflow_action']").count() == 0
        visitor.shot("project")

    def test_cannot_open_a_draft(self, visitor, demo_functional):
        page = visitor.page
        portal = demo_functional["portal"]
        draft = [
            brain
            for brain in portal.portal_catalog.unrestrictedSearchResults(
                portal_type="Evidence", review_state="draft"
            )
        ][0]
        visitor.login("auditor")
        response = visitor.open(draft.getPath().split("/", 2)[2])
        visitor.shot("draft-refused")
        assert draft.Title not in page.locator("h1").first.inner_text()
        assert (
            response.status in (401, 403)
            or "login" in page.url
            or ("Onvoldoende rechten" in page.content())
        )
