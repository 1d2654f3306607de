"""The five content types are registered and may only be added where the contract says."""

from Acquisition import aq_base
from datetime import date
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.dexterity.interfaces import IDexterityFTI
from zope.component import queryUtility
from zope.security.interfaces import IPermission
import pytest


TYPES = {
    "Library": {
        "klass": "bibqual.content.library.Library",
        "schema": "bibqual.content.library.ILibrary",
        "add_permission": "bibqual.AddLibrary",
        "permission_title": "bibqual: Add Library",
        "global_allow": True,
    },
    "YearPlan": {
        "klass": "bibqual.content.yearplan.YearPlan",
        "schema": "bibqual.content.yearplan.IYearPlan",
        "add_permission": "bibqual.AddYearPlan",
        "permission_title": "bibqual: Add YearPlan",
        "global_allow": False,
    },
    "SmartProject": {
        "klass": "bibqual.content.smartproject.SmartProject",
        "schema": "bibqual.content.smartproject.ISmartProject",
        "add_permission": "bibqual.AddSmartProject",
        "permission_title": "bibqual: Add SmartProject",
        "global_allow": False,
    },
    "AssuranceProject": {
        "klass": "bibqual.content.assuranceproject.AssuranceProject",
        "schema": "bibqual.content.assuranceproject.IAssuranceProject",
        "add_permission": "bibqual.AddAssuranceProject",
        "permission_title": "bibqual: Add AssuranceProject",
        "global_allow": False,
    },
    "Evidence": {
        "klass": "bibqual.content.evidence.Evidence",
        "schema": "bibqual.content.evidence.IEvidence",
        "add_permission": "bibqual.AddEvidence",
        "permission_title": "bibqual: Add Evidence",
        "global_allow": False,
    },
}

COMMON_BEHAVIORS = ("plone.dublincore", "plone.namefromtitle", "plone.locking")
PROJECT_TYPES = ("SmartProject", "AssuranceProject", "Evidence")

# Minimal valid data per type, so that creating one is only about containment.
MINIMAL = {
    "Library": {"title": "Bibliotheek"},
    "YearPlan": {"title": "Jaarplan 2031", "year": 2031},
    "SmartProject": {
        "title": "Project",
        "specific": "Iets specifieks",
        "deadline": date(2031, 12, 31),
    },
    "AssuranceProject": {"title": "Borging", "agreement": "Jaarlijks evalueren"},
    "Evidence": {"title": "Bewijs", "remote_url": "https://example.org/jaarverslag.pdf"},
}

# Where each type may be added (container kind -> allowed types), per CONTRACT.md.
CONTAINERS = ("site", "folder", "library", "year_plan", "project", "assurance")
ALLOWED = {
    "site": {"Library"},
    "folder": {"Library"},
    "library": {"YearPlan", "AssuranceProject", "Evidence"},
    "year_plan": {"SmartProject"},
    "project": {"Evidence"},
    "assurance": {"Evidence"},
}
MATRIX = [
    pytest.param(kind, portal_type, portal_type in ALLOWED[kind], id=f"{portal_type}-in-{kind}")
    for kind in CONTAINERS
    for portal_type in TYPES
]


@pytest.fixture
def manager(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    yield
    setRoles(portal, TEST_USER_ID, ["Member"])


@pytest.fixture
def containers(manager, portal, library, year_plan, project):
    folder = api.content.create(container=portal, type="Folder", id="map", title="Map")
    assurance = api.content.create(
        container=library,
        type="AssuranceProject",
        id="borging",
        title="Borging collectieplan",
        agreement="Het collectieplan wordt jaarlijks geëvalueerd.",
    )
    return {
        "site": portal,
        "folder": folder,
        "library": library,
        "year_plan": year_plan,
        "project": project,
        "assurance": assurance,
    }


class TestFTI:
    @pytest.mark.parametrize("portal_type", TYPES)
    def test_fti_registered(self, get_fti, portal_type):
        fti = get_fti(portal_type)
        assert fti is not None
        assert IDexterityFTI.providedBy(fti)

    @pytest.mark.parametrize("portal_type", TYPES)
    def test_klass_and_schema(self, get_fti, portal_type):
        fti = get_fti(portal_type)
        assert fti.klass == TYPES[portal_type]["klass"]
        assert fti.schema == TYPES[portal_type]["schema"]

    @pytest.mark.parametrize("portal_type", TYPES)
    def test_instance_has_klass(self, manager, containers, portal_type):
        container = containers["site" if portal_type == "Library" else "library"]
        if portal_type == "SmartProject":
            container = containers["year_plan"]
        obj = api.content.create(container=container, type=portal_type, **MINIMAL[portal_type])
        klass = type(aq_base(obj))
        assert f"{klass.__module__}.{klass.__name__}" == TYPES[portal_type]["klass"]

    @pytest.mark.parametrize("portal_type", TYPES)
    def test_add_permission(self, get_fti, portal_type):
        fti = get_fti(portal_type)
        assert fti.add_permission == TYPES[portal_type]["add_permission"]
        permission = queryUtility(IPermission, name=fti.add_permission)
        assert permission is not None, "the add permission is not registered"
        assert permission.title == TYPES[portal_type]["permission_title"]

    @pytest.mark.parametrize("portal_type", TYPES)
    def test_global_allow(self, get_fti, portal_type):
        assert bool(get_fti(portal_type).global_allow) is TYPES[portal_type]["global_allow"]

    @pytest.mark.parametrize("portal_type", TYPES)
    def test_common_behaviors(self, get_behaviors, portal_type):
        behaviors = get_behaviors(portal_type)
        for behavior in COMMON_BEHAVIORS:
            assert behavior in behaviors

    @pytest.mark.parametrize("portal_type", TYPES)
    def test_versioning_and_classification(self, get_behaviors, portal_type):
        behaviors = get_behaviors(portal_type)
        expected = portal_type in PROJECT_TYPES
        assert ("plone.versioning" in behaviors) is expected
        assert ("bibqual.classification" in behaviors) is expected


class TestAddPermissionRoles:
    """Who may add what: only managers add libraries, contributors the rest."""

    @pytest.mark.parametrize(
        "permission,role,granted",
        [
            ("bibqual: Add Library", "Manager", True),
            ("bibqual: Add Library", "Site Administrator", True),
            ("bibqual: Add Library", "Contributor", False),
            ("bibqual: Add YearPlan", "Contributor", True),
            ("bibqual: Add SmartProject", "Contributor", True),
            ("bibqual: Add AssuranceProject", "Contributor", True),
            ("bibqual: Add Evidence", "Contributor", True),
            ("bibqual: Add Evidence", "Member", False),
        ],
    )
    def test_role_has_permission(self, portal, permission, role, granted):
        roles = {r["name"] for r in portal.rolesOfPermission(permission) if r["selected"]}
        assert (role in roles) is granted


class TestContainment:
    @pytest.mark.parametrize("kind,portal_type,allowed", MATRIX)
    def test_allowed_content_types(self, containers, kind, portal_type, allowed):
        container = containers[kind]
        addable = {fti.getId() for fti in container.allowedContentTypes()}
        assert (portal_type in addable) is allowed

    @pytest.mark.parametrize("kind,portal_type,allowed", MATRIX)
    def test_create(self, containers, kind, portal_type, allowed):
        container = containers[kind]
        if allowed:
            obj = api.content.create(container=container, type=portal_type, **MINIMAL[portal_type])
            assert obj.portal_type == portal_type
            assert obj.getId() in container.objectIds()
        else:
            before = set(container.objectIds())
            with pytest.raises((api.exc.InvalidParameterError, ValueError)):
                api.content.create(container=container, type=portal_type, **MINIMAL[portal_type])
            assert set(container.objectIds()) == before

    @pytest.mark.parametrize(
        "container_type,portal_type,allowed",
        [
            ("Library", "YearPlan", True),
            ("Library", "AssuranceProject", True),
            ("Library", "Evidence", True),
            ("Library", "SmartProject", False),
            ("Library", "Library", False),
            ("YearPlan", "SmartProject", True),
            ("YearPlan", "YearPlan", False),
            ("YearPlan", "Evidence", False),
            ("SmartProject", "Evidence", True),
            ("SmartProject", "SmartProject", False),
            ("AssuranceProject", "Evidence", True),
            ("AssuranceProject", "AssuranceProject", False),
            ("Evidence", "Evidence", False),
        ],
    )
    def test_fti_allow_type(self, get_fti, container_type, portal_type, allowed):
        fti = get_fti(container_type)
        assert bool(fti.filter_content_types)
        assert bool(fti.allowType(portal_type)) is allowed
