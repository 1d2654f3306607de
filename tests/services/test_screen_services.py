"""The Classic screens' data as REST: @quality-dossier, @board, @audit-overview and
@project-copies answer what @@quality-dossier, @@board, @@audit-overview and the
copies block of the project page show the same user, and nothing more."""

from datetime import date
from plone import api
from support import PASSWORD
from support.content import make_library
from support.content import make_plan
from support.content import make_user
from support.reports import browser_for
from support.reports import build_library
from support.reports import commit
from support.reports import frozen_today  # noqa: F401 (fixture)
from support.reports import text
from support.reports import tree
import pytest


GRANT_END = date(2027, 1, 31)
USERS = ("medewerker", "coordinator", "auditor")


@pytest.fixture
def site(functional_portal, frozen_today):  # noqa: F811
    """``build_library`` (on 1 December 2026) with ``medewerker`` (Editor and
    Contributor), ``coordinator`` (Reviewer) and ``auditor`` (a grant up to and
    including 31 January 2027); a second library ``west`` without them."""
    from bibqual.audit.grants import grant

    library = build_library(functional_portal)
    make_user("medewerker", [(library, ["Editor", "Contributor"])], fullname="Mia Medewerker")
    make_user("coordinator", [(library, ["Reviewer"])])
    make_user("auditor")
    west = make_library(functional_portal, "west", title="Bibliotheek West")
    make_plan(west, 2027)
    with api.env.adopt_roles(["Manager"]):
        grant(library, "auditor", GRANT_END)
    commit()
    return {"library": library, "west": west}


def session(rest, user):
    return rest(user, PASSWORD) if user in USERS else rest(user)


def get(rest, user, url):
    response = session(rest, user).get(url)
    assert response.status_code == 200, response.text[:300]
    return response.json()


def page(functional_app, user, url):
    browser = browser_for(functional_app, user)
    browser.open(url)
    return tree(browser)


def after_the_grant(monkeypatch):
    monkeypatch.setattr("bibqual.clock.today", lambda: date(2027, 2, 1))


def rows(element):
    """``(url, title, state title)`` of the evidence rows of a dossier section."""
    return [
        (
            row.xpath("./th/a")[0].get("href"),
            text(row.xpath("./th/a")[0]),
            text(row.xpath(".//span[contains(@class, 'bq-phase')]")[0]),
        )
        for row in element.xpath(".//tbody/tr")
    ]


def items(group):
    return [(item["@id"], item["title"], item["review_state_title"]) for item in group]


class TestQualityDossier:
    def url(self, site, service="@quality-dossier"):
        return f"{site['library'].absolute_url()}/{service}"

    @pytest.mark.parametrize("user", ["admin", "medewerker", "coordinator", "auditor"])
    def test_as_the_page_shows_it(self, rest, functional_app, site, user):
        data = get(rest, user, self.url(site))
        html = page(functional_app, user, self.url(site, "@@quality-dossier"))
        shown = [
            (section.get("data-token"), "bq-gap" in section.get("class"), rows(section))
            for section in html.xpath("//section[@id='bq-by-element']/section")
        ]
        answered = [(e["token"], e["gap"], items(e["items"])) for e in data["elements"]]
        if data["unassigned"]:
            answered.append(("", False, items(data["unassigned"])))
        assert answered == shown
        shown_topics = [
            (section.get("data-topic"), rows(section))
            for section in html.xpath("//section[@id='bq-by-topic']/section")
        ]
        topics = [(topic["topic"], items(topic["items"])) for topic in data["topics"]]
        if data["no_topic"]:
            topics.append(("", items(data["no_topic"])))
        assert topics == shown_topics

    def test_json_of_an_item(self, rest, site):
        data = get(rest, "medewerker", self.url(site))
        assert data["@id"] == self.url(site)
        assert data["date"] == "2026-12-01"
        assert data["total"] == 7
        (item,) = next(e for e in data["elements"] if e["token"] == "leiderschap")["items"]
        assert item["@id"] == f"{site['library'].absolute_url()}/jaarverslag-2024"
        assert item["review_state"] == "released"
        assert item["review_state_title"] == "Released"
        assert item["document_type"] == "jaarverslag"
        assert item["document_type_title"] == "Annual report"
        assert item["valid_until"] == "2026-10-01"
        assert item["expiry"] == "expired"
        assert item["link"] == "https://docs.example.org/jaarverslag"

    def test_auditor_with_a_grant_sees_no_drafts(self, rest, site):
        titles = {
            item["title"]: item["review_state"]
            for element in get(rest, "auditor", self.url(site))["elements"]
            for item in element["items"]
        }
        assert "Concept werkinstructie" not in titles
        assert set(titles.values()) == {"released", "archived"}
        assert "Concept werkinstructie" in {
            item["title"]
            for element in get(rest, "medewerker", self.url(site))["elements"]
            for item in element["items"]
        }

    def test_refused_after_the_grant_and_to_anonymous(self, rest, site, monkeypatch):
        assert rest().get(self.url(site)).status_code == 401
        after_the_grant(monkeypatch)
        assert session(rest, "auditor").get(self.url(site)).status_code == 401


def card_links(element):
    return [(a.get("href"), text(a)) for a in element.xpath(".//article//h3/a")]


class TestBoard:
    def plan(self, site, year=2026):
        return f"{site['library'].absolute_url()}/jaarplan-{year}"

    @pytest.mark.parametrize("user", ["admin", "medewerker", "coordinator", "auditor"])
    def test_as_the_page_shows_it(self, rest, functional_app, site, user):
        data = get(rest, user, f"{self.plan(site)}/@board")
        html = page(functional_app, user, f"{self.plan(site)}/@@board")
        shown = [
            (
                section.get("aria-labelledby"),
                text(section.xpath("./h2/span")[0]),
                card_links(section),
            )
            for section in html.xpath("//section[contains(@class, 'bq-column')]")
        ]
        columns = (
            [*data["columns"], data["cancelled"]] if data["cancelled"]["items"] else data["columns"]
        )
        answered = [
            (f"bq-col-{c['state']}", c["title"], [(i["@id"], i["title"]) for i in c["items"]])
            for c in columns
        ]
        assert answered == shown
        assert data["total"] == sum(len(c["items"]) for c in [*data["columns"], data["cancelled"]])

    def test_json(self, rest, site):
        data = get(rest, "medewerker", f"{self.plan(site)}/@board")
        assert data["year_plan"]["review_state"] == "adopted"
        assert data["year_plan"]["review_state_title"] == "Adopted"
        assert [c["state"] for c in data["columns"]] == ["plan", "do", "check", "act", "done"]
        assert [c["title"] for c in data["columns"]] == ["Plan", "Do", "Check", "Act", "Done"]
        (late,) = data["columns"][1]["items"]
        assert late["title"] == "Te laat"
        assert late["deadline"] == "2026-10-01"
        assert late["overdue"] is True
        assert late["indicator_progress"] == 50
        assert late["norm_fields"] == ["collectie"]
        assert [i["title"] for i in data["cancelled"]["items"]] == ["Geschrapt"]

    def test_auditor_sees_no_cancelled_project_nor_a_draft_plan(self, rest, site):
        data = get(rest, "auditor", f"{self.plan(site)}/@board")
        assert data["cancelled"]["items"] == []
        assert data["total"] == 4
        assert session(rest, "auditor").get(f"{self.plan(site, 2027)}/@board").status_code == 401

    def test_refused_after_the_grant_and_to_anonymous(self, rest, site, monkeypatch):
        assert rest().get(f"{self.plan(site)}/@board").status_code == 401
        after_the_grant(monkeypatch)
        assert session(rest, "auditor").get(f"{self.plan(site)}/@board").status_code == 401


class TestAuditOverview:
    def url(self, service="@audit-overview"):
        return f"{api.portal.get().absolute_url()}/{service}"

    def test_as_the_page_shows_it(self, rest, functional_app, site):
        data = get(rest, "auditor", self.url())
        html = page(functional_app, "auditor", self.url("@@audit-overview"))
        shown = [
            (
                card.get("data-library"),
                text(card.xpath(".//h2")[0]),
                [
                    (a.get("href"), text(a.getparent()))
                    for a in card.xpath(".//ul[contains(@class, 'list-unstyled')]/li/a")
                ],
            )
            for card in html.xpath("//section[@data-library]")
        ]
        answered = [
            (
                library["@id"],
                library["title"],
                [
                    (p["@id"], f"{p['title']} {p['review_state_title']}")
                    for p in library["year_plans"]
                ],
            )
            for library in data["items"]
        ]
        assert answered == shown
        assert "Your access ends after 31-01-2027." in text(
            html.xpath("//section[@data-library]")[0]
        )

    def test_json(self, rest, site):
        data = get(rest, "auditor", self.url())
        (library,) = data["items"]
        assert library["@id"] == site["library"].absolute_url()
        assert library["until"] == "2027-01-31"
        assert [(p["year"], p["review_state"]) for p in library["year_plans"]] == [
            (2026, "adopted"),
            (2025, "closed"),
        ]

    @pytest.mark.parametrize("user", ["admin", "medewerker", "coordinator"])
    def test_staff_audit_nothing(self, rest, site, user):
        assert get(rest, user, self.url())["items"] == []

    def test_nothing_after_the_grant(self, rest, site, monkeypatch):
        after_the_grant(monkeypatch)
        assert get(rest, "auditor", self.url())["items"] == []

    def test_anonymous_refused(self, rest, site):
        assert rest().get(self.url()).status_code == 401


class TestProjectCopies:
    @pytest.fixture
    def copies(self, rest, site):
        """``Voorlezen`` copied by ``medewerker`` into the own 2027 plan and by the
        site owner into Bibliotheek West, both through ``@copy-project``."""
        library = site["library"]
        source = library["jaarplan-2026"]["voorlezen"]
        own = session(rest, "medewerker").post(
            f"{library.absolute_url()}/jaarplan-2027/@copy-project", json={"source": source.UID()}
        )
        other = rest("admin").post(
            f"{site['west'].absolute_url()}/jaarplan-2027/@copy-project",
            json={"source": source.absolute_url()},
        )
        assert (own.status_code, other.status_code) == (201, 201)
        return {"source": source.absolute_url(), "own": own.json(), "other": other.json()}

    def test_lists_the_copy_made_via_copy_project(self, rest, copies):
        data = get(rest, "medewerker", f"{copies['source']}/@project-copies")
        assert data["@id"] == f"{copies['source']}/@project-copies"
        assert data["items_total"] == 2
        own = next(item for item in data["items"] if item["user"] == "medewerker")
        assert own["@id"] == copies["own"]["@id"]
        assert own["title"] == "Voorlezen"
        assert own["review_state"] == "plan"
        assert (own["library"], own["fullname"], own["date"]) == (
            "Bibliotheek Kennemerwaard",
            "Mia Medewerker",
            "2026-12-01",
        )
        # the copy in a library she may not see: who and where, not the copy itself
        other = next(item for item in data["items"] if item["user"] == "admin")
        assert (other["@id"], other["title"], other["library"]) == (
            None,
            None,
            "Bibliotheek West",
        )
        admin = get(rest, "admin", f"{copies['source']}/@project-copies")
        assert copies["other"]["@id"] in {item["@id"] for item in admin["items"]}

    @pytest.mark.parametrize("user", ["admin", "medewerker", "coordinator", "auditor"])
    def test_as_the_page_shows_it(self, rest, functional_app, copies, user):
        data = get(rest, user, f"{copies['source']}/@project-copies")
        html = page(functional_app, user, copies["source"])
        shown = [
            (
                text(li.xpath("./strong")[0]),
                (li.xpath("./a") or [None])[0] is not None and li.xpath("./a")[0].get("href"),
                li.xpath(".//time")[0].get("datetime"),
            )
            for li in html.xpath("//section[@id='bq-copies']//li")
        ]
        answered = [(item["library"], item["@id"] or False, item["date"]) for item in data["items"]]
        assert answered == shown
        assert bool(answered) is (user != "auditor")  # an auditor edits nothing: no copies

    def test_refused_after_the_grant_and_to_anonymous(self, rest, copies, monkeypatch):
        url = f"{copies['source']}/@project-copies"
        assert rest().get(url).status_code == 401
        after_the_grant(monkeypatch)
        assert session(rest, "auditor").get(url).status_code == 401


class TestDutchSite:
    @pytest.fixture
    def dutch(self, site):
        api.portal.set_registry_record("plone.available_languages", ["nl"])
        api.portal.set_registry_record("plone.default_language", "nl")
        commit()
        return site

    def test_titles_in_the_site_language(self, rest, dutch):
        library = dutch["library"].absolute_url()
        board = get(rest, "medewerker", f"{library}/jaarplan-2026/@board")
        assert board["year_plan"]["review_state_title"] == "Vastgesteld"
        assert board["cancelled"]["title"] == "Geannuleerd"
        dossier = get(rest, "medewerker", f"{library}/@quality-dossier")
        (item,) = next(e for e in dossier["elements"] if e["token"] == "leiderschap")["items"]
        assert (item["review_state_title"], item["document_type_title"]) == (
            "Vrijgegeven",
            "Jaarverslag",
        )
        (audited,) = get(rest, "auditor", "@audit-overview")["items"]
        assert [plan["review_state_title"] for plan in audited["year_plans"]] == [
            "Vastgesteld",
            "Afgesloten",
        ]
