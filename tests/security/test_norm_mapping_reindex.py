"""Finding 4: changing the norm-element -> group mapping updates catalog security at once.

The attack: a member of a group that was mapped to ``collectie`` keeps finding the
tagged items (with their ``specific`` and indicators) through ``@search
metadata_fields=_all`` after the coordinator removed the mapping. Every change
of the record (add, change, remove) must reindex the security of tagged items.
"""

from plone import api
from support import PASSWORD
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
import pytest
import transaction


RECORD = "bibqual.norm_field_groups"
MEMBER = "collectie-lid"


@pytest.fixture
def tagged(functional_portal):
    """A draft plan's project and a library's evidence, both tagged ``collectie``."""
    library = make_library(functional_portal)
    with api.env.adopt_roles(["Manager"]):
        api.group.create(groupname="collectieteam", title="Collectieteam")
        api.group.create(groupname="leesteam", title="Leesteam")
        api.user.create(email="lid@example.org", username=MEMBER, password=PASSWORD)
        api.group.add_user(groupname="collectieteam", username=MEMBER)
    project = make_project(
        make_plan(library), "collectieproject", norm_fields=["collectie"], specific="Geheim doel"
    )
    evidence = make_evidence(library, "collectiebewijs", norm_fields=["collectie"])
    transaction.commit()
    return {"project": project, "evidence": evidence}


def set_mapping(lines):
    api.portal.set_registry_record(RECORD, lines)
    transaction.commit()


def search(rest):
    response = rest(MEMBER, PASSWORD).get(
        "/@search",
        params={"portal_type": ["SmartProject", "Evidence"], "metadata_fields": "_all"},
    )
    assert response.status_code == 200, response.text
    return {item["@id"].rsplit("/", 1)[-1]: item for item in response.json()["items"]}


def test_add_change_and_remove_a_mapping(tagged, rest):
    assert search(rest) == {}

    set_mapping(["collectie|collectieteam"])  # added
    found = search(rest)
    assert set(found) == {"collectieproject", "collectiebewijs"}
    assert found["collectieproject"]["specific"] == "Geheim doel"

    set_mapping(["collectie|leesteam"])  # changed: another group
    assert search(rest) == {}

    set_mapping(["collectie|leesteam, collectieteam"])  # changed: the group back
    assert set(search(rest)) == {"collectieproject", "collectiebewijs"}

    set_mapping([])  # removed
    assert search(rest) == {}
    member = rest(MEMBER, PASSWORD)
    assert member.get("/bieb/jaarplan-2026/collectieproject").status_code in (401, 403)
