"""@@quality-dossier: the evidence of a library per norm element and per policy topic."""

from datetime import date
from support.content import make_user
from support.reports import TODAY
from support.reports import browser_for
from support.reports import build_library
from support.reports import commit
from support.reports import frozen_today  # noqa: F401 (fixture)
from support.reports import text
from support.reports import tree
import pytest


SCOB3 = [
    "leiderschap",
    "strategie",
    "medewerkers",
    "processen",
    "middelen",
    "netwerk",
    "dienstverlening",
    "collectie",
    "gemeenten",
]


@pytest.fixture
def library(functional_portal, frozen_today):  # noqa: F811
    library = build_library(functional_portal)
    commit()
    return library


def dossier(functional_app, library, user="admin"):
    browser = browser_for(functional_app, user)
    browser.open(f"{library.absolute_url()}/@@quality-dossier")
    return tree(browser)


def titles(section):
    return [text(link) for link in section.xpath(".//tbody/tr/th/a")]


def element_sections(page):
    return {
        section.get("data-token"): section
        for section in page.xpath("//section[@id='bq-by-element']/section")
    }


def topic_sections(page):
    return {
        section.get("data-topic"): section
        for section in page.xpath("//section[@id='bq-by-topic']/section")
    }


def row(page, title):
    """The first row of the evidence item ``title`` in the per-element section."""
    return page.xpath(f"//section[@id='bq-by-element']//tr[th/a[normalize-space()='{title}']]")[0]


class TestGrouping:
    def test_every_norm_element_in_order_with_and_without_evidence(self, functional_app, library):
        page = dossier(functional_app, library)
        tokens = [
            section.get("data-token")
            for section in page.xpath("//section[@id='bq-by-element']/section")
        ]
        assert tokens == [*SCOB3, ""]  # "" = evidence without a norm element
        sections = element_sections(page)
        assert "No evidence." in text(sections["middelen"])

    def test_evidence_under_each_of_its_elements(self, functional_app, library):
        sections = element_sections(dossier(functional_app, library))
        assert titles(sections["collectie"]) == ["Collectieplan 2025-2028"]
        assert titles(sections["leiderschap"]) == ["Jaarverslag 2024"]
        assert titles(sections["strategie"]) == ["Jaarverslag 2024"]
        # evidence kept inside a project belongs to the library's dossier too
        assert titles(sections["dienstverlening"]) == [
            "Klanttevredenheid 2026",
            "Verslag voorleesuren",
        ]
        assert titles(sections[""]) == ["Losse notitie"]

    def test_grouped_by_policy_topic(self, functional_app, library):
        page = dossier(functional_app, library)
        sections = topic_sections(page)
        assert list(sections) == ["Collectie", "Gemeente", "Klanten", "Lezen", "Verantwoording", ""]
        assert titles(sections["Verantwoording"]) == ["Jaarverslag 2024", "Klanttevredenheid 2026"]
        assert titles(sections["Klanten"]) == ["Klanttevredenheid 2026"]
        assert "Concept werkinstructie" in titles(sections[""])
        assert "Losse notitie" in titles(sections[""])


class TestGaps:
    def test_gaps_highlighted_with_their_reasons(self, functional_app, library):
        """The gaps of the coverage page: no released, valid evidence or no project
        past Plan (``reports.readiness``)."""
        sections = element_sections(dossier(functional_app, library))
        gaps = {token for token, section in sections.items() if "bq-gap" in section.get("class")}
        assert gaps == {
            "leiderschap",  # its annual report expired on 1 October; its project is in Plan
            "strategie",  # the same report; its project was cancelled
            "medewerkers",  # only a draft
            "processen",
            "middelen",
            "netwerk",  # a project done, no evidence
            "gemeenten",  # only archived evidence
        }
        assert "Gap: no released, valid evidence; no project past Plan" in text(
            sections["leiderschap"]
        )
        assert "Gap: no released, valid evidence" in text(sections["netwerk"])
        assert "no project past Plan" not in text(sections["netwerk"])
        assert "Gap" not in text(sections["collectie"])
        numbers = sections["collectie"].xpath(".//p[contains(@class, 'bq-readiness')]")[0]
        assert text(numbers) == "Released, valid evidence: 1 · Projects past Plan: 2"

    def test_summary_counts_gaps(self, functional_app, library):
        page = dossier(functional_app, library)
        summary = text(page.xpath("//p[contains(@class, 'bq-summary')]")[0])
        assert "7 evidence items" in summary
        assert "2 of 9 norm elements covered" in summary and "7 gaps" in summary


class TestItems:
    def test_expired_and_expiring_marked_in_text(self, functional_app, library):
        page = dossier(functional_app, library)
        expired = text(row(page, "Jaarverslag 2024"))
        assert "01-10-2026" in expired
        assert "expired" in expired
        soon = text(row(page, "Klanttevredenheid 2026"))
        assert "15-01-2027" in soon
        assert "expires soon" in soon and "expired" not in soon
        later = text(row(page, "Collectieplan 2025-2028"))
        assert "01-06-2027" in later
        assert "expire" not in later

    def test_type_state_and_file_or_link(self, functional_app, library):
        page = dossier(functional_app, library)
        plan = row(page, "Collectieplan 2025-2028")
        assert "Policy plan" in text(plan)
        assert plan.xpath(".//span[contains(@class, 'bq-phase-released')]")
        (download,) = plan.xpath(".//a[contains(@class, 'bq-file')]")
        assert download.get("href").endswith("/@@download/file")
        report = row(page, "Jaarverslag 2024")
        assert "Annual report" in text(report)
        (link,) = report.xpath(".//a[contains(@class, 'bq-link')]")
        assert link.get("href") == "https://docs.example.org/jaarverslag"
        archived = row(page, "Oud convenant")
        assert archived.xpath(".//span[contains(@class, 'bq-phase-archived')]")

    def test_item_links_to_the_evidence(self, functional_app, library):
        page = dossier(functional_app, library)
        (link,) = row(page, "Jaarverslag 2024").xpath("./th/a")
        assert link.get("href") == f"{library.absolute_url()}/jaarverslag-2024"


class TestAccess:
    def test_auditor_sees_released_and_archived_only(self, functional_app, library):
        make_user("auditor-jan", [(library, ["Auditor"])])
        commit()
        page = dossier(functional_app, library, "auditor-jan")
        everything = text(page.xpath("//section[@id='bq-by-element']")[0])
        assert "Concept werkinstructie" not in everything
        assert "Oud convenant" in everything
        assert "medewerkers" in {
            token
            for token, section in element_sections(page).items()
            if "bq-gap" in section.get("class")
        }

    def test_anonymous_gets_the_login_form(self, functional_app, library):
        browser = browser_for(functional_app)
        browser.open(f"{library.absolute_url()}/@@quality-dossier")
        assert "login" in browser.url
        assert "Quality dossier" not in browser.contents
        assert "Collectieplan" not in browser.contents

    def test_printable_and_accessible_markup(self, functional_app, library):
        page = dossier(functional_app, library)
        assert [h.tag for h in page.xpath("//article//h1 | //main//h1")][:1] == ["h1"]
        for table in page.xpath("//table[contains(@class, 'bq-evidence-table')]"):
            assert text(table.xpath("./caption")[0])
            assert table.getparent().get("class") == "table-responsive"
        assert page.xpath("//nav[contains(@class, 'bq-no-print')]")


def test_expiry_boundaries():
    from bibqual.reports.dossier import expiry

    assert expiry(None, TODAY) is None
    assert expiry(date(2026, 11, 30), TODAY) == "expired"
    assert expiry(TODAY, TODAY) == "expires-soon"
    assert expiry(date(2027, 3, 1), TODAY) == "expires-soon"  # 90 days
    assert expiry(date(2027, 3, 2), TODAY) is None
