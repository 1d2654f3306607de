"""The catalog: what people filter and list bibqual items by."""

from Acquisition import aq_base
from DateTime import DateTime
from datetime import date
from plone import api
from support.content import create
from support.content import make_assurance
from support.content import make_evidence
from support.content import make_plan
import pytest


KEYWORD_INDEXES = ["norm_fields", "core_functions", "policy_topics"]
FIELD_INDEXES = ["year", "responsible", "library_uid", "indicator_progress", "document_type"]
DATE_INDEXES = ["deadline", "valid_until", "next_review"]
COLUMNS = [
    "library_uid",
    "library_title",
    "year",
    "deadline",
    "responsible",
    "norm_fields",
    "core_functions",
    "policy_topics",
    "indicator_progress",
    "document_type",
    "valid_until",
    "next_review",
    "spearhead",
    "cycle",
    "start",
]


@pytest.fixture
def catalog(portal):
    return api.portal.get_tool("portal_catalog")


@pytest.fixture
def search(catalog, library):
    """Catalog search inside ``library``, returning the ids of what it finds.

    Scoped to the library so that content from other layers' fixtures (the demo
    libraries) does not get in the way.
    """

    def search(**query):
        query.setdefault("path", "/".join(library.getPhysicalPath()))
        return sorted(brain.getId for brain in catalog.unrestrictedSearchResults(**query))

    return search


@pytest.fixture
def other_project(library):
    """A second project, in the 2025 year plan, with other tags."""
    return create(
        make_plan(library, 2025, spearheads=[]),
        "SmartProject",
        "makerspace",
        title="Makerspace",
        specific="Een makerspace voor jongeren.",
        deadline=date(2025, 6, 30),
        norm_fields=["collectie"],
        core_functions=["ontwikkeling-en-educatie"],
        responsible="pjansen",
    )


@pytest.fixture
def evidence(library):
    return make_evidence(
        library,
        "jaarverslag-2025",
        title="Jaarverslag 2025",
        remote_url="https://www.example.org/jaarverslag-2025.pdf",
        valid_until=date(2026, 12, 31),
        norm_fields=["strategie"],
    )


@pytest.fixture
def assurance(library):
    return make_assurance(
        library,
        "collectieplan",
        title="Collectieplan evalueren",
        next_review=date(2026, 9, 1),
        responsible="mbakker",
        norm_fields=["collectie"],
    )


class TestCatalogSetup:
    @pytest.mark.parametrize(
        "name,meta_type",
        [(name, "KeywordIndex") for name in KEYWORD_INDEXES]
        + [(name, "FieldIndex") for name in FIELD_INDEXES]
        + [(name, "DateIndex") for name in DATE_INDEXES],
    )
    def test_index(self, catalog, name, meta_type):
        assert name in catalog.indexes()
        assert catalog._catalog.getIndex(name).meta_type == meta_type

    @pytest.mark.parametrize("column", COLUMNS)
    def test_metadata_column(self, catalog, column):
        assert column in catalog.schema()


class TestProjectQueries:
    def test_by_norm_field(self, project, other_project, search):
        assert search(norm_fields="netwerk") == ["voorlezen"]
        assert search(norm_fields="collectie") == ["makerspace"]
        assert search(norm_fields=["dienstverlening", "collectie"]) == ["makerspace", "voorlezen"]

    def test_by_core_function(self, project, other_project, search):
        assert search(core_functions="lezen-en-literatuur") == ["voorlezen"]
        assert search(core_functions="kunst-en-cultuur") == []

    def test_by_year_of_its_year_plan(self, project, other_project, search):
        assert search(portal_type="SmartProject", year=2026) == ["voorlezen"]
        assert search(portal_type="SmartProject", year=2025) == ["makerspace"]
        assert search(portal_type="YearPlan", year=2026) == ["jaarplan-2026"]

    def test_by_library(self, library, project, search):
        assert search(library_uid=library.UID(), portal_type="SmartProject") == ["voorlezen"]
        assert "bieb" in search(library_uid=library.UID())

    def test_other_library_does_not_match(self, portal, library, project, catalog):
        other = create(portal, "Library", title="Bieb Zuid")
        brains = catalog.unrestrictedSearchResults(library_uid=other.UID())
        assert [brain.getId for brain in brains] == [other.getId()]

    def test_by_responsible(self, project, other_project, search):
        project.responsible = "jdevries"
        project.reindexObject()
        assert search(responsible="jdevries") == ["voorlezen"]
        assert search(responsible="pjansen") == ["makerspace"]

    def test_by_deadline_range(self, project, other_project, search):
        query = {"query": [DateTime("2026-11-01"), DateTime("2026-12-31")], "range": "min:max"}
        assert search(portal_type="SmartProject", deadline=query) == ["voorlezen"]

    def test_overdue_by_deadline(self, project, other_project, search):
        query = {"query": DateTime("2026-01-01"), "range": "max"}
        assert search(portal_type="SmartProject", deadline=query) == ["makerspace"]

    def test_sort_on_deadline(self, library, project, other_project, catalog):
        path = "/".join(library.getPhysicalPath())
        brains = catalog(portal_type="SmartProject", path=path, sort_on="deadline")
        assert [brain.getId for brain in brains] == ["makerspace", "voorlezen"]

    def test_by_policy_topic(self, project, search):
        project.policy_topics = ["Laaggeletterdheid"]
        project.reindexObject()
        assert search(policy_topics="Laaggeletterdheid") == ["voorlezen"]

    def test_changed_norm_fields_are_reindexed(self, project, search):
        assert search(norm_fields="netwerk") == ["voorlezen"]
        project.norm_fields = ["collectie"]
        project.reindexObject()
        assert search(norm_fields="collectie") == ["voorlezen"]
        assert search(norm_fields="netwerk") == []


class TestProjectMetadata:
    @pytest.fixture
    def brain(self, project, catalog):
        (brain,) = catalog(UID=project.UID())
        return brain

    def test_library_title(self, brain):
        assert brain.library_title == "Bibliotheek Noorderkwartier"

    def test_library_uid(self, brain, library):
        assert brain.library_uid == library.UID()

    def test_year(self, brain):
        assert brain.year == 2026

    def test_indicator_progress(self, brain):
        # (30/40 + 0/200) / 2 = 37.5%
        assert brain.indicator_progress == 38

    def test_tags_and_spearhead(self, brain):
        assert sorted(brain.norm_fields) == ["dienstverlening", "netwerk"]
        assert list(brain.core_functions) == ["lezen-en-literatuur"]
        assert brain.spearhead == "Taal en lezen"

    def test_deadline(self, brain):
        assert brain.deadline == date(2026, 11, 30)

    def test_listing_needs_no_get_object(self, project, catalog, monkeypatch):
        brain = catalog(UID=project.UID())[0]

        def refuse(*args, **kwargs):
            raise AssertionError("a listing woke the object")

        for name in ("getObject", "_unrestrictedGetObject"):
            monkeypatch.setattr(type(aq_base(brain)), name, refuse)
        assert (brain.Title, brain.library_title, brain.year, brain.indicator_progress) == (
            "Voorlezen op de peuterspeelzaal",
            "Bibliotheek Noorderkwartier",
            2026,
            38,
        )
        with pytest.raises(AssertionError):
            brain.getObject()  # the guard above is in force


class TestIndicatorProgress:
    @pytest.mark.parametrize(
        "indicators,progress",
        [
            (
                [
                    {"name": "Voorleesuren", "target": 40, "actual": 40, "unit": "uur"},
                    {"name": "Bereikte peuters", "target": 200, "actual": 100, "unit": ""},
                ],
                75,
            ),
            ([{"name": "Voorleesuren", "target": 40, "actual": 80, "unit": "uur"}], 100),
            ([{"name": "Voorleesuren", "target": 40, "actual": None, "unit": "uur"}], 0),
        ],
    )
    def test_updated_after_edit(self, project, catalog, search, indicators, progress):
        assert search(indicator_progress=38) == ["voorlezen"]
        project.indicators = indicators
        project.reindexObject()
        (brain,) = catalog(UID=project.UID())
        assert brain.indicator_progress == progress
        assert search(indicator_progress=progress) == ["voorlezen"]

    def test_range_query(self, project, other_project, search):
        assert search(indicator_progress={"query": 30, "range": "min"}) == ["voorlezen"]


class TestSearchableText:
    @pytest.fixture
    def described_project(self, project):
        project.measurable = "Het aantal uitleningen van prentenboeken stijgt."
        project.target_groups = ["Laaggeletterde ouders"]
        project.reindexObject()
        return project

    @pytest.mark.parametrize(
        "word",
        [
            "peuterspeelzaal",  # specific
            "prentenboeken",  # measurable
            "Voorleesuren",  # indicator name
            "Kits",  # partner
            "Laaggeletterde",  # target group
            "Voorlezen",  # title
        ],
    )
    def test_finds_project(self, described_project, search, word):
        assert search(SearchableText=word) == ["voorlezen"]

    def test_no_false_hit(self, described_project, search):
        assert search(SearchableText="makerspace") == []

    def test_finds_assurance_project_by_agreement(self, assurance, search):
        assert search(SearchableText="collectieplan") == ["collectieplan"]


class TestEvidenceAndAssurance:
    def test_evidence_by_document_type(self, evidence, search):
        assert search(document_type="jaarverslag") == ["jaarverslag-2025"]
        assert search(document_type="beleidsplan") == []

    def test_evidence_by_valid_until(self, evidence, search):
        still_valid = {"query": DateTime("2026-06-01"), "range": "min"}
        expired = {"query": DateTime("2026-06-01"), "range": "max"}
        assert search(valid_until=still_valid) == ["jaarverslag-2025"]
        assert search(valid_until=expired) == []

    def test_evidence_metadata(self, evidence, library, catalog):
        (brain,) = catalog(UID=evidence.UID())
        assert brain.document_type == "jaarverslag"
        assert brain.library_uid == library.UID()
        assert brain.library_title == "Bibliotheek Noorderkwartier"

    def test_evidence_by_norm_field(self, evidence, search):
        assert search(norm_fields="strategie") == ["jaarverslag-2025"]

    def test_assurance_by_next_review(self, assurance, search):
        due = {"query": [DateTime("2026-08-01"), DateTime("2026-09-30")], "range": "min:max"}
        assert search(next_review=due) == ["collectieplan"]
        later = {"query": DateTime("2026-10-01"), "range": "min"}
        assert search(next_review=later) == []

    def test_assurance_metadata(self, assurance, catalog):
        (brain,) = catalog(UID=assurance.UID())
        assert brain.cycle == 1
        assert brain.responsible == "mbakker"
        assert brain.library_title == "Bibliotheek Noorderkwartier"

    def test_assurance_next_review_reindexed(self, assurance, search):
        assurance.next_review = date(2027, 9, 1)
        assurance.reindexObject()
        later = {"query": DateTime("2026-10-01"), "range": "min"}
        assert search(next_review=later) == ["collectieplan"]


class TestParentChanges:
    """Children carry their library's title and year plan's year: edits must reach them."""

    def test_evidence_in_project_has_library_and_year(self, project, library, catalog):
        with api.env.adopt_roles(["Manager"]):
            item = api.content.create(
                container=project,
                type="Evidence",
                id="verslag",
                title="Verslag voorleesuren",
                remote_url="https://www.example.org/verslag.pdf",
                document_type="evaluatie",
            )
        (brain,) = catalog(UID=item.UID())
        assert brain.library_uid == library.UID()
        assert brain.year == 2026

    def test_library_renamed(self, library, project, catalog):
        from zope.event import notify
        from zope.lifecycleevent import ObjectModifiedEvent

        (brain,) = catalog(UID=project.UID())
        assert brain.library_title == "Bibliotheek Noorderkwartier"
        library.title = "Bibliotheek Kop van Noord-Holland"
        notify(ObjectModifiedEvent(library))
        (brain,) = catalog(UID=project.UID())
        assert brain.library_title == "Bibliotheek Kop van Noord-Holland"

    def test_year_plan_year_changed(self, year_plan, project, search):
        from zope.event import notify
        from zope.lifecycleevent import ObjectModifiedEvent

        assert search(portal_type="SmartProject", year=2026) == ["voorlezen"]
        year_plan.year = 2027
        notify(ObjectModifiedEvent(year_plan))
        assert search(portal_type="SmartProject", year=2027) == ["voorlezen"]
        assert search(portal_type="SmartProject", year=2026) == []
