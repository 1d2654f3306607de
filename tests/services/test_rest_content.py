"""REST: each type is created, read and updated with the JSON keys of the contract."""

from datetime import date
from plone import api
import base64
import pytest
import transaction


PDF = b"%PDF-1.4 jaarverslag 2025"
PDF_UPLOAD = {
    "data": base64.b64encode(PDF).decode("ascii"),
    "encoding": "base64",
    "filename": "x.pdf",
    "content-type": "application/pdf",
}

LIBRARY = "/bieb"
PLAN = "/bieb/jaarplan-2026"
PROJECT = "/bieb/jaarplan-2026/voorlezen"


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
            spearhead="Taal en lezen",
            norm_fields=["dienstverlening"],
            core_functions=["lezen-en-literatuur"],
            indicators=[
                {"name": "Voorleesuren", "target": 40, "actual": 30, "unit": "uur"},
                {"name": "Peuters", "target": 200, "actual": None, "unit": ""},
            ],
        )
        api.content.create(
            container=library,
            type="AssuranceProject",
            id="borging",
            title="Collectieplan evalueren",
            agreement="Het collectieplan wordt elk jaar geëvalueerd.",
        )
    transaction.commit()
    return functional_portal


@pytest.fixture
def admin(rest, tree):
    return rest("admin")


CREATE_CASES = {
    "Library": (
        "/",
        {
            "title": "Bibliotheek Zuid",
            "description": "Bibliotheek voor drie gemeenten",
            "municipalities": ["Zuidhorn", "Grootegast"],
            "network": "Biblionet Groningen",
            "share_with_network": True,
        },
        {},
    ),
    "YearPlan": (
        LIBRARY,
        {
            "title": "Jaarplan 2027",
            "description": "Wat we in 2027 doen",
            "year": 2027,
            "spearheads": ["Laaggeletterdheid", "Mediawijsheid"],
        },
        {},
    ),
    "SmartProject": (
        PLAN,
        {
            "title": "Taalcafé",
            "specific": "Wekelijks taalcafé voor anderstaligen.",
            "measurable": "Bezoekers per sessie.",
            "achievable": "Vrijwilligers doen mee.",
            "realistic": "Twee uur per week.",
            "start": "2026-03-01",
            "deadline": "2026-12-15",
            "indicators": [
                {"name": "Sessies", "target": 40, "actual": 12, "unit": "sessies"},
                {"name": "Bezoekers", "target": 8.5, "actual": None, "unit": "gemiddeld"},
            ],
            "responsible": "jdevries",
            "partners": ["Humanitas"],
            "target_groups": ["Anderstaligen", "Statushouders"],
            "budget": 2500,
            "spearhead": "Digitale inclusie",
            "evaluation": "Goed bezocht.",
            "improvements": "Ook op zaterdag.",
            "norm_fields": ["dienstverlening", "netwerk"],
            "core_functions": ["ontmoeting-en-debat"],
            "policy_topics": ["Inburgering"],
        },
        {
            # every row keyed for Volto's object_list widget (test_volto_types.py)
            "indicators": [
                {
                    "@id": "indicator-1",
                    "name": "Sessies",
                    "target": 40,
                    "actual": 12,
                    "unit": "sessies",
                },
                {
                    "@id": "indicator-2",
                    "name": "Bezoekers",
                    "target": 8.5,
                    "actual": None,
                    "unit": "gemiddeld",
                },
            ],
            "spearhead": {"token": "Digitale inclusie", "title": "Digitale inclusie"},
            "norm_fields": [
                {"token": "dienstverlening", "title": "Dienstverlening"},
                {"token": "netwerk", "title": "Netwerk"},
            ],
            "core_functions": [{"token": "ontmoeting-en-debat", "title": "Meeting and debate"}],
            "copied_from": None,
        },
    ),
    "AssuranceProject": (
        LIBRARY,
        {
            "title": "Klanttevredenheid meten",
            "agreement": "Elke twee jaar een klanttevredenheidsonderzoek.",
            "interval_months": 24,
            "next_review": "2027-03-01",
            "responsible": "kwaliteit",
            "norm_fields": ["dienstverlening"],
            "core_functions": [],
            "policy_topics": [],
        },
        {
            "cycle": 1,
            "norm_fields": [{"token": "dienstverlening", "title": "Dienstverlening"}],
        },
    ),
    "Evidence": (
        LIBRARY,
        {
            "title": "Jaarverslag 2025",
            "file": PDF_UPLOAD,
            "document_type": "jaarverslag",
            "valid_until": "2027-01-01",
            "norm_fields": ["strategie"],
        },
        {
            "file": {
                "content-type": "application/pdf",
                "filename": "x.pdf",
                "size": len(PDF),
            },
            "document_type": {"token": "jaarverslag", "title": "Annual report"},
            "norm_fields": [{"token": "strategie", "title": "Strategie"}],
            "remote_url": None,
        },
    ),
}


def _expected(payload, overrides):
    expected = dict(payload)
    expected.update(overrides)
    return expected


def _subset(actual, expected):
    """The keys of ``expected`` as ``actual`` has them (for a readable diff)."""
    return {key: actual.get(key, "<missing>") for key in expected}


class TestCreate:
    @pytest.mark.parametrize("portal_type", CREATE_CASES)
    def test_created_and_echoed(self, admin, portal_type):
        container, payload, overrides = CREATE_CASES[portal_type]
        response = admin.post(container, json={"@type": portal_type, **payload})
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["@type"] == portal_type
        expected = _expected(payload, overrides)
        if "file" in expected:
            body["file"].pop("download")
        assert _subset(body, expected) == expected

    @pytest.mark.parametrize("portal_type", CREATE_CASES)
    def test_get_after_create(self, admin, portal_type):
        container, payload, overrides = CREATE_CASES[portal_type]
        url = admin.post(container, json={"@type": portal_type, **payload}).json()["@id"]
        response = admin.get(url)
        assert response.status_code == 200
        expected = _expected(payload, overrides)
        body = response.json()
        if "file" in expected:
            body["file"].pop("download")
        assert _subset(body, expected) == expected

    def test_stored_in_the_container(self, admin, tree):
        response = admin.post(
            PLAN,
            json={
                "@type": "SmartProject",
                "title": "Leesclub",
                "specific": "Een leesclub.",
                "deadline": "2026-10-01",
                "indicators": [{"name": "Leden", "target": 15}],
            },
        )
        assert response.status_code == 201, response.text
        transaction.begin()
        project = tree["bieb"]["jaarplan-2026"]["leesclub"]
        assert project.deadline == date(2026, 10, 1)
        assert project.indicators == [{"name": "Leden", "target": 15, "actual": None, "unit": ""}]

    def test_indicator_rows_complete(self, admin):
        response = admin.post(
            PLAN,
            json={
                "@type": "SmartProject",
                "title": "Leesclub",
                "specific": "Een leesclub.",
                "deadline": "2026-10-01",
                "indicators": [{"name": "  Leden ", "target": 15}],
            },
        )
        assert response.json()["indicators"] == [
            {"@id": "indicator-1", "name": "Leden", "target": 15, "actual": None, "unit": ""}
        ]

    def test_evidence_file_downloads(self, admin):
        body = admin.post(
            LIBRARY, json={"@type": "Evidence", "title": "Verslag", "file": PDF_UPLOAD}
        ).json()
        response = admin.get(body["file"]["download"], headers={"Accept": "*/*"})
        assert response.status_code == 200
        assert response.content == PDF

    def test_evidence_as_link(self, admin):
        response = admin.post(
            LIBRARY,
            json={
                "@type": "Evidence",
                "title": "Beleidsplan",
                "remote_url": "https://example.org/beleidsplan.pdf",
                "document_type": "beleidsplan",
            },
        )
        assert response.status_code == 201, response.text
        assert response.json()["remote_url"] == "https://example.org/beleidsplan.pdf"
        assert response.json()["file"] is None

    @pytest.mark.parametrize("container", [PROJECT, "/bieb/borging"])
    def test_evidence_in_project(self, admin, container):
        response = admin.post(
            container,
            json={
                "@type": "Evidence",
                "title": "Presentielijst",
                "remote_url": "https://example.org/lijst.pdf",
            },
        )
        assert response.status_code == 201, response.text
        assert response.json()["parent"]["@id"].endswith(container)

    def test_evidence_defaults_to_other(self, admin):
        response = admin.post(
            LIBRARY,
            json={"@type": "Evidence", "title": "Notulen", "remote_url": "https://example.org/n"},
        )
        assert response.json()["document_type"] == {"token": "overig", "title": "Other"}

    def test_same_year_in_other_library(self, admin):
        assert admin.post("/", json={"@type": "Library", "title": "Oost"}).status_code == 201
        response = admin.post("/oost", json={"@type": "YearPlan", "title": "2026", "year": 2026})
        assert response.status_code == 201, response.text
        assert response.json()["year"] == 2026


class TestRelations:
    """Evidence points at the projects it supports (``related_projects``)."""

    def test_related_projects_by_uid(self, admin):
        project = admin.get(PROJECT).json()
        response = admin.post(
            LIBRARY,
            json={
                "@type": "Evidence",
                "title": "Verslag voorleesuren",
                "remote_url": "https://example.org/verslag",
                "related_projects": [project["UID"]],
            },
        )
        assert response.status_code == 201, response.text
        related = response.json()["related_projects"]
        assert [item["@id"] for item in related] == [project["@id"]]

    def test_related_projects_patched(self, admin):
        project = admin.get(PROJECT).json()
        assurance = admin.get("/bieb/borging").json()
        url = admin.post(
            LIBRARY,
            json={"@type": "Evidence", "title": "Verslag", "remote_url": "https://example.org/v"},
        ).json()["@id"]
        response = admin.patch(url, json={"related_projects": [project["UID"], assurance["UID"]]})
        assert response.status_code == 204, response.text
        related = admin.get(url).json()["related_projects"]
        assert sorted(item["@id"] for item in related) == sorted([project["@id"], assurance["@id"]])


class TestRead:
    def test_project_fields(self, admin):
        body = admin.get(PROJECT).json()
        assert body["specific"] == "Voorlezen op elke peuterspeelzaal."
        assert body["start"] == "2026-02-01"
        assert body["deadline"] == "2026-11-30"
        assert body["budget"] == 750
        assert body["indicators"] == [
            {
                "@id": "indicator-1",
                "name": "Voorleesuren",
                "target": 40,
                "actual": 30,
                "unit": "uur",
            },
            {"@id": "indicator-2", "name": "Peuters", "target": 200, "actual": None, "unit": ""},
        ]
        assert body["spearhead"] == {"token": "Taal en lezen", "title": "Taal en lezen"}
        assert body["norm_fields"] == [{"token": "dienstverlening", "title": "Dienstverlening"}]
        assert body["core_functions"] == [
            {"token": "lezen-en-literatuur", "title": "Reading and literature"}
        ]

    def test_year_plan_fields(self, admin):
        body = admin.get(PLAN).json()
        assert body["year"] == 2026
        assert body["spearheads"] == ["Taal en lezen", "Digitale inclusie"]
        assert [item["@id"].rsplit("/", 1)[-1] for item in body["items"]] == ["voorlezen"]

    def test_assurance_fields(self, admin):
        body = admin.get("/bieb/borging").json()
        assert body["cycle"] == 1
        assert body["interval_months"] == 12
        assert body["next_review"] is None


PATCH_CASES = [
    pytest.param(
        PROJECT,
        {
            "indicators": [{"name": "Voorleesuren", "target": 40, "actual": 38, "unit": "uur"}],
            "budget": 900.5,
            "spearhead": "Digitale inclusie",
            "evaluation": "Bijna gehaald.",
        },
        {
            "indicators": [
                {
                    "@id": "indicator-1",
                    "name": "Voorleesuren",
                    "target": 40,
                    "actual": 38,
                    "unit": "uur",
                }
            ],
            "spearhead": {"token": "Digitale inclusie", "title": "Digitale inclusie"},
        },
        id="SmartProject",
    ),
    pytest.param(
        PROJECT,
        {"norm_fields": ["leiderschap"], "core_functions": [], "policy_topics": ["Taal"]},
        {"norm_fields": [{"token": "leiderschap", "title": "Leiderschap"}]},
        id="SmartProject-classification",
    ),
    pytest.param(
        PROJECT,
        {"start": "2026-01-01", "deadline": "2026-12-31"},
        {},
        id="SmartProject-dates",
    ),
    pytest.param(
        PLAN,
        {"spearheads": ["Leesbevordering"], "title": "Jaarplan 2026 (herzien)"},
        {},
        id="YearPlan",
    ),
    pytest.param(PLAN, {"year": 2026, "description": "Zelfde jaar"}, {}, id="YearPlan-own-year"),
    pytest.param(
        LIBRARY,
        {"share_with_network": True, "network": "Probiblio", "municipalities": ["Leiden"]},
        {},
        id="Library",
    ),
    pytest.param(
        "/bieb/borging",
        {"interval_months": 3, "next_review": "2026-04-01", "responsible": "jan"},
        {},
        id="AssuranceProject",
    ),
]


class TestPatch:
    @pytest.mark.parametrize("path,patch,overrides", PATCH_CASES)
    def test_patch(self, admin, path, patch, overrides):
        response = admin.patch(path, json=patch)
        assert response.status_code == 204, response.text
        expected = _expected(patch, overrides)
        assert _subset(admin.get(path).json(), expected) == expected

    def test_patch_evidence_link_to_file(self, admin):
        url = admin.post(
            LIBRARY,
            json={"@type": "Evidence", "title": "Verslag", "remote_url": "https://example.org/v"},
        ).json()["@id"]
        response = admin.patch(url, json={"file": PDF_UPLOAD, "remote_url": None})
        assert response.status_code == 204, response.text
        body = admin.get(url).json()
        assert body["remote_url"] is None
        assert body["file"]["filename"] == "x.pdf"

    def test_cycle_is_read_only(self, admin):
        response = admin.patch("/bieb/borging", json={"cycle": 7})
        assert response.status_code in (204, 400)
        assert admin.get("/bieb/borging").json()["cycle"] == 1

    def test_cycle_ignored_on_create(self, admin):
        response = admin.post(
            LIBRARY,
            json={"@type": "AssuranceProject", "title": "Borging", "agreement": "x", "cycle": 4},
        )
        assert response.status_code in (201, 400)
        if response.status_code == 201:
            assert response.json()["cycle"] == 1

    def test_copied_from_is_read_only(self, admin):
        response = admin.patch(PROJECT, json={"copied_from": "https://elders.example.org/p"})
        assert response.status_code in (204, 400)
        assert admin.get(PROJECT).json()["copied_from"] is None
