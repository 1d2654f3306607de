"""Searching by bibqual's indexes: Volto's criteria (@querystring), listings
(@querystring-search), @search with the text every HTTP client sends, Classic @@search.

A year, a percentage and a date arrive as text; a value that is none of these is a
400 with a message, never a 500 or a silent empty answer.
"""

from bibqual.upgrades.v1003.querystring import add_querystring_fields
from datetime import date
from plone import api
from Products.PluginIndexes.DateIndex.DateIndex import DateIndex
from Products.PluginIndexes.FieldIndex.FieldIndex import FieldIndex
from support.content import make_library
from support.content import make_plan
from support.content import make_project
import pytest
import transaction


FIELD = "plone.app.querystring.field."
OPERATION = "plone.app.querystring.operation."

# bibqual's indexes a listing may filter by (the network's plumbing is left out)
CRITERIA = {
    "norm_fields": "Normelementen",
    "core_functions": "Kernfuncties",
    "policy_topics": "Beleidsonderwerpen",
    "library_uid": "Bibliotheek",
    "year": "Jaar",
    "deadline": "Deadline",
    "indicator_progress": "Voortgang indicatoren",
    "responsible": "Verantwoordelijke",
    "next_review": "Volgende toetsing",
    "document_type": "Documentsoort",
    "valid_until": "Geldig tot",
    "related_project_uids": "Gekoppelde projecten",
}


# (library, year, id, title, norm element, indicator progress in percent, deadline)
PROJECTS = [
    ("bieb", 2026, "voorlezen", "Voorlezen", "dienstverlening", 75, date(2026, 11, 30)),
    ("bieb", 2026, "makerspace", "Makerspace", "collectie", 10, date(2026, 6, 30)),
    ("bieb", 2025, "taalcafe", "Taalcafe", "dienstverlening", 100, date(2025, 12, 31)),
    ("oost", 2026, "leesclub", "Leesclub", "dienstverlening", 50, date(2026, 11, 30)),
]


def progress(actual):
    """One indicator with target 100: its progress is ``actual`` percent."""
    return [{"name": "Bereik", "target": 100, "actual": actual, "unit": "%"}]


@pytest.fixture
def tree(functional_portal):
    """Two libraries with year plans and the ``PROJECTS``; committed."""
    make_library(functional_portal, "bieb", title="Bibliotheek West")
    make_library(functional_portal, "oost", title="Bibliotheek Oost")
    for library, year, item_id, title, norm, percent, deadline in PROJECTS:
        plan = functional_portal[library].get(f"jaarplan-{year}") or make_plan(
            functional_portal[library], year
        )
        make_project(
            plan,
            item_id,
            title=title,
            norm_fields=[norm],
            indicators=progress(percent),
            start=date(year, 2, 1),
            deadline=deadline,
        )
    transaction.commit()
    return functional_portal


@pytest.fixture
def admin(rest, tree):
    return rest("admin")


def titles(response):
    assert response.status_code == 200, response.text
    return sorted(item["title"] for item in response.json()["items"])


def search(admin, query, folder=""):
    """``@search`` for SMART projects with ``query`` (a query string) in ``folder``."""
    return admin.get(f"{folder}/@search?portal_type=SmartProject&{query}")


def listing(admin, *criteria):
    """What a listing block with ``criteria`` (index, operation, value) shows,
    each operation one that ``@querystring`` offers for the index."""
    offered = admin.get("/@querystring").json()["indexes"]
    query = [{"i": "portal_type", "o": f"{OPERATION}selection.any", "v": ["SmartProject"]}]
    for index, operation, value in criteria:
        assert f"{OPERATION}{operation}" in offered[index]["operations"], index
        query.append({"i": index, "o": f"{OPERATION}{operation}", "v": value})
    return admin.post("/@querystring-search", json={"query": query, "b_size": 50})


class TestCriteria:
    @pytest.fixture
    def dutch(self, functional_portal):
        """The site speaks English and Dutch and follows the browser's language."""
        api.portal.set_registry_record("plone.available_languages", ["en", "nl"])
        api.portal.set_registry_record("plone.use_request_negotiation", True)
        transaction.commit()

    def test_criteria_in_dutch(self, admin, dutch):
        response = admin.get("/@querystring", headers={"Accept-Language": "nl"})
        assert response.status_code == 200
        indexes = response.json()["indexes"]
        assert {name: indexes[name]["title"] for name in CRITERIA} == CRITERIA
        assert {indexes[name]["group"] for name in CRITERIA} == {"bibqual"}
        assert "dienstverlening" in indexes["norm_fields"]["values"]
        assert "year" in response.json()["sortable_indexes"]

    def test_criteria_in_english(self, admin):
        indexes = admin.get("/@querystring").json()["indexes"]
        assert indexes["norm_fields"]["title"] == "Norm elements"
        assert indexes["year"]["title"] == "Year"
        assert set(indexes["deadline"]["operators"]) >= {
            f"{OPERATION}date.lessThan",
            f"{OPERATION}date.between",
        }


class TestListing:
    def test_by_norm_element_and_year(self, admin):
        response = listing(
            admin,
            ("norm_fields", "selection.any", ["dienstverlening"]),
            ("year", "int.is", "2026"),
        )
        assert titles(response) == ["Leesclub", "Voorlezen"]

    def test_by_library_and_deadline(self, admin, tree):
        response = listing(
            admin,
            ("library_uid", "reference.is", tree["bieb"].UID()),
            ("deadline", "date.lessThan", "2026-07-01"),
        )
        assert titles(response) == ["Makerspace", "Taalcafe"]

    def test_by_indicator_progress(self, admin):
        response = listing(admin, ("indicator_progress", "int.largerThan", "60"))
        assert titles(response) == ["Taalcafe", "Voorlezen"]


class TestSearch:
    def test_year_as_text(self, admin):
        assert titles(search(admin, "year=2026")) == ["Leesclub", "Makerspace", "Voorlezen"]
        plans = admin.get("/bieb/@search?portal_type=YearPlan&year=2025")
        assert titles(plans) == ["Jaarplan 2025"]

    def test_years_as_text(self, admin):
        assert titles(search(admin, "year=2025&year=2026", folder="/bieb")) == [
            "Makerspace",
            "Taalcafe",
            "Voorlezen",
        ]

    @pytest.mark.parametrize(
        "query,expected",
        [
            (
                "indicator_progress.query=20&indicator_progress.range=min",
                ["Leesclub", "Taalcafe", "Voorlezen"],
            ),
            (
                "indicator_progress.query=50&indicator_progress.range=max",
                ["Leesclub", "Makerspace"],
            ),
            (
                "indicator_progress.query=20&indicator_progress.query=80"
                "&indicator_progress.range=min:max",
                ["Leesclub", "Voorlezen"],
            ),
            (
                "year.query=2026&year.range=max&year.not=2025",
                ["Leesclub", "Makerspace", "Voorlezen"],
            ),
        ],
    )
    def test_range(self, admin, query, expected):
        assert titles(search(admin, query)) == expected

    @pytest.mark.parametrize(
        "query,value,field",
        [
            ("year=abc", "abc", "year"),
            ("year=2026.5", "2026.5", "year"),
            ("indicator_progress.query=x&indicator_progress.range=min", "x", "indicator_progress"),
            ("year.query=2026&year.not=vorig", "vorig", "year"),
            ("deadline=2026-13-45", "2026-13-45", "deadline"),
            ("deadline.query=morgen&deadline.range=max", "morgen", "deadline"),
            ("next_review=2026-02-30", "2026-02-30", "next_review"),
            ("valid_until=20", "20", "valid_until"),
        ],
    )
    def test_bad_value_is_400(self, admin, query, value, field):
        response = search(admin, query)
        assert response.status_code == 400, response.text
        message = response.json()["message"]
        assert value in message and field in message

    def test_option_without_value_is_400(self, admin):
        response = search(admin, "indicator_progress.range=min")
        assert response.status_code == 400
        assert "indicator_progress.query" in response.json()["message"]

    def test_days(self, admin):
        """A date is read as that day; ranges of days."""
        assert titles(search(admin, "deadline=2026-06-30")) == ["Makerspace"]
        assert titles(search(admin, "deadline=2026-06-30T09:30:00")) == ["Makerspace"]
        query = "deadline.query=2026-06-30&deadline.query=2026-11-30&deadline.range=min:max"
        assert titles(search(admin, query)) == ["Leesclub", "Makerspace", "Voorlezen"]


class TestClassicSearch:
    @pytest.fixture
    def classic(self, rest, tree):
        session = rest("admin")
        session.headers.update({"Accept": "text/html"})
        return session

    def test_year_as_text(self, classic):
        response = classic.get("/@@search?portal_type=SmartProject&year=2026")
        assert response.status_code == 200
        assert "Voorlezen" in response.text
        assert "Taalcafe" not in response.text

    def test_bad_values_find_nothing(self, classic):
        for query in ("year=abc", "deadline=gisteren", "indicator_progress=x"):
            response = classic.get(f"/@@search?portal_type=SmartProject&{query}")
            assert response.status_code == 200, query
            assert "Voorlezen" not in response.text


class TestUninstall:
    def test_records_gone_querystring_answers(self, admin, functional_portal):
        before = set(api.portal.get_tool("portal_registry").records.keys())
        response = admin.post("/@addons/bibqual/uninstall")
        assert response.status_code in (200, 204), response.text
        transaction.begin()  # see what the request committed
        after = set(api.portal.get_tool("portal_registry").records.keys())
        removed = {key for key in before - after if key.startswith(FIELD)}
        assert {key.split(".")[4] for key in removed} == set(CRITERIA)
        response = admin.get("/@querystring")
        assert response.status_code == 200
        indexes = response.json()["indexes"]
        assert not set(CRITERIA) & set(indexes)
        assert "review_state" in indexes and "portal_type" in indexes


class TestUpgrade:
    @pytest.fixture
    def old_site(self, portal):
        """A 1002 site: stock year, progress and date indexes, no criteria."""
        plan = make_plan(make_library(portal), 2026)
        make_project(plan, "voorlezen", title="Voorlezen", indicators=progress(75))
        catalog = portal.portal_catalog
        for name, old in [("year", FieldIndex), ("indicator_progress", FieldIndex)] + [
            (name, DateIndex) for name in ("deadline", "next_review", "valid_until")
        ]:
            catalog.delIndex(name)
            catalog.addIndex(name, old(name))
        catalog.reindexIndex(["year", "indicator_progress", "deadline"], portal.REQUEST)
        registry = portal.portal_registry
        for key in [key for key in registry.records.keys() if key.startswith(FIELD)]:
            if key.split(".")[4] in CRITERIA:
                del registry.records[key]
        api.portal.set_registry_record("bibqual.active_framework", "scob3")
        return catalog

    def found(self, catalog, **query):
        return [brain.Title for brain in catalog(portal_type="SmartProject", **query)]

    def test_upgrade(self, old_site, portal):
        assert self.found(old_site, year="2026") == []
        add_querystring_fields(None)
        assert self.found(old_site, year="2026") == ["Voorlezen"]
        assert self.found(old_site, indicator_progress={"query": "50", "range": "min"}) == [
            "Voorlezen"
        ]
        assert self.found(old_site, deadline="2026-11-30") == ["Voorlezen"]
        assert api.portal.get_registry_record(f"{FIELD}year.title") == "Year"
        # what the administrator set stays as it was
        assert api.portal.get_registry_record("bibqual.active_framework") == "scob3"
