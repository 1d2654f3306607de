"""The ``bibqual:demo`` profile: what a visitor of the demo site finds."""

from Acquisition import aq_parent
from bibqual.content.classification import IClassification
from bibqual.content.smartproject import ISmartProject
from bibqual.setuphandlers.demo import demo_file
from bibqual.vocabularies.core_functions import CORE_FUNCTIONS
from bibqual.vocabularies.document_types import DOCUMENT_TYPES
from bibqual.vocabularies.frameworks import FRAMEWORKS
from datetime import date
from datetime import timedelta
from plone import api
from plone.restapi.interfaces import ISerializeToJson
from zope.component import getMultiAdapter
from zope.schema import getFieldsInOrder
import csv
import io
import json
import pytest
import re


MAIN = "bibliotheek-westfriesland-noord"
OTHER = "bibliotheek-kop-van-noord"
CORE_FUNCTION_TOKENS = {token for token, _title in CORE_FUNCTIONS}
SCOB3_TOKENS = {token for token, _title in FRAMEWORKS["scob3"]["elements"]}
DEMO_ROLES = {
    "coordinator": {"Reviewer"},
    "medewerker": {"Editor", "Contributor"},
    "auditor": {"Auditor"},
}


@pytest.fixture
def portal(demo_integration):
    return demo_integration["portal"]


@pytest.fixture
def library(portal):
    return portal[MAIN]


@pytest.fixture
def catalog(portal):
    return portal.portal_catalog


def objects(catalog, portal_type, **query):
    return [brain.getObject() for brain in catalog(portal_type=portal_type, **query)]


def counts(catalog):
    types = ("Library", "YearPlan", "SmartProject", "AssuranceProject", "Evidence")
    return {portal_type: len(catalog(portal_type=portal_type)) for portal_type in types}


class TestLibraries:
    def test_main_library(self, library):
        assert library.portal_type == "Library"
        assert library.title == "Bibliotheek Westfriesland-Noord"
        assert len(library.municipalities) == 3
        assert library.network == "Netwerk Noord-Holland Noord"
        assert library.share_with_network is True

    def test_second_library_does_not_share(self, portal, catalog):
        other = portal[OTHER]
        assert other.share_with_network is False
        assert other.network == portal[MAIN].network
        uid = api.content.get_uuid(other)
        assert len(catalog(portal_type="SmartProject", library_uid=uid)) == 2

    def test_year_plans_for_previous_and_current_year(self, library, catalog):
        this_year = date.today().year
        plans = objects(catalog, "YearPlan", library_uid=api.content.get_uuid(library))
        assert sorted(plan.year for plan in plans) == [this_year - 1, this_year]
        for plan in plans:
            assert aq_parent(plan) == library
            assert plan.title == f"Jaarplan {plan.year}"
            assert len(plan.spearheads) == 3
        assert {brain.year for brain in catalog(portal_type="SmartProject")} <= {
            this_year - 1,
            this_year,
        }


class TestProjects:
    def test_at_least_twelve_projects(self, catalog):
        assert len(catalog(portal_type="SmartProject")) >= 12

    def test_all_core_functions_covered(self, library, catalog):
        assert set(catalog.uniqueValuesFor("core_functions")) >= CORE_FUNCTION_TOKENS
        uid = api.content.get_uuid(library)
        for token in CORE_FUNCTION_TOKENS:
            found = catalog(portal_type="SmartProject", core_functions=token, library_uid=uid)
            assert len(found) >= 1, token

    def test_norm_elements_spread(self, catalog):
        used = set()
        for project in objects(catalog, "SmartProject"):
            assert project.norm_fields, project.getId()
            assert set(project.norm_fields) <= SCOB3_TOKENS
            used.update(project.norm_fields)
        assert len(used) >= 7

    def test_projects_are_smart(self, catalog):
        for project in objects(catalog, "SmartProject"):
            assert project.specific and project.measurable, project.getId()
            assert project.start and project.deadline >= project.start, project.getId()
            assert 1 <= len(project.indicators) <= 3, project.getId()
            targets = [row["target"] for row in project.indicators]
            assert all(isinstance(target, int | float) for target in targets), project.getId()
            assert project.partners and project.target_groups and project.responsible
            assert project.budget >= 0
            assert project.spearhead in aq_parent(project).spearheads, project.getId()

    def test_projects_pass_their_schema(self, catalog):
        """Every value is one the edit form would accept (vocabularies and invariants too)."""
        for project in objects(catalog, "SmartProject"):
            for schema in (ISmartProject, IClassification):
                for name, field in getFieldsInOrder(schema):
                    if field.readonly:
                        continue
                    value = getattr(project, name, None)
                    if value is None and not field.required:
                        continue
                    field.bind(project).validate(value)
            ISmartProject.validateInvariants(project)

    def test_projects_at_different_pdca_stages(self, catalog):
        projects = objects(catalog, "SmartProject")
        actuals = [row["actual"] for project in projects for row in project.indicators]
        assert None in actuals
        assert any(actual is not None for actual in actuals)
        assert sum(1 for project in projects if project.evaluation and project.improvements) >= 6
        assert any(not project.evaluation for project in projects)
        assert len({brain.indicator_progress for brain in catalog(portal_type="SmartProject")}) > 3


class TestAssuranceProjects:
    def test_assurance_projects(self, library, catalog):
        found = objects(catalog, "AssuranceProject", library_uid=api.content.get_uuid(library))
        assert len(found) >= 2
        for item in found:
            assert item.agreement
            assert 1 <= item.interval_months <= 60
            assert isinstance(item.next_review, date)
            assert item.responsible
            assert set(item.norm_fields) <= SCOB3_TOKENS and item.norm_fields
            assert item.cycle == 1
        assert {item.interval_months for item in found} >= {12, 36}


class TestEvidence:
    def test_files_are_real(self, catalog):
        with_file = [item for item in objects(catalog, "Evidence") if item.file]
        assert len(with_file) >= 5
        for item in with_file:
            data = item.file.data
            assert data, item.getId()
            extension = item.file.filename.rsplit(".", 1)[-1]
            if extension == "pdf":
                assert item.file.contentType == "application/pdf"
                assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
            else:
                assert item.file.contentType in ("text/plain", "text/csv")
                text = data.decode("utf-8")
                assert len(text.splitlines()) > 10 and "Medemblik" in text, item.getId()
        kinds = {item.file.contentType for item in with_file}
        assert kinds == {"application/pdf", "text/plain", "text/csv"}

    def test_link_only_evidence(self, catalog):
        links = [item for item in objects(catalog, "Evidence") if not item.file]
        assert len(links) == 1
        assert links[0].remote_url.startswith("https://")

    def test_types_dates_and_places(self, library, catalog):
        items = objects(catalog, "Evidence")
        assert {item.document_type for item in items} <= {token for token, _t in DOCUMENT_TYPES}
        assert len({item.document_type for item in items}) >= 5
        today = date.today()
        assert any(today <= item.valid_until <= today + timedelta(days=90) for item in items)
        parents = {aq_parent(item).portal_type for item in items}
        assert parents == {"Library", "SmartProject", "AssuranceProject"}
        assert all(item.norm_fields for item in items)
        in_library = catalog(portal_type="Evidence", library_uid=api.content.get_uuid(library))
        assert len(in_library) == len(items)

    def test_related_projects_resolve(self, catalog):
        items = objects(catalog, "Evidence")
        assert all(item.related_projects for item in items)
        for item in items:
            targets = [relation.to_object for relation in item.related_projects]
            assert all(t.portal_type in ("SmartProject", "AssuranceProject") for t in targets)
            assert all(relation.from_object == item for relation in item.related_projects)
            catalogued = api.relation.get(source=item, relationship="related_projects")
            assert len(catalogued) == len(targets)

    def test_evidence_inside_a_project_relates_to_it(self, library):
        taalhuis = library[f"jaarplan-{date.today().year}"]["digitale-taalspreekuren-taalhuis"]
        agreement = taalhuis["samenwerkingsovereenkomst-taalhuis"]
        assert agreement.document_type == "overeenkomst"
        assert taalhuis in [relation.to_object for relation in agreement.related_projects]

    @pytest.mark.parametrize(
        "name",
        ["meerjarenbeleidsplan-samenvatting.pdf", "evaluatie-collectieplan.pdf"],
    )
    def test_pdf_cross_reference_table(self, name):
        """The shipped PDFs open in any reader: every xref offset points at its object."""
        data = demo_file(name)
        start = int(data.rsplit(b"startxref", 1)[1].split()[0])
        assert data[start:].startswith(b"xref")
        offsets = [int(offset) for offset in re.findall(rb"(\d{10}) 00000 n ", data)]
        assert offsets
        for number, offset in enumerate(offsets, start=1):
            assert data[offset:].startswith(b"%d 0 obj" % number)
        length = int(re.search(rb"/Length (\d+)", data).group(1))
        stream = data.index(b"stream\n") + len(b"stream\n")
        assert data[stream + length :].startswith(b"endstream")

    def test_csv_files_are_tables(self):
        for name in ("klanttevredenheidsonderzoek-resultaten.csv", "boekstart-bereik.csv"):
            rows = list(csv.reader(io.StringIO(demo_file(name).decode("utf-8")), delimiter=";"))
            assert len(rows) > 5
            assert len({len(row) for row in rows}) == 1, name


class TestUsers:
    @pytest.mark.parametrize("username", sorted(DEMO_ROLES))
    def test_user_and_local_roles(self, library, username):
        user = api.user.get(username=username)
        assert user is not None
        assert user.getProperty("email") == f"{username}@example.org"
        roles = set(api.user.get_roles(username=username, obj=library))
        assert DEMO_ROLES[username] <= roles
        assert "Manager" not in roles

    def test_coordinator_fullname(self, portal):
        assert api.user.get(username="coordinator").getProperty("fullname") == (
            "Kwaliteitscoördinator"
        )

    def test_demo_password(self, portal):
        for username in DEMO_ROLES:
            assert portal.acl_users.authenticate(username, "bibqual-demo", portal.REQUEST)

    def test_no_local_roles_on_second_library(self, portal):
        for username in DEMO_ROLES:
            assert not portal[OTHER].get_local_roles_for_userid(username)


class TestIdempotent:
    def test_running_the_profile_again_changes_nothing(self, portal, library, catalog):
        before = counts(catalog)
        users = len(api.user.get_users())
        local_roles = {user: set(roles) for user, roles in library.get_local_roles()}
        portal.portal_setup.runAllImportStepsFromProfile("profile-bibqual:demo")
        assert counts(catalog) == before
        assert len(api.user.get_users()) == users
        assert {user: set(roles) for user, roles in library.get_local_roles()} == local_roles

    def test_restores_what_was_removed(self, portal, library, catalog):
        before = counts(catalog)
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(obj=library["klanttevredenheidsonderzoek-resultaten"])
        assert counts(catalog)["Evidence"] == before["Evidence"] - 1
        portal.portal_setup.runAllImportStepsFromProfile("profile-bibqual:demo")
        assert counts(catalog) == before


class TestRest:
    def test_every_demo_item_serializes(self, portal, catalog):
        """REST and Volto clients can read every item (files, relations and dates included)."""
        types = ["Library", "YearPlan", "SmartProject", "AssuranceProject", "Evidence"]
        for brain in catalog(portal_type=types):
            obj = brain.getObject()
            data = getMultiAdapter((obj, portal.REQUEST), ISerializeToJson)()
            assert json.loads(json.dumps(data))["@type"] == obj.portal_type
            if obj.portal_type == "Evidence":
                related = data["related_projects"]
                assert related and all(item["@id"].startswith("http") for item in related)
                if obj.file:
                    assert data["file"]["download"].endswith("/@@download/file")
