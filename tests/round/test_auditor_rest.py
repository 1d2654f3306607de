"""The auditor's part, end to end over REST as a real user with a running grant
(``audit.grants.grant``): add and edit findings in a draft audit report of that
library, and nothing else: not the report itself, no transition, nothing anywhere
else, and nothing at all once the grant has ended. Staff read findings and their
actions but do not edit findings; an auditor reads a finding without the actions
hidden from them (a project of a draft year plan).

The round of ``build_round`` (conftest), the clock on 1 March 2027; the grant runs
up to and including 30 April 2027.
"""

from bibqual.audit.grants import grant
from datetime import date
from plone import api
from support import PASSWORD
from support.content import create
from support.content import make_library
from support.content import make_user
from support.content import transition
import pytest
import transaction


FINDING = {
    "@type": "Finding",
    "title": "Geen meerjarenbegroting",
    "norm_field": "middelen",
    "kind": "shortcoming",
    "text": "De bibliotheek heeft geen meerjarenbegroting.",
    "due": "2027-06-30",
}
REFUSED = (401, 403)


@pytest.fixture
def audit(functional_round):
    tree = functional_round
    tree["report"] = create(tree["certification"], "AuditReport", "rapport", title="Auditrapport")
    make_user("auditor")
    with api.env.adopt_roles(["Manager"]):
        grant(tree["library"], "auditor", date(2027, 4, 30))
    transaction.commit()
    return tree


@pytest.fixture
def auditor(rest, audit):
    return rest("auditor", PASSWORD)


def add_finding(session, report, **change):
    return session.post(report.absolute_url(), json={**FINDING, **change})


def test_auditor_adds_and_edits_findings_of_a_draft_report(auditor, audit):
    response = add_finding(auditor, audit["report"])
    assert response.status_code == 201, response.text
    url = response.json()["@id"]
    response = auditor.patch(
        url, json={"text": "Ook geen begrotingscyclus.", "kind": "improvement"}
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    finding = audit["report"]["geen-meerjarenbegroting"]
    assert (finding.text, finding.kind) == ("Ook geen begrotingscyclus.", "improvement")
    # and reads the report with it
    items = auditor.get(audit["report"].absolute_url()).json()["items"]
    assert [item["@id"] for item in items] == [url]


def test_auditor_input_is_checked_like_anyone_elses(auditor, audit):
    response = add_finding(auditor, audit["report"], norm_field="bestaat-niet")
    assert response.status_code == 400
    assert "'bestaat-niet' is not a valid choice for norm_field" in response.text
    transaction.begin()
    assert audit["report"].objectIds() == []


@pytest.mark.parametrize("change", [{"summary": "Prima."}, {"title": "Ander rapport"}])
def test_auditor_cannot_change_the_report_itself(rest, auditor, audit, change):
    report = audit["report"]
    response = auditor.patch(report.absolute_url(), json={**change, "percentage": 90})
    assert response.status_code == 403
    message = response.json()["error"]["message"]
    key = next(iter(change))
    assert "Only the quality coordinator records the audit report" in message
    assert f"percentage, {key}" in message
    transaction.begin()
    assert (report.Title(), report.summary, report.percentage) == ("Auditrapport", None, None)
    # the coordinator does
    coordinator = rest("coordinator", PASSWORD)
    assert coordinator.patch(report.absolute_url(), json=change).status_code == 204


def test_auditor_takes_no_step(auditor, audit):
    url = add_finding(auditor, audit["report"]).json()["@id"]
    for target, step in ((audit["report"].absolute_url(), "finalize"), (url, "close")):
        response = auditor.post(f"{target}/@workflow/{step}")
        assert response.status_code == 403, (step, response.text)
    transaction.begin()
    assert api.content.get_state(audit["report"]) == "draft"
    assert api.content.get_state(audit["report"]["geen-meerjarenbegroting"]) == "open"


def test_auditor_adds_nothing_anywhere_else(rest, auditor, audit):
    url = add_finding(auditor, audit["report"]).json()["@id"]
    transaction.begin()  # see what the server stored before changing more here
    other = make_library(api.portal.get(), "ander", title="Andere bibliotheek")
    other_round = create(
        other, "Certification", "ronde", title="Ronde", certified_until=date(2027, 5, 31)
    )
    other_report = create(other_round, "AuditReport", "rapport", title="Rapport")
    final = create(audit["certification"], "AuditReport", "definitief", title="Definitief")
    transition(final, ["finalize"])
    transaction.commit()
    attempts = [
        (audit["plan"], {"@type": "SmartProject", "title": "Nieuw", "specific": "x"}),
        (audit["library"], {"@type": "Evidence", "title": "Bewijs", "remote_url": "https://a.nl"}),
        (audit["library"], {"@type": "AssuranceProject", "title": "Borging", "agreement": "x"}),
        (audit["projects"]["taalcafe"], {"@type": "Evidence", "title": "Bewijs"}),
        (final, FINDING),
        (other_report, FINDING),
    ]
    for container, body in attempts:
        response = auditor.post(container.absolute_url(), json=body)
        assert response.status_code in (*REFUSED, 404), (container, response.text)
    response = auditor.patch(audit["projects"]["taalcafe"].absolute_url(), json={"title": "x"})
    assert response.status_code in REFUSED
    response = auditor.post(f"{url}/@corrective-project", json={"type": "AssuranceProject"})
    assert response.status_code == 403
    transaction.begin()
    assert audit["projects"]["taalcafe"].Title() == "Taalcafé"
    assert final.objectIds() == [] and other_report.objectIds() == []
    assert not api.content.find(portal_type="AssuranceProject")
    assert audit["report"]["geen-meerjarenbegroting"].actions == []


def test_after_the_grant_the_auditor_sees_and_changes_nothing(auditor, audit, monkeypatch):
    url = add_finding(auditor, audit["report"]).json()["@id"]
    monkeypatch.setattr("bibqual.clock.today", lambda: date(2027, 4, 30))
    assert auditor.get(url).status_code == 200  # the last day of the grant
    monkeypatch.setattr("bibqual.clock.today", lambda: date(2027, 5, 1))
    assert auditor.get(url).status_code in (*REFUSED, 404)
    assert auditor.get(audit["report"].absolute_url()).status_code in (*REFUSED, 404)
    assert auditor.patch(url, json={"text": "Later nog aangepast."}).status_code in REFUSED
    assert add_finding(auditor, audit["report"], title="Nog een").status_code in REFUSED
    found = auditor.get(f"{api.portal.get().absolute_url()}/@search?portal_type=Finding").json()
    assert found["items_total"] == 0
    transaction.begin()
    assert audit["report"].objectIds() == ["geen-meerjarenbegroting"]
    assert audit["report"]["geen-meerjarenbegroting"].text == FINDING["text"]


def test_staff_see_findings_and_actions_but_do_not_edit_findings(rest, auditor, audit):
    url = add_finding(auditor, audit["report"]).json()["@id"]
    coordinator = rest("coordinator", PASSWORD)
    taalcafe = audit["projects"]["taalcafe"]
    assert coordinator.patch(url, json={"actions": [taalcafe.UID()]}).status_code == 204
    staff = rest("medewerker", PASSWORD)
    data = staff.get(url).json()
    assert [action["@id"] for action in data["actions"]] == [taalcafe.absolute_url()]
    assert staff.get(taalcafe.absolute_url()).status_code == 200
    # the auditor reads the finding, not the project of a draft year plan it names
    assert auditor.get(taalcafe.absolute_url()).status_code in (*REFUSED, 404)
    assert auditor.get(url).json()["actions"] == []
    assert staff.patch(url, json={"text": "Anders."}).status_code in REFUSED
    assert add_finding(staff, audit["report"], title="Van staf").status_code in REFUSED
    transaction.begin()
    assert audit["report"].objectIds() == ["geen-meerjarenbegroting"]
