"""The ``bibqual:demo`` profile: what a visitor of the demo site finds.

The catalog filters on permissions, so the tests look as a Manager unless they log in
as one of the demo users to check what that user's role lets them see.
"""

from Acquisition import aq_parent
from bibqual.content.classification import IClassification
from bibqual.content.smartproject import ISmartProject
from bibqual.frameworks.store import shipped_frameworks
from bibqual.setuphandlers.demo import demo_file
from bibqual.vocabularies.core_functions import CORE_FUNCTIONS
from bibqual.vocabularies.document_types import DOCUMENT_TYPES
from datetime import date
from datetime import timedelta
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
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
# A new demo site is audited against Kwaliteit in Beeld (its seven norms; no module is
# switched on in the demo).
KIB_TOKENS = {e.token for e in shipped_frameworks()["cbct-kib"].selected_elements()}
DEMO_ROLES = {
    "coordinator": {"Reviewer"},
    "medewerker": {"Editor", "Contributor"},
    "auditor": {"Auditor"},
}
TYPES = ("Library", "YearPlan", "SmartProject", "AssuranceProject", "Evidence")
PROJECT_STATES = {"plan", "do", "check", "act", "done", "cancelled"}
OPEN_STATES = {"plan", "do", "check", "act"}
COORDINATOR_STEPS = {"adopt", "close", "complete", "cancel", "reopen", "release", "archive"}


@pytest.fixture
def portal(demo_integration):
    """The demo site, with the test user as Manager (the catalog filters on permissions)."""
    portal = demo_integration["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return portal


@pytest.fixture
def library(portal):
    return portal[MAIN]


@pytest.fixture
def catalog(portal):
    return portal.portal_catalog


def objects(catalog, portal_type, **query):
    return [brain.getObject() for brain in catalog(portal_type=portal_type, **query)]


def counts(catalog):
    return {portal_type: len(catalog(portal_type=portal_type)) for portal_type in TYPES}


def states(catalog, portal_type, **query):
    """``{id: review_state}`` of what the current user finds."""
    return {brain.getId: brain.review_state for brain in catalog(portal_type=portal_type, **query)}


def path_of(obj):
    return "/".join(obj.getPhysicalPath())


def history(obj):
    """The workflow history of ``obj`` (its one workflow), creation entry first."""
    (entries,) = obj.workflow_history.values()
    return list(entries)


def steps(obj):
    """The transitions in the history of ``obj`` (without the creation entry)."""
    return [entry for entry in history(obj) if entry["action"]]


def snapshot(catalog):
    """State and length of history of every demo item."""
    return {
        brain.getPath(): (brain.review_state, len(history(brain.getObject())))
        for brain in catalog(portal_type=list(TYPES))
    }


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
            assert set(project.norm_fields) <= KIB_TOKENS
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
            assert set(item.norm_fields) <= KIB_TOKENS and item.norm_fields
            assert item.cycle >= 1
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
        names = (
            "klanttevredenheidsonderzoek-resultaten.csv",
            "boekstart-bereik.csv",
            "tussenmeting-taalmaatjes.csv",
            "effectrapportage-taal-en-lezen.csv",
        )
        for name in names:
            rows = list(csv.reader(io.StringIO(demo_file(name).decode("utf-8")), delimiter=";"))
            assert len(rows) > 5
            assert len({len(row) for row in rows}) == 1, name


class TestUsers:
    @pytest.mark.parametrize("username", sorted(DEMO_ROLES))
    def test_user_and_local_roles(self, library, username):
        user = api.user.get(username=username)
        assert user is not None
        assert user.getProperty("email") == f"{username}@bibliotheek.example"
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
        workflow = snapshot(catalog)
        users = len(api.user.get_users())
        local_roles = {user: set(roles) for user, roles in library.get_local_roles()}
        portal.portal_setup.runAllImportStepsFromProfile("profile-bibqual:demo")
        assert counts(catalog) == before
        assert snapshot(catalog) == workflow
        assert len(api.user.get_users()) == users
        assert {user: set(roles) for user, roles in library.get_local_roles()} == local_roles

    def test_items_moved_on_by_hand_stay_where_they_are(self, portal, library):
        project = library[f"jaarplan-{date.today().year}"]["bibliotheek-op-school-vmbo"]
        api.content.transition(obj=project, transition="start", comment="Van start.")
        portal.portal_setup.runAllImportStepsFromProfile("profile-bibqual:demo")
        assert api.content.get_state(project) == "do"
        assert [entry["action"] for entry in steps(project)] == ["start"]

    def test_restores_what_was_removed(self, portal, library, catalog):
        before = counts(catalog)
        workflow = snapshot(catalog)
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(obj=library["klanttevredenheidsonderzoek-resultaten"])
        assert counts(catalog)["Evidence"] == before["Evidence"] - 1
        portal.portal_setup.runAllImportStepsFromProfile("profile-bibqual:demo")
        assert counts(catalog) == before
        # The new item took its steps again: released, one release in its history.
        assert snapshot(catalog) == workflow


class TestWorkflowStates:
    def test_every_project_state_is_shown(self, catalog):
        assert set(states(catalog, "SmartProject").values()) == PROJECT_STATES

    def test_last_year_done_but_one_cancelled(self, library, catalog):
        plan = library[f"jaarplan-{date.today().year - 1}"]
        found = sorted(states(catalog, "SmartProject", path=path_of(plan)).values())
        assert found.count("cancelled") == 1
        assert set(found) == {"done", "cancelled"}
        assert found.count("done") >= 5

    def test_this_year_spread_over_plan_do_check_act(self, library, catalog):
        plan = library[f"jaarplan-{date.today().year}"]
        found = states(catalog, "SmartProject", path=path_of(plan))
        assert set(found.values()) == OPEN_STATES
        assert found["bibliotheek-op-school-vmbo"] == "plan"
        assert found["makerspace-en-cultuureducatie"] == "act"

    def test_year_plan_states(self, portal, library):
        this_year = date.today().year
        assert api.content.get_state(library[f"jaarplan-{this_year - 1}"]) == "closed"
        assert api.content.get_state(library[f"jaarplan-{this_year}"]) == "adopted"
        assert api.content.get_state(portal[OTHER][f"jaarplan-{this_year}"]) == "draft"

    def test_second_library_waits_for_its_draft_plan(self, portal, catalog):
        found = states(catalog, "SmartProject", path=path_of(portal[OTHER]))
        assert len(found) == 2
        assert set(found.values()) == {"plan"}
        for project in objects(catalog, "SmartProject", path=path_of(portal[OTHER])):
            assert steps(project) == []
            assert all(row["actual"] is None for row in project.indicators)

    def test_state_matches_the_content(self, catalog):
        """Acted-on projects hold their evaluation and decisions; planned ones no results."""
        for project in objects(catalog, "SmartProject"):
            state = api.content.get_state(project)
            if state in ("act", "done"):
                assert project.evaluation and project.improvements, project.getId()
            if state == "plan":
                assert all(row["actual"] is None for row in project.indicators), project.getId()

    def test_every_evidence_state_is_shown(self, catalog):
        found = states(catalog, "Evidence")
        assert set(found.values()) == {"draft", "released", "archived"}
        assert found["tussenmeting-taalmaatjes"] == "draft"
        assert found["bereikcijfers-boekstart"] == "archived"
        assert list(found.values()).count("released") >= 5

    def test_every_assurance_state_is_shown(self, catalog):
        assert set(states(catalog, "AssuranceProject").values()) == OPEN_STATES

    def test_new_cycles_went_through_the_workflow(self, library, catalog):
        items = objects(catalog, "AssuranceProject")
        assert max(item.cycle for item in items) >= 3
        assert sum(1 for item in items if item.cycle >= 2) >= 2
        for item in items:
            new_cycles = [entry for entry in steps(item) if entry["action"] == "new_cycle"]
            assert len(new_cycles) == item.cycle - 1, item.getId()
            assert all(entry["comments"].strip() for entry in new_cycles), item.getId()
            assert all(entry["review_state"] == "plan" for entry in new_cycles)
        # The review date is where the data puts it, after the cycles moved it on.
        collection = library["jaarlijkse-evaluatie-collectieplan"]
        assert collection.cycle == 3
        assert collection.next_review == date.today() + timedelta(days=30)
        assert catalog(UID=api.content.get_uuid(collection))[0].next_review == (
            collection.next_review
        )


class TestHistories:
    def test_histories_follow_the_workflow(self, portal, catalog):
        """Every history starts in the initial state and takes only allowed steps, in order."""
        workflow_tool = portal.portal_workflow
        for brain in catalog(portal_type=list(TYPES)):
            obj = brain.getObject()
            (workflow,) = workflow_tool.getWorkflowsFor(obj)
            entries = history(obj)
            assert entries[0]["action"] is None
            state = workflow.initial_state
            assert entries[0]["review_state"] == state
            for entry in entries[1:]:
                assert entry["action"] in workflow.states[state].transitions, brain.getPath()
                state = workflow.transitions[entry["action"]].new_state_id
                assert entry["review_state"] == state
            assert state == brain.review_state

    def test_every_step_has_a_comment(self, catalog):
        taken = [
            entry
            for brain in catalog(portal_type=list(TYPES))
            for entry in steps(brain.getObject())
        ]
        assert len(taken) >= 60
        for entry in taken:
            assert len(entry["comments"].strip()) > 10, entry
            assert "{" not in entry["comments"], entry

    def test_comments_tell_the_story(self, library):
        this_year = date.today().year
        plan = library[f"jaarplan-{this_year - 1}"]
        close = steps(plan)[-1]
        assert close["action"] == "close"
        assert f"jaarverslag {this_year - 1}" in close["comments"]
        bus = plan["bibliotheekbus-langs-de-kleine-kernen"]
        assert [entry["action"] for entry in steps(bus)] == ["start", "cancel"]
        assert "afgekeurd" in steps(bus)[-1]["comments"]
        media = [entry["action"] for entry in steps(plan["mediawijsheid-groep-7-en-8"])]
        assert media == ["start", "evaluate", "adjust", "replan"] + [
            "start",
            "evaluate",
            "adjust",
            "complete",
        ]
        survey = library["klanttevredenheidsonderzoek"]
        adjust = [entry for entry in steps(survey) if entry["action"] == "adjust"]
        assert "Evaluatie:" in adjust[0]["comments"]

    def test_steps_taken_by_the_demo_users(self, catalog):
        for brain in catalog(portal_type=list(TYPES)):
            for entry in steps(brain.getObject()):
                if entry["action"] in COORDINATOR_STEPS:
                    assert entry["actor"] == "coordinator", (brain.getPath(), entry)
                else:
                    assert entry["actor"] in ("coordinator", "medewerker"), brain.getPath()

    def test_plan_adopted_before_and_closed_after_its_projects(self, library):
        plan = library[f"jaarplan-{date.today().year - 1}"]
        adopt, close = steps(plan)
        for project in plan.objectValues():
            if project.portal_type != "SmartProject":
                continue
            project_steps = steps(project)
            assert adopt["time"] <= project_steps[0]["time"], project.getId()
            assert project_steps[-1]["time"] <= close["time"], project.getId()


class TestWhoSeesWhat:
    def test_auditor_sees_library_and_adopted_and_closed_plans(self, portal, library, catalog):
        login(portal, "auditor")
        assert [brain.getObject() for brain in catalog(portal_type="Library")] == [library]
        this_year = date.today().year
        plans = {brain.getPath(): brain.review_state for brain in catalog(portal_type="YearPlan")}
        assert plans == {
            f"{path_of(library)}/jaarplan-{this_year - 1}": "closed",
            f"{path_of(library)}/jaarplan-{this_year}": "adopted",
        }

    def test_auditor_sees_projects_but_not_the_cancelled_one(self, portal, library, catalog):
        everything = states(catalog, "SmartProject", path=path_of(library))
        login(portal, "auditor")
        seen = states(catalog, "SmartProject")
        assert "cancelled" not in seen.values()
        assert seen == {key: state for key, state in everything.items() if state != "cancelled"}
        assert set(seen.values()) == OPEN_STATES | {"done"}
        assert len(states(catalog, "AssuranceProject")) == 4

    def test_auditor_sees_released_and_archived_evidence_only(self, portal, catalog):
        everything = states(catalog, "Evidence")
        login(portal, "auditor")
        seen = states(catalog, "Evidence")
        assert set(seen.values()) == {"released", "archived"}
        assert seen == {key: state for key, state in everything.items() if state != "draft"}
        assert not catalog(portal_type="Evidence", review_state="draft")

    def test_auditor_sees_nothing_of_the_second_library(self, portal, catalog):
        other = portal[OTHER]
        login(portal, "auditor")
        assert not catalog(path=path_of(other))
        assert not catalog(library_uid=api.content.get_uuid(other))
        assert OTHER not in {brain.getId for brain in catalog(portal_type="Library")}

    def test_medewerker_sees_draft_evidence(self, portal, catalog):
        login(portal, "medewerker")
        seen = states(catalog, "Evidence")
        assert seen["tussenmeting-taalmaatjes"] == "draft"
        assert set(seen.values()) == {"draft", "released", "archived"}
        assert "cancelled" in states(catalog, "SmartProject").values()
        assert not catalog(path=path_of(portal[OTHER]))

    def test_coordinator_sees_all_of_the_main_library(self, portal, library, catalog):
        everything = snapshot(catalog)
        main = {
            path: value for path, value in everything.items() if path.startswith(path_of(library))
        }
        login(portal, "coordinator")
        assert snapshot(catalog) == main

    def test_anonymous_sees_nothing(self, portal, catalog):
        logout()
        assert not catalog(portal_type=list(TYPES))


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
