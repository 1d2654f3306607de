"""REST: bad input gives a 400 whose message names the problem, and nothing is stored."""

from datetime import date
from plone import api
import pytest
import transaction


LIBRARY = "/bieb"
PLAN = "/bieb/jaarplan-2026"
PROJECT = "/bieb/jaarplan-2026/voorlezen"

VALID_PROJECT = {
    "@type": "SmartProject",
    "title": "Taalcafé",
    "specific": "Wekelijks taalcafé voor anderstaligen.",
    "start": "2026-03-01",
    "deadline": "2026-12-15",
}


@pytest.fixture
def tree(functional_portal):
    """A library, its 2026 plan with spearheads and a project, committed."""
    with api.env.adopt_roles(["Manager"]):
        library = api.content.create(
            container=functional_portal, type="Library", id="bieb", title="Bibliotheek West"
        )
        plan = api.content.create(
            container=library,
            type="YearPlan",
            id="jaarplan-2026",
            title="Jaarplan 2026",
            year=2026,
            spearheads=["Taal en lezen", "Digitale inclusie"],
        )
        api.content.create(
            container=plan,
            type="SmartProject",
            id="voorlezen",
            title="Voorlezen",
            specific="Voorlezen op elke peuterspeelzaal.",
            start=date(2026, 2, 1),
            deadline=date(2026, 11, 30),
            budget=750,
            indicators=[{"name": "Voorleesuren", "target": 40, "actual": 30, "unit": "uur"}],
        )
        api.content.create(
            container=library,
            type="YearPlan",
            id="jaarplan-2027",
            title="Jaarplan 2027",
            year=2027,
        )
        api.content.create(
            container=library,
            type="Evidence",
            id="beleidsplan",
            title="Beleidsplan",
            remote_url="https://example.org/beleidsplan.pdf",
        )
    transaction.commit()
    return functional_portal


@pytest.fixture
def admin(rest, tree):
    return rest("admin")


@pytest.fixture
def catalog_count(tree):
    """How many items of a type the catalog holds, as committed by the server."""

    def count(portal_type):
        transaction.begin()
        return len(tree.portal_catalog.unrestrictedSearchResults(portal_type=portal_type))

    return count


def item_ids(session, path):
    response = session.get(path)
    assert response.status_code == 200
    return [item["@id"].rsplit("/", 1)[-1] for item in response.json()["items"]]


def assert_refused(response, *fragments):
    """A 400 with a JSON ``message`` that holds every fragment."""
    assert response.status_code == 400, response.text
    assert response.headers["Content-Type"].startswith("application/json")
    message = response.json()["message"]
    for fragment in fragments:
        assert fragment in message, message


PROJECT_CASES = [
    pytest.param(
        {"start": "2026-06-01", "deadline": "2026-05-31"},
        ("The deadline cannot be before the start date.",),
        id="deadline-before-start",
    ),
    pytest.param({"budget": -1}, ("budget", "must be at least 0."), id="negative-budget"),
    pytest.param({"budget": "veel"}, ("budget",), id="budget-text"),
    pytest.param({"budget": True}, ("budget",), id="budget-boolean"),
    pytest.param(
        {"norm_fields": ["dienstverlening", "kwaliteitszorg"]},
        ("Unknown value 'kwaliteitszorg' for norm_fields", "dienstverlening"),
        id="unknown-norm-token",
    ),
    pytest.param(
        {"core_functions": ["sport"]},
        ("Unknown value 'sport' for core_functions", "lezen-en-literatuur"),
        id="unknown-core-function",
    ),
    pytest.param({"norm_fields": "netwerk"}, ("norm_fields must be a list",), id="norm-not-list"),
    pytest.param(
        {"indicators": [{"name": "Bezoekers", "target": "veel"}]},
        ("The target of indicator 1 must be a number.",),
        id="indicator-target-text",
    ),
    pytest.param(
        {"indicators": [{"name": "Bezoekers", "target": 10}, {"target": 5}]},
        ("Indicator 2 needs a name.",),
        id="indicator-without-name",
    ),
    pytest.param(
        {"indicators": [{"name": "Bezoekers", "target": 10, "doel": 12}]},
        ("Indicator 1 has unknown keys: doel.",),
        id="indicator-unknown-key",
    ),
    pytest.param(
        {"indicators": [{"name": "Bezoekers", "target": 10, "actual": "bijna"}]},
        ("The actual of indicator 1 must be a number.",),
        id="indicator-actual-text",
    ),
    pytest.param(
        {"indicators": "Bezoekers: 10"}, ("indicators must be a list",), id="indicators-not-list"
    ),
    pytest.param(
        {"deadline": "morgen"},
        ("'morgen' is not a date for deadline", "YYYY-MM-DD"),
        id="date-morgen",
    ),
    pytest.param(
        {"start": "2026-13-45"}, ("'2026-13-45' is not a date for start",), id="date-impossible"
    ),
    pytest.param(
        {"spearhead": "Sport en bewegen"},
        ("'Sport en bewegen' is not a valid choice for spearhead", "Taal en lezen"),
        id="spearhead-not-in-plan",
    ),
    pytest.param({"specific": None}, ("specific",), id="specific-null"),
    pytest.param({"specific": ""}, ("specific",), id="specific-empty"),
]


class TestSmartProjectRefused:
    @pytest.mark.parametrize("change,fragments", PROJECT_CASES)
    def test_post_refused(self, catalog_count, admin, change, fragments):
        before = catalog_count("SmartProject")
        response = admin.post(PLAN, json={**VALID_PROJECT, **change})
        assert_refused(response, *fragments)
        assert item_ids(admin, PLAN) == ["voorlezen"]
        assert catalog_count("SmartProject") == before

    @pytest.mark.parametrize("missing", ["specific", "deadline"])
    def test_required_missing(self, admin, missing):
        payload = {key: value for key, value in VALID_PROJECT.items() if key != missing}
        assert_refused(admin.post(PLAN, json=payload), missing, "Required input is missing.")
        assert item_ids(admin, PLAN) == ["voorlezen"]

    def test_valid_payload_is_accepted(self, admin):
        # The refusals above are about the change, not about the base payload.
        response = admin.post(PLAN, json=VALID_PROJECT)
        assert response.status_code == 201, response.text
        assert item_ids(admin, PLAN) == ["voorlezen", "taalcafe"]

    def test_not_in_a_library(self, admin, tree):
        response = admin.post(LIBRARY, json=VALID_PROJECT)
        assert response.status_code in (400, 403)
        assert "SmartProject" not in [o.portal_type for o in tree["bieb"].objectValues()]


class TestSmartProjectPatchRefused:
    @pytest.mark.parametrize(
        "change,fragments,field,kept",
        [
            pytest.param(
                {"deadline": "2026-01-15"},
                ("The deadline cannot be before the start date.",),
                "deadline",
                "2026-11-30",
                id="deadline-before-start",
            ),
            pytest.param(
                {"start": "2027-01-01"},
                ("The deadline cannot be before the start date.",),
                "start",
                "2026-02-01",
                id="start-after-deadline",
            ),
            pytest.param(
                {"budget": -50, "title": "Goedkoper"},
                ("budget", "must be at least 0."),
                "budget",
                750,
                id="negative-budget",
            ),
            pytest.param(
                {"indicators": [{"name": "Voorleesuren", "target": "veel"}]},
                ("The target of indicator 1 must be a number.",),
                "indicators",
                [
                    {
                        "@id": "indicator-1",
                        "name": "Voorleesuren",
                        "target": 40,
                        "actual": 30,
                        "unit": "uur",
                    }
                ],
                id="indicator-target-text",
            ),
            pytest.param(
                {"norm_fields": ["onbekend"]},
                ("Unknown value 'onbekend' for norm_fields",),
                "norm_fields",
                [],
                id="unknown-norm-token",
            ),
            pytest.param(
                {"deadline": None},
                ("deadline",),
                "deadline",
                "2026-11-30",
                id="deadline-null",
            ),
        ],
    )
    def test_patch_refused_keeps_old_value(self, admin, change, fragments, field, kept):
        assert_refused(admin.patch(PROJECT, json=change), *fragments)
        body = admin.get(PROJECT).json()
        assert body[field] == kept
        assert body["title"] == "Voorlezen"


class TestYearPlanRefused:
    @pytest.mark.parametrize(
        "year,fragments",
        [
            pytest.param(2026, ("This library already has a year plan for 2026.",), id="dup"),
            pytest.param(1999, ("year", "must be at least 2000"), id="1999"),
            pytest.param(2101, ("year", "must be at most 2100"), id="2101"),
            pytest.param("tweeduizend", ("year",), id="text"),
        ],
    )
    def test_post_refused(self, catalog_count, admin, year, fragments):
        before = catalog_count("YearPlan")
        response = admin.post(LIBRARY, json={"@type": "YearPlan", "title": "Plan", "year": year})
        assert_refused(response, *fragments)
        assert catalog_count("YearPlan") == before
        assert sorted(i for i in item_ids(admin, LIBRARY) if i.startswith("jaarplan")) == [
            "jaarplan-2026",
            "jaarplan-2027",
        ]

    @pytest.mark.parametrize("year", [2000, 2100])
    def test_bounds_accepted(self, admin, year):
        response = admin.post(LIBRARY, json={"@type": "YearPlan", "title": "Plan", "year": year})
        assert response.status_code == 201, response.text

    def test_same_year_in_other_library(self, admin):
        assert admin.post("/", json={"@type": "Library", "title": "Oost"}).status_code == 201
        response = admin.post("/oost", json={"@type": "YearPlan", "title": "Plan", "year": 2026})
        assert response.status_code == 201, response.text

    def test_patch_to_taken_year(self, admin):
        response = admin.patch("/bieb/jaarplan-2027", json={"year": 2026})
        assert_refused(response, "This library already has a year plan for 2026.")
        assert admin.get("/bieb/jaarplan-2027").json()["year"] == 2027

    def test_not_at_site_root(self, catalog_count, admin):
        before = catalog_count("YearPlan")
        response = admin.post("/", json={"@type": "YearPlan", "title": "Plan", "year": 2030})
        assert response.status_code in (400, 403)
        assert catalog_count("YearPlan") == before


class TestAssuranceProjectRefused:
    @pytest.mark.parametrize(
        "change,fragments",
        [
            pytest.param({"interval_months": 0}, ("interval_months", "must be at least 1"), id="0"),
            pytest.param(
                {"interval_months": 61}, ("interval_months", "must be at most 60"), id="61"
            ),
            pytest.param({"next_review": "volgend jaar"}, ("next_review",), id="date"),
            pytest.param({"agreement": None}, ("agreement",), id="agreement-null"),
            pytest.param({"agreement": ""}, ("agreement",), id="agreement-empty"),
        ],
    )
    def test_post_refused(self, catalog_count, admin, change, fragments):
        before = catalog_count("AssuranceProject")
        payload = {
            "@type": "AssuranceProject",
            "title": "Borging",
            "agreement": "Jaarlijks evalueren.",
            **change,
        }
        assert_refused(admin.post(LIBRARY, json=payload), *fragments)
        assert catalog_count("AssuranceProject") == before

    @pytest.mark.parametrize("interval", [1, 60])
    def test_interval_bounds_accepted(self, admin, interval):
        payload = {
            "@type": "AssuranceProject",
            "title": "Borging",
            "agreement": "Afspraak",
            "interval_months": interval,
        }
        assert admin.post(LIBRARY, json=payload).status_code == 201


class TestEvidenceRefused:
    @pytest.mark.parametrize(
        "payload,fragments",
        [
            pytest.param({}, ("Upload a file or give a link.",), id="no-file-no-link"),
            pytest.param(
                {"remote_url": None, "file": None},
                ("Upload a file or give a link.",),
                id="both-null",
            ),
            pytest.param(
                {"remote_url": "https://example.org/x", "document_type": "notulen"},
                ("'notulen' is not a valid choice for document_type", "jaarverslag"),
                id="unknown-document-type",
            ),
            pytest.param(
                {"remote_url": "https://example.org/x", "valid_until": "morgen"},
                ("'morgen' is not a date for valid_until",),
                id="date",
            ),
        ],
    )
    def test_post_refused(self, catalog_count, admin, payload, fragments):
        before = catalog_count("Evidence")
        response = admin.post(LIBRARY, json={"@type": "Evidence", "title": "Bewijs", **payload})
        assert_refused(response, *fragments)
        assert catalog_count("Evidence") == before

    def test_patch_removing_the_link(self, admin):
        response = admin.patch("/bieb/beleidsplan", json={"remote_url": None})
        assert_refused(response, "Upload a file or give a link.")
        assert admin.get("/bieb/beleidsplan").json()["remote_url"] == (
            "https://example.org/beleidsplan.pdf"
        )


class TestAnonymous:
    def test_post_unauthorized(self, catalog_count, rest, tree):
        before = catalog_count("SmartProject")
        response = rest().post(PLAN, json=VALID_PROJECT)
        assert response.status_code == 401
        assert catalog_count("SmartProject") == before

    def test_post_library_unauthorized(self, rest, tree):
        response = rest().post("/", json={"@type": "Library", "title": "Stiekem"})
        assert response.status_code == 401
        transaction.begin()
        assert "stiekem" not in tree.objectIds()

    def test_patch_unauthorized(self, rest, admin):
        response = rest().patch(PROJECT, json={"budget": 1})
        assert response.status_code == 401
        assert admin.get(PROJECT).json()["budget"] == 750
