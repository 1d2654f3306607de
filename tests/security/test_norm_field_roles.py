"""Norm-field editor groups: a group mapped to a norm element edits what is tagged with it.

With ``bibqual.norm_field_groups = ["collectie|collectieteam"]`` a member of
``collectieteam`` (and no other role) gets Editor on every project, assurance
project and evidence item tagged ``collectie``: they view and change it, find
it in the catalog, and lose it when the tag or the mapping goes.
"""

from plone import api
from support import PASSWORD
from support.content import make_assurance
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.workflows import walk
from zope.event import notify
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent
import pytest
import transaction


RECORD = "bibqual.norm_field_groups"
MEMBER = "collectie-lid"


def make_member(group="collectieteam", userid=MEMBER):
    with api.env.adopt_roles(["Manager"]):
        if api.group.get(groupname=group) is None:
            api.group.create(groupname=group, title=group)
        if api.user.get(userid=userid) is None:
            api.user.create(email=f"{userid}@example.org", username=userid, password=PASSWORD)
        api.group.add_user(groupname=group, username=userid)


def can(permission, obj, userid=MEMBER):
    with api.env.adopt_user(username=userid):
        return bool(api.user.has_permission(permission, obj=obj))


def found(obj, userid=MEMBER):
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_user(username=userid):
        return [brain.UID for brain in catalog.searchResults(UID=obj.UID())] == [obj.UID()]


@pytest.fixture
def tagged(portal, library, year_plan):
    """A draft plan (the member has no role there) with a tagged and an untagged project."""
    api.portal.set_registry_record(RECORD, ["collectie|collectieteam"])
    make_member()
    return {
        "tagged": make_project(year_plan, "tagged", norm_fields=["collectie", "netwerk"]),
        "untagged": make_project(year_plan, "untagged", norm_fields=["netwerk"]),
        "assurance": make_assurance(library, "borging", norm_fields=["collectie"]),
        "evidence": make_evidence(library, "bewijs", norm_fields=["collectie"]),
        "plan": year_plan,
    }


class TestMapping:
    @pytest.mark.parametrize("name", ["tagged", "assurance", "evidence"])
    def test_member_is_editor_on_tagged(self, tagged, name):
        obj = tagged[name]
        assert "Editor" in api.user.get_roles(username=MEMBER, obj=obj)
        assert can("View", obj)
        assert can("Modify portal content", obj)
        assert found(obj)

    def test_member_has_nothing_on_untagged(self, tagged):
        obj = tagged["untagged"]
        assert "Editor" not in api.user.get_roles(username=MEMBER, obj=obj)
        assert not can("View", obj)
        assert not can("Modify portal content", obj)
        assert not found(obj)

    def test_member_gets_nothing_on_the_plan(self, tagged):
        assert not can("View", tagged["plan"])
        assert not found(tagged["plan"])

    def test_editor_role_follows_workflow(self, tagged):
        """Editor on a done project is frozen like any other Editor."""
        project = tagged["tagged"]
        walk(project, ["start", "evaluate", "adjust", "complete"])
        assert can("View", project)
        assert not can("Modify portal content", project)

    def test_other_users_unaffected(self, tagged):
        with api.env.adopt_roles(["Manager"]):
            api.user.create(email="ander@example.org", username="ander-lid", password=PASSWORD)
        assert not can("View", tagged["tagged"], userid="ander-lid")
        assert not found(tagged["tagged"], userid="ander-lid")

    def test_several_groups(self, tagged):
        make_member(group="leesteam", userid="lees-lid")
        api.portal.set_registry_record(RECORD, ["collectie|collectieteam, leesteam"])
        assert can("Modify portal content", tagged["tagged"], userid="lees-lid")
        assert found(tagged["tagged"], userid="lees-lid")
        assert can("Modify portal content", tagged["tagged"])

    def test_no_mapping_no_roles(self, portal, library, year_plan):
        make_member()
        project = make_project(year_plan, "p", norm_fields=["collectie"])
        assert not can("View", project)
        assert not found(project)


class TestChanges:
    def test_tag_added(self, tagged):
        project = tagged["untagged"]
        project.norm_fields = ["netwerk", "collectie"]
        notify(ObjectModifiedEvent(project))
        assert can("Modify portal content", project)
        assert found(project)

    def test_tag_added_with_field_description(self, tagged):
        """What the edit form and REST send: the changed field names."""
        from bibqual.content.classification import IClassification

        project = tagged["untagged"]
        project.norm_fields = ["collectie"]
        notify(ObjectModifiedEvent(project, Attributes(IClassification, "norm_fields")))
        assert found(project)

    def test_tag_removed(self, tagged):
        project = tagged["tagged"]
        project.norm_fields = ["netwerk"]
        notify(ObjectModifiedEvent(project))
        assert not can("View", project)
        assert not found(project)

    def test_mapping_changed(self, tagged):
        api.portal.set_registry_record(RECORD, ["netwerk|collectieteam"])
        assert found(tagged["untagged"])
        assert can("Modify portal content", tagged["untagged"])
        assert found(tagged["tagged"])  # also tagged netwerk
        assert not found(tagged["assurance"])
        assert not found(tagged["evidence"])
        assert not can("View", tagged["evidence"])

    def test_mapping_cleared(self, tagged):
        api.portal.set_registry_record(RECORD, [])
        for name in ("tagged", "assurance", "evidence"):
            assert not can("View", tagged[name])
            assert not found(tagged[name])


class TestOverRest:
    def test_patch_tag_gives_access(self, functional_portal, rest):
        api.portal.set_registry_record(RECORD, ["collectie|collectieteam"])
        make_member()
        library = make_library(functional_portal)
        make_project(make_plan(library), "p", norm_fields=["netwerk"])
        transaction.commit()
        member = rest(MEMBER, PASSWORD)
        url = "/bieb/jaarplan-2026/p"
        assert member.get(url).status_code == 401
        response = rest("admin").patch(url, json={"norm_fields": ["collectie"]})
        assert response.status_code == 204, response.text
        assert member.get(url).status_code == 200
        found_ids = [
            item["@id"]
            for item in member.get("/@search", params={"portal_type": "SmartProject"}).json()[
                "items"
            ]
        ]
        assert [i.rsplit("/", 1)[-1] for i in found_ids] == ["p"]
        response = member.patch(url, json={"measurable": "Uitleningen per maand."})
        assert response.status_code == 204, response.text
