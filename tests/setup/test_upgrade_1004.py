"""Upgrade 1003 -> 1004: the norm framework settings, a site keeps the framework it
uses, and an existing site gets the certification round.

Until 1003 the default framework was the SCOB 3rd round; a new site now starts on
CBCT Kwaliteit in Beeld. A 1003 site had none of the round's types, workflows,
permissions, catalog columns and index; after the upgrade its coordinator starts a
round in an existing library.
"""

from bibqual.ids import CERTIFICATION
from bibqual.ids import LIBRARY
from bibqual.ids import ROUND_TYPES
from bibqual.permissions import ADD_AUDIT_REPORT
from bibqual.permissions import ADD_CERTIFICATION
from bibqual.permissions import ADD_FINDING
from bibqual.permissions import ADD_SELF_ASSESSMENT
from bibqual.permissions import RECORD_AUDIT_REPORT
from bibqual.workflows.ids import LIBRARY_WORKFLOW
from datetime import date
from plone import api
from plone.registry.interfaces import IRegistry
from support import PASSWORD
from support.content import make_assurance
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.content import make_user
from support.content import transition
from zope.component import getUtility
import pytest
import transaction


ACTIVE = "bibqual.active_framework"
NEW_RECORDS = ("bibqual.framework_files", "bibqual.norm_mappings", "bibqual.norm_modules")
ROUND_WORKFLOWS = (
    "bibqual_certification_workflow",
    "bibqual_selfassessment_workflow",
    "bibqual_auditreport_workflow",
    "bibqual_finding_workflow",
)
ROUND_PERMISSIONS = (
    ADD_CERTIFICATION,
    ADD_SELF_ASSESSMENT,
    ADD_AUDIT_REPORT,
    ADD_FINDING,
    RECORD_AUDIT_REPORT,
)
NEW_COLUMNS = ("certified_until", "norm_field", "kind", "due", "action_uids", "last_adjusted")
NEW_INDEX = "action_uids"


def remove_new_records():
    records = getUtility(IRegistry).records
    for name in NEW_RECORDS:
        del records[name]


@pytest.fixture
def site_1003(portal, setup_tool):
    """The test site as bibqual 1003 left it: none of the new records."""
    remove_new_records()
    setup_tool.setLastVersionForProfile("bibqual:default", "1003")
    return portal


def as_in_1003(portal):
    """Take from ``portal`` what bibqual 1004 added (types, workflows, permissions,
    catalog columns and index, records), as a 1003 site had it."""
    portal.portal_types.manage_delObjects(list(ROUND_TYPES))
    library_type = portal.portal_types[LIBRARY]
    library_type.allowed_content_types = tuple(
        name for name in library_type.allowed_content_types if name != CERTIFICATION
    )
    workflows = portal.portal_workflow
    workflows.manage_delObjects(list(ROUND_WORKFLOWS))
    for name in ROUND_TYPES:
        workflows._chains_by_type.pop(name, None)
    library_workflow = workflows[LIBRARY_WORKFLOW]
    library_workflow.permissions = tuple(
        name for name in library_workflow.permissions if name != ADD_CERTIFICATION
    )
    for state in library_workflow.states.objectValues():
        state.permission_roles = {
            name: roles
            for name, roles in (state.permission_roles or {}).items()
            if name != ADD_CERTIFICATION
        }
    catalog = portal.portal_catalog
    for brain in catalog.unrestrictedSearchResults(portal_type=LIBRARY):
        library = brain._unrestrictedGetObject()
        library.manage_permission(ADD_CERTIFICATION, [], acquire=1)
    for name in ROUND_PERMISSIONS:
        portal.manage_permission(name, [], acquire=1)
    for name in NEW_COLUMNS:
        catalog.delColumn(name)
    catalog.delIndex(NEW_INDEX)
    remove_new_records()
    portal.portal_setup.setLastVersionForProfile("bibqual:default", "1003")


@pytest.fixture
def populated_1003(functional_portal):
    """A 1003 site with a library, its coordinator, a project tagged under SCOB and
    an assurance project that was checked and adjusted (committed)."""
    library = make_library(functional_portal, "bieb", title="Bibliotheek Noord")
    make_user("coordinator", [(library, ["Reviewer"])])
    make_user("medewerker", [(library, ["Editor", "Contributor"])])
    project = make_project(make_plan(library, 2026), "collectie", norm_fields=["collectie"])
    assurance = make_assurance(library, "evaluatie", evaluation="Gedaan zoals afgesproken.")
    transition(assurance, ["start", "evaluate", "adjust"])
    as_in_1003(functional_portal)
    transaction.commit()
    return {"library": library, "project": project, "assurance": assurance}


def upgrade(setup_tool):
    """Upgrade from 1003 on to the current version."""
    setup_tool.upgradeProfile("bibqual:default")
    assert setup_tool.getLastVersionForProfile("bibqual:default") == (
        setup_tool.getVersionForProfile("bibqual:default"),
    )


def test_a_site_on_scob_stays_on_scob(site_1003, setup_tool):
    registry = getUtility(IRegistry)
    assert registry[ACTIVE] == "scob3"
    upgrade(setup_tool)
    assert registry[ACTIVE] == "scob3"
    assert registry["bibqual.framework_files"] == []
    assert registry["bibqual.norm_modules"] == []
    assert "scob3->cbct-kib|collectie|producten-en-diensten" in registry["bibqual.norm_mappings"]


def test_a_site_that_chose_kib_stays_on_kib(site_1003, setup_tool):
    registry = getUtility(IRegistry)
    registry[ACTIVE] = "cbct-kib"
    upgrade(setup_tool)
    assert registry[ACTIVE] == "cbct-kib"


def test_without_the_record_scob_tags_keep_scob(site_1003, setup_tool):
    """A site that lost the record (an old or partial install) but tagged under SCOB."""
    make_project(make_plan(make_library(site_1003)), "p", norm_fields=["collectie"])
    del getUtility(IRegistry).records[ACTIVE]
    upgrade(setup_tool)
    assert getUtility(IRegistry)[ACTIVE] == "scob3"


def test_without_the_record_and_tags_the_new_default(site_1003, setup_tool):
    make_project(make_plan(make_library(site_1003)), "p", norm_fields=["middelen"])
    del getUtility(IRegistry).records[ACTIVE]
    upgrade(setup_tool)
    assert getUtility(IRegistry)[ACTIVE] == "cbct-kib"


def test_a_new_site_is_on_kwaliteit_in_beeld(kib_portal):
    registry = kib_portal.portal_registry
    assert registry[ACTIVE] == "cbct-kib"
    setup = kib_portal.portal_setup
    assert setup.getLastVersionForProfile("bibqual:default") == (
        setup.getVersionForProfile("bibqual:default"),
    )
    assert "scob3->cbct-kib|netwerk|samenwerking" in registry["bibqual.norm_mappings"]


def test_an_existing_library_gets_the_round(functional_portal, populated_1003, rest):
    catalog = functional_portal.portal_catalog
    library = populated_1003["library"]
    assert CERTIFICATION not in [fti.getId() for fti in library.allowedContentTypes()]
    setup = functional_portal.portal_setup
    setup.upgradeProfile("bibqual:default")
    transaction.commit()
    assert setup.getLastVersionForProfile("bibqual:default") == (
        setup.getVersionForProfile("bibqual:default"),
    )

    # the catalog has the round's columns and index, and lost nothing on the way
    assert set(NEW_COLUMNS) <= set(catalog.schema())
    assert NEW_INDEX in catalog.indexes()
    found = catalog.unrestrictedSearchResults(norm_fields="collectie")
    assert [brain.getObject() for brain in found] == [populated_1003["project"]]
    (assurance,) = catalog.unrestrictedSearchResults(UID=populated_1003["assurance"].UID())
    assert assurance.last_adjusted is not None

    # the coordinator starts a round in the library, and its status answers
    coordinator = rest("coordinator", PASSWORD)
    response = coordinator.post(
        "bieb",
        json={
            "@type": CERTIFICATION,
            "title": "Certificering 2027",
            "certified_until": "2027-05-31",
            "audit_date": "2027-04-15",
        },
    )
    assert response.status_code == 201, response.text
    status = coordinator.get(f"bieb/{response.json()['id']}/@certification-status")
    assert status.status_code == 200, status.text
    milestones = {item["id"]: item for item in status.json()["milestones"]}
    assert milestones["audit_quarter"]["quarter"] == "2027-Q2"
    assert milestones["audit_quarter"]["met"] is True
    assert milestones["self_assessment"]["date"] == "2027-03-04"
    transaction.begin()
    (round_brain,) = catalog.unrestrictedSearchResults(portal_type=CERTIFICATION)
    assert round_brain.certified_until == date(2027, 5, 31)
    # staff of the library still may not start one
    with api.env.adopt_user(username="medewerker"):
        assert not api.user.has_permission(ADD_CERTIFICATION, obj=library)
