"""The page of an evidence item (issue 15, item 10a): bibqual's own view with the
document type, validity, norm elements, linked projects, the file or link, the
state and the coordinator's "Release", and none of Plone's internals.

``TestEvidenceView`` reads the page with zope.testbrowser on a small site;
``TestEvidenceInChromium`` walks the Dutch demo site in Chromium.
"""

from datetime import date
from datetime import timedelta
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.namedfile.file import NamedBlobFile
from plone.testing.zope import Browser
from support import PASSWORD
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.content import make_user
from urllib.parse import urlencode
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
import pytest
import re
import transaction


TODAY = date(2026, 6, 1)
DUTCH_DATE = re.compile(r"^\d{2}-\d{2}-\d{4}$")
TOKEN_RE = re.compile(r'name="_authenticator"[^>]*value="([^"]+)"')


@pytest.fixture
def site(functional_portal, monkeypatch):
    """A library with coordinator ``coco`` (Reviewer) and staff ``jan``; a project
    holding a draft file evidence linked to a second project, and an expired link
    evidence in the library. The clock stands on 1 June 2026."""
    monkeypatch.setattr("bibqual.clock.today", lambda: TODAY)
    library = make_library(functional_portal, "bieb")
    make_user("coco", [(library, ["Reviewer"])], fullname="Coco Coördinator")
    make_user("jan", [(library, ["Editor", "Contributor"])], fullname="Jan Jansen")
    plan = make_plan(library, 2026)
    holder = make_project(plan, "voorlezen", title="Voorlezen op de peuterspeelzaal")
    other = make_project(plan, "taalcafe", title="Taalcafé")
    intids = getUtility(IIntIds)
    report = make_evidence(
        holder,
        "tussenmeting",
        title="Tussenmeting voorlezen",
        remote_url=None,
        file=NamedBlobFile(b"a;b\n1;2\n", filename="tussenmeting.csv"),
        document_type="evaluatie",
        valid_until=TODAY + timedelta(days=30),
        norm_fields=["dienstverlening", "netwerk"],
        related_projects=[RelationValue(intids.getId(other))],
    )
    old = make_evidence(
        library,
        "oud",
        title="Oud jaarverslag",
        valid_until=date(2026, 3, 31),
    )
    transaction.commit()
    return {"report": report, "old": old, "holder": holder, "other": other}


def browser_of(app, user=None):
    browser = Browser(app)
    browser.handleErrors = False
    if user is None:
        browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    else:
        browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
    return browser


def facts(browser):
    """``{id: text}`` of the page's facts (type, validity, norms, projects, file, link)."""
    found = {}
    for name in ("type", "validity", "norms", "projects", "file", "link"):
        match = re.search(rf'id="bq-evidence-{name}"[^>]*>(.*?)</dd>', browser.contents, re.S)
        if match:
            found[name] = " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())
    return found


class TestEvidenceView:
    def test_default_view_shows_what_a_reader_needs(self, functional_app, site):
        browser = browser_of(functional_app, "jan")
        browser.open(site["report"].absolute_url())
        shown = facts(browser)
        assert shown["type"] == "Evaluation"
        day, label = shown["validity"].split(" ", 1)
        assert DUTCH_DATE.match(day) and day == "01-07-2026"
        assert label == "expires within 90 days"
        assert shown["norms"] == "Dienstverlening Netwerk"
        assert "Voorlezen op de peuterspeelzaal" in shown["projects"]
        assert "Taalcafé" in shown["projects"]
        assert site["other"].absolute_url() in browser.contents
        assert shown["file"].startswith("tussenmeting.csv")
        assert f"{site['report'].absolute_url()}/@@download/file/tussenmeting.csv" in (
            browser.contents
        )
        assert "link" not in shown  # a file, not a link: no empty "Link"
        assert 'id="bq-evidence-state"' in browser.contents

    def test_no_internals(self, functional_app, site):
        browser = browser_of(functional_app, "jan")
        browser.open(site["report"].absolute_url())
        assert "IShortName" not in browser.contents
        assert "Short name" not in browser.contents
        assert "IVersionable" not in browser.contents
        assert "form-widgets-remote_url" not in browser.contents

    def test_expired_link_evidence(self, functional_app, site):
        browser = browser_of(functional_app, "jan")
        browser.open(site["old"].absolute_url())
        shown = facts(browser)
        assert shown["validity"] == "31-03-2026 expired"
        assert shown["link"] == "https://example.org/jaarverslag.pdf"
        assert "file" not in shown
        assert shown["projects"] == "No related projects"

    def test_coordinator_releases_staff_cannot(self, functional_app, site):
        jan = browser_of(functional_app, "jan")
        jan.open(site["report"].absolute_url())
        assert 'value="release"' not in jan.contents
        coco = browser_of(functional_app, "coco")
        coco.open(site["report"].absolute_url())
        assert 'name="workflow_action"' in coco.contents and 'value="release"' in coco.contents
        token = TOKEN_RE.search(coco.contents).group(1)
        coco.post(
            f"{site['report'].absolute_url()}/content_status_modify",
            urlencode({"workflow_action": "release", "_authenticator": token}),
        )
        transaction.begin()
        assert api.content.get_state(site["report"]) == "released"
        coco.open(site["report"].absolute_url())
        assert 'value="release"' not in coco.contents
        assert "bq-phase-released" in coco.contents


DEMO_LIBRARY = "bibliotheek-westfriesland-noord"


def demo_evidence(portal, item_id):
    catalog = portal.portal_catalog
    (brain,) = catalog.unrestrictedSearchResults(portal_type="Evidence", getId=item_id)
    return brain.getURL()[len(portal.absolute_url()) + 1 :]


@pytest.mark.browser
class TestEvidenceInChromium:
    """The coordinator opens a draft evidence item on the demo site and releases it."""

    def test_coordinator_reads_and_releases(self, visitor, demo_functional):
        portal = demo_functional["portal"]
        draft = demo_evidence(portal, "tussenmeting-taalmaatjes")
        soon = demo_evidence(portal, "samenwerkingsovereenkomst-taalhuis")
        page = visitor.page
        visitor.login("coordinator")
        visitor.open(draft)
        main = page.locator("#content")
        assert page.locator("#bq-evidence-state").inner_text() == "Concept"
        assert page.locator("#bq-evidence-type").inner_text().strip() == "Evaluatie"
        day = page.locator("#bq-evidence-validity time").inner_text()
        assert DUTCH_DATE.match(day), day
        assert page.locator("#bq-evidence-norms li").count() == 2
        project = page.locator("#bq-evidence-projects a", has_text="Taalmaatjes")
        assert project.count() == 1
        assert page.locator("#bq-evidence-file a").inner_text() == "tussenmeting-taalmaatjes.csv"
        text = main.inner_text()
        for internal in ("Verkorte naam", "Versiebeheer", "Korte naam"):
            assert internal not in text
        visitor.shot("evidence-draft")
        release = page.locator("button[name='workflow_action'][value='release']")
        assert release.inner_text().strip() == "Vrijgeven"
        with page.expect_navigation():
            release.click()
        page.wait_for_load_state("networkidle")
        assert page.locator("#bq-evidence-state").inner_text() == "Vrijgegeven"
        visitor.shot("evidence-released")

        visitor.open(soon)
        validity = page.locator("#bq-evidence-validity").inner_text()
        assert "verloopt binnen 90 dagen" in validity
        visitor.shot("evidence-expires-soon")

    def test_staff_see_no_release_button(self, visitor, demo_functional):
        draft = demo_evidence(demo_functional["portal"], "tussenmeting-taalmaatjes")
        visitor.login("medewerker")
        visitor.open(draft)
        assert visitor.page.locator("#bq-evidence-type").count() == 1
        assert visitor.page.locator("button[value='release']").count() == 0
