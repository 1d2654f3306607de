"""Evidence links: only web addresses are stored, and only web addresses are rendered as links.

The attack (security issue 9, finding 1): a staff member stores
``javascript:fetch('<lib>/@sharing', ...)`` or a ``data:`` URI as the link of a
draft evidence item; when the quality coordinator clicks "Open link" on the
quality dossier, the script runs in the coordinator's session. Now REST answers
400 naming ``remote_url`` and the allowed schemes, the Classic form shows the
same next to the field, nothing is stored, and a bad link stored before (or by
code) is shown as no link at all.
"""

from bibqual.reports.dossier import evidence_summary
from bibqual.validation import safe_link
from datetime import date
from lxml import html
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from support import PASSWORD
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.field_errors import field_errors
from support.field_errors import form_field_error
from support.workflows import make_users
from support.workflows import user_id
import pytest
import transaction


LIBRARY = "/bieb"
GOOD = "https://example.org/jaarverslag.pdf"
STAFF = "Editor"
WIDGET = "form-widgets-remote_url"
ALLOWED = "Link: only web addresses that start with http:// or https:// are allowed."

BAD_LINKS = [
    pytest.param("javascript:fetch('/bieb/@sharing',{method:'POST',body:'{}'})", id="javascript"),
    pytest.param("JAVASCRIPT:alert(document.domain)", id="upper-case"),
    pytest.param(" javascript:alert(document.domain)", id="leading-space"),
    pytest.param("\u0001javascript:alert(1)", id="control-character"),
    pytest.param("java\tscript:alert(1)", id="tab-inside"),
    pytest.param("java\nscript:alert(1)", id="newline-inside"),
    pytest.param("&#106;avascript:alert(1)", id="entity-encoded"),
    pytest.param("javascript&colon;alert(1)", id="entity-colon"),
    pytest.param("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", id="data"),
    pytest.param("vbscript:msgbox(1)", id="vbscript"),
    pytest.param("file:///etc/passwd", id="file"),
    pytest.param("//evil.example/x", id="protocol-relative"),
    pytest.param("https:javascript:alert(1)", id="https-without-host"),
]
# Something of each bad link that no page of the site has in a link of its own.
PAYLOAD_MARKERS = ("alert(", "fetch(", "msgbox(", "base64,", "/etc/passwd", "evil.example")
GOOD_LINKS = [
    "https://example.org/beleidsplan.pdf",
    "http://intranet.bieb.example/procedure?id=3&versie=2#sectie",
    "HTTPS://EXAMPLE.ORG/A",
]


def evidence_ids(library):
    transaction.begin()
    return sorted(o.getId() for o in library.objectValues() if o.portal_type == "Evidence")


def assert_refused(response):
    """A 400 whose errors name the field ``remote_url`` and the schemes allowed."""
    assert response.status_code == 400, response.text
    assert {"field": "remote_url", "message": ALLOWED} in field_errors(response)


@pytest.fixture(scope="class")
def library(site):
    """A library with staff and a coordinator, and one evidence item with a good link."""
    library = make_library(site)
    make_users(library)
    make_evidence(library, "jaarverslag", remote_url=GOOD)
    transaction.commit()
    return library


@pytest.mark.usefixtures("fresh")
class TestRest:
    """Staff post and patch evidence over REST (``POST {library}``, ``PATCH {evidence}``)."""

    @pytest.mark.parametrize("link", BAD_LINKS)
    def test_post_refused(self, library, session, link):
        response = session(STAFF).post(
            LIBRARY, json={"@type": "Evidence", "title": "Handig overzicht", "remote_url": link}
        )
        assert_refused(response)
        assert evidence_ids(library) == ["jaarverslag"]

    @pytest.mark.parametrize("link", BAD_LINKS)
    def test_patch_refused(self, library, session, link):
        response = session(STAFF).patch(f"{LIBRARY}/jaarverslag", json={"remote_url": link})
        assert_refused(response)
        transaction.begin()
        assert library["jaarverslag"].remote_url == GOOD

    @pytest.mark.parametrize("link", GOOD_LINKS)
    def test_web_links_accepted(self, library, session, link):
        response = session(STAFF).post(
            LIBRARY, json={"@type": "Evidence", "title": "Goed bewijs", "remote_url": link}
        )
        assert response.status_code == 201, response.text
        assert response.json()["remote_url"] == link
        transaction.begin()
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(obj=library[response.json()["id"]])
        transaction.commit()


class TestClassicForms:
    """The add and edit forms of Evidence show the rule next to the field; nothing is stored."""

    @pytest.fixture
    def browser(self, functional_app, functional_portal):
        library = make_library(functional_portal)
        make_evidence(library, "jaarverslag", remote_url=GOOD)
        transaction.commit()
        browser = Browser(functional_app)
        browser.handleErrors = False
        browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        return browser

    @pytest.mark.parametrize(
        "link",
        [
            "javascript:alert(document.cookie)",
            "JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
        ],
    )
    def test_add_form_refuses(self, browser, functional_portal, link):
        library = functional_portal["bieb"]
        browser.open(library.absolute_url() + "/++add++Evidence")
        browser.getControl(name="form.widgets.IDublinCore.title").value = "Handig overzicht"
        browser.getControl(name="form.widgets.remote_url").value = link
        browser.getControl(name="form.buttons.save").click()
        assert "There were some errors." in browser.contents
        assert form_field_error(browser.contents, WIDGET) == ALLOWED
        assert evidence_ids(library) == ["jaarverslag"]

    def test_edit_form_refuses(self, browser, functional_portal):
        library = functional_portal["bieb"]
        browser.open(library["jaarverslag"].absolute_url() + "/edit")
        browser.getControl(name="form.widgets.remote_url").value = "javascript:alert(1)"
        browser.getControl(name="form.buttons.save").click()
        assert form_field_error(browser.contents, WIDGET) == ALLOWED
        transaction.begin()
        assert library["jaarverslag"].remote_url == GOOD


class TestStoredBadLinks:
    """A bad link already in the database (stored before this rule, or by code) is never
    rendered as a link: not on the quality dossier, not on the evidence page, not in the
    catalog's ``getRemoteUrl`` metadata that listings render."""

    @pytest.fixture
    def pages(self, functional_app, functional_portal):
        library = make_library(functional_portal)
        make_users(library)
        plan = make_plan(library)
        project = make_project(plan, "voorlezen")
        for index, link in enumerate(param.values[0] for param in BAD_LINKS):
            make_evidence(
                project,
                f"slecht-{index}",
                title=f"Slecht {index}",
                remote_url=link,
            )
        make_evidence(library, "goed", title="Goed", remote_url=GOOD)
        transaction.commit()

        def open_as(path, role="Reviewer"):
            browser = Browser(functional_app)
            browser.handleErrors = False
            browser.addHeader("Authorization", f"Basic {user_id(role)}:{PASSWORD}")
            browser.open(f"{functional_portal.absolute_url()}/{path}")
            return html.fromstring(browser.contents)

        return open_as

    @staticmethod
    def hrefs(tree):
        return [node.get("href") or "" for node in tree.xpath("//a")]

    @staticmethod
    def unsafe(hrefs):
        """The hrefs that carry one of the stored bad links (Plone's own
        ``javascript:void(0)`` toggles are not content)."""
        return [href for href in hrefs if any(marker in href for marker in PAYLOAD_MARKERS)]

    def test_markers_find_every_bad_link(self):
        assert all(
            any(marker in param.values[0] for marker in PAYLOAD_MARKERS) for param in BAD_LINKS
        )

    def test_dossier_shows_no_bad_link(self, pages):
        tree = pages("bieb/@@quality-dossier")
        hrefs = self.hrefs(tree)
        assert self.unsafe(hrefs) == []
        assert GOOD in hrefs
        rows = tree.xpath('//tr[contains(@data-evidence, "/slecht-")]')
        assert rows, "the bad items are listed, without a link"
        for row in rows:
            assert row.xpath('.//a[contains(@class, "bq-link")]') == []

    @pytest.mark.parametrize(
        "path", ["bieb/jaarplan-2026/voorlezen", "bieb/jaarplan-2026/voorlezen/slecht-0"]
    )
    def test_item_pages_show_no_bad_link(self, pages, path):
        assert self.unsafe(self.hrefs(pages(path))) == []

    def test_rest_gives_out_no_bad_link(self, pages, rest):
        """What Volto and partner sites read: a stored bad link is ``null``."""
        reviewer = rest(user_id("Reviewer"), PASSWORD)
        for index in range(len(BAD_LINKS)):
            response = reviewer.get(f"/bieb/jaarplan-2026/voorlezen/slecht-{index}")
            assert response.status_code == 200, response.text
            assert response.json()["remote_url"] is None
        assert reviewer.get("/bieb/goed").json()["remote_url"] == GOOD

    def test_catalog_metadata_holds_no_bad_link(self, pages, functional_portal):
        transaction.begin()
        catalog = functional_portal.portal_catalog
        brains = catalog.unrestrictedSearchResults(portal_type="Evidence")
        links = {brain.getId: brain.getRemoteUrl for brain in brains}
        assert links.pop("goed") == GOOD
        assert len(links) == len(BAD_LINKS)
        assert [link for link in links.values() if isinstance(link, str) and link] == []


class TestOutputRule:
    """The dossier's own output rule, for metadata indexed before the indexer refused bad links."""

    class Brain:
        getObjSize = "0 KB"
        valid_until = None
        document_type = "overig"
        Title = "Oud bewijs"
        Description = ""
        review_state = "draft"
        norm_fields = ()
        policy_topics = ()

        def __init__(self, link):
            self.getRemoteUrl = link

        def getURL(self):
            return "http://nohost/plone/bieb/oud"

    @pytest.mark.parametrize("link", BAD_LINKS)
    def test_stale_metadata_is_no_link(self, link):
        summary = evidence_summary(self.Brain(link), date(2026, 6, 1), {})
        assert summary["link"] is None
        assert summary["file"] is None

    @pytest.mark.parametrize("link", GOOD_LINKS)
    def test_web_link_kept(self, link):
        assert evidence_summary(self.Brain(link), date(2026, 6, 1), {})["link"] == link
        assert safe_link(link) == link
