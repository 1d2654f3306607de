"""Small but visible things of issue 15, in Chromium on the Dutch demo site.

The toolbar's status reads as the badge on the page ("Afgerond"), the PDCA history
and the toolbar show times in the same time zone, every Dutch message addresses
the reader with "u", the sharing tab names the audit group by its title and the
dashboard's chart labels stay readable on a phone.
"""

from bibqual import _
from bibqual import clock
from bibqual.audit import grants
from browser.conftest import Visitor
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from plone import api
from zoneinfo import ZoneInfo
from zope.i18n import translate
import pytest
import re
import transaction


LIBRARY = "bibliotheek-westfriesland-noord"
DONE_PROJECT = f"{LIBRARY}/jaarplan-2025/huis-voor-taal-met-taalmaatjes"
LOCALES = Path(__file__).resolve().parents[2] / "src" / "bibqual" / "locales" / "nl"
# A browser far from the site's zone, so a time in the wrong zone cannot pass by chance.
BROWSER_ZONE = "America/New_York"
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)


def _msgstrs(path):
    text = path.read_text(encoding="utf-8")
    return re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"', text, re.MULTILINE)


@pytest.mark.parametrize("catalogue", ["bibqual.po", "plone.po"])
def test_every_dutch_message_says_u(catalogue):
    informal = [
        (msgid, msgstr)
        for msgid, msgstr in _msgstrs(LOCALES / "LC_MESSAGES" / catalogue)
        if INFORMAL.search(msgstr)
    ]
    assert informal == []


def test_the_compiled_catalogue_says_u(portal):
    message = _("You may not take the step '${transition}' here.", mapping={"transition": "Do"})
    assert translate(message, target_language="nl") == "U mag de stap 'Do' hier niet zetten."


def test_toolbar_state_titles_are_the_badges(portal):
    """Every state title of a bibqual workflow reads the same in Plone's toolbar
    (domain plone) as on bibqual's badges (domain bibqual)."""
    assert translate("Completed", domain="plone", target_language="nl") == "Afgerond"
    tool = api.portal.get_tool("portal_workflow")
    different = []
    for workflow in tool.objectValues():
        if not workflow.getId().startswith("bibqual_"):
            continue
        for state in workflow.states.objectValues():
            toolbar = translate(state.title, domain="plone", target_language="nl")
            badge = translate(state.title, domain="bibqual", target_language="nl")
            if toolbar != badge:
                different.append((workflow.getId(), state.getId(), toolbar, badge))
    assert different == []


@pytest.mark.browser
def test_toolbar_status_reads_as_the_badge(visitor):
    visitor.login("coordinator")
    visitor.open(DONE_PROJECT)
    toolbar = visitor.page.locator("#plone-contentmenu-workflow .toolbar-label span").first
    assert toolbar.inner_text() == "Afgerond"
    assert visitor.page.locator("#content .bq-phase-done").first.inner_text() == "Afgerond"
    visitor.shot("toolbar-status")


def _shown_in(zone, element):
    """What ``element`` (a ``<time>``) should show in ``zone``: dd-mm-yyyy HH:MM."""
    moment = datetime.fromisoformat(element.get_attribute("datetime"))
    return moment.astimezone(ZoneInfo(zone)).strftime("%d-%m-%Y %H:%M")


@pytest.fixture
def far_visitor(chromium, site_url, request):
    """A Visitor whose browser runs in :data:`BROWSER_ZONE`."""

    context = chromium.new_context(
        viewport={"width": 1400, "height": 900}, locale="nl-NL", timezone_id=BROWSER_ZONE
    )
    visitor = Visitor(context.new_page(), site_url, request.node.name)
    yield visitor
    context.close()
    assert visitor.errors == [], visitor.errors


@pytest.mark.browser
def test_history_and_toolbar_show_the_same_zone(far_visitor):
    visitor = far_visitor
    visitor.login("coordinator")
    visitor.open(DONE_PROJECT)
    page = visitor.page
    toolbar = page.locator("#contentview-history time").first
    steps = page.locator(".bq-timeline time")
    assert steps.count() >= 2
    assert toolbar.inner_text().startswith(_shown_in(BROWSER_ZONE, toolbar))
    for index in range(steps.count()):
        step = steps.nth(index)
        assert step.inner_text() == _shown_in(BROWSER_ZONE, step)
    visitor.shot("history-zone")


@pytest.mark.browser
def test_sharing_tab_names_the_audit_group(visitor, demo_functional):
    library = demo_functional["portal"][LIBRARY]
    with api.env.adopt_roles(["Manager"]):
        grants.grant(library, "auditor", clock.today() + timedelta(days=30))
    transaction.commit()
    visitor.login("coordinator")
    visitor.open(f"{LIBRARY}/@@sharing")
    row = visitor.page.locator("#user-group-sharing-settings td[title^='bibqual-audit-']")
    assert row.count() == 1
    assert row.inner_text().strip().startswith("Auditors van Bibliotheek Westfriesland-Noord")
    visitor.shot("sharing-audit-group")


@pytest.mark.browser
def test_phone_chart_labels_are_readable(phone_visitor):
    phone_visitor.login("coordinator")
    phone_visitor.open(LIBRARY)
    chart = phone_visitor.page.locator("svg.bq-chart").first
    sizes = chart.evaluate(
        """svg => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            const left = svg.getBoundingClientRect().left;
            return Array.from(svg.querySelectorAll('text')).map(text => ({
                size: parseFloat(text.getAttribute('font-size')) * scale,
                inside: text.getBoundingClientRect().left >= left - 0.5,
            }));
        }"""
    )
    assert sizes, "the dashboard shows the phase chart"
    assert min(item["size"] for item in sizes) >= 12, sizes
    assert all(item["inside"] for item in sizes)
    phone_visitor.shot("phone-chart")
