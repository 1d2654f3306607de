"""Audit reports and findings over REST: create, read and change them with clear
refusals of bad input; ``close`` refused with its reason; corrective projects with
``POST {finding}/@corrective-project``.

The round of ``build_round`` (conftest): year plan 2026 only, the clock on 1 March
2027, so a SMART corrective project needs the plan for 2027 first.
"""

from datetime import date
from plone import api
from support import PASSWORD
from support.content import create
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.content import transition
from support.field_errors import field_errors
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


@pytest.fixture
def report(functional_round):
    functional_round["report"] = create(
        functional_round["certification"], "AuditReport", "rapport", title="Auditrapport"
    )
    transaction.commit()
    return functional_round


@pytest.fixture
def finding(report):
    report["finding"] = create(
        report["report"],
        "Finding",
        "bevinding",
        **{key: value for key, value in FINDING.items() if key not in ("@type", "due")},
        due=date(2027, 6, 30),
    )
    transaction.commit()
    return report


def coordinator(rest):
    return rest("coordinator", PASSWORD)


def refused(response):
    assert response.status_code == 400, response.text
    return " ".join(error["message"] for error in field_errors(response))


def test_create_read_and_change_a_finding(rest, report):
    session = coordinator(rest)
    response = session.post(report["report"].absolute_url(), json=FINDING)
    assert response.status_code == 201, response.text
    url = response.json()["@id"]
    data = session.get(url).json()
    assert (data["norm_field"]["token"], data["kind"]["token"], data["due"]) == (
        "middelen",
        "shortcoming",
        "2027-06-30",
    )
    assert data["review_state"] == "open"
    leesclub = report["projects"]["leesclub"]
    response = session.patch(url, json={"kind": "improvement", "actions": [leesclub.UID()]})
    assert response.status_code == 204, response.text
    data = session.get(url).json()
    assert data["kind"]["token"] == "improvement"
    assert [action["@id"] for action in data["actions"]] == [leesclub.absolute_url()]


@pytest.mark.parametrize(
    "change, expected",
    [
        ({"norm_field": "bestaat-niet"}, "'bestaat-niet' is not a valid choice for norm_field"),
        ({"kind": "compliment"}, "'compliment' is not a valid choice for kind"),
        ({"due": "30-06-2027"}, "'30-06-2027' is not a date for due; write it as YYYY-MM-DD."),
        ({"text": "   "}, "text is required and cannot be empty."),
    ],
)
def test_bad_finding_input_is_refused_and_nothing_is_stored(rest, report, change, expected):
    response = coordinator(rest).post(report["report"].absolute_url(), json={**FINDING, **change})
    assert expected in refused(response)
    transaction.begin()
    assert report["report"].objectIds() == []


def test_actions_are_projects_of_the_same_library(rest, finding):
    other = make_library(api.portal.get(), "ander", title="Andere bibliotheek")
    foreign = make_project(make_plan(other, 2027), "vreemd", "Vreemd project")
    transaction.commit()
    url = finding["finding"].absolute_url()
    session = coordinator(rest)
    cases = [
        (finding["evidence"]["begroting"].UID(), "'Begroting 2026' is not a project"),
        (finding["certification"].UID(), "'Certificering 2027' is not a project"),
        # the coordinator cannot even see another library's project
        (foreign.UID(), f"Could not resolve object for {foreign.UID()}"),
    ]
    for uid, expected in cases:
        response = session.patch(url, json={"actions": [uid], "kind": "improvement"})
        assert expected in refused(response), uid
    # an administrator sees it, and is told it belongs to another library
    response = rest("admin").patch(url, json={"actions": [foreign.UID()]})
    assert "'Vreemd project' is not a project or assurance project of this library" in refused(
        response
    )
    transaction.begin()
    assert finding["finding"].actions == []
    assert finding["finding"].kind == "shortcoming"


def test_close_is_refused_with_the_reason(rest, finding):
    session = coordinator(rest)
    url = finding["finding"].absolute_url()
    response = session.post(f"{url}/@workflow/close")
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("Add an action first")
    taalcafe = finding["projects"]["taalcafe"]
    assert session.patch(url, json={"actions": [taalcafe.UID()]}).status_code == 204
    message = session.post(f"{url}/@workflow/close").json()["error"]["message"]
    assert "'Taalcafé' is not done yet" in message
    assert "'Taalcafé' has no released, still valid evidence" in message
    transaction.begin()
    assert api.content.get_state(finding["finding"]) == "open"


def corrective(rest, finding, user="coordinator", **body):
    session = rest(user, PASSWORD)
    return session.post(f"{finding['finding'].absolute_url()}/@corrective-project", json=body)


def test_corrective_project_lands_in_this_years_plan_tagged_and_linked(rest, finding):
    plan = make_plan(finding["library"], 2027)
    transaction.commit()
    response = corrective(rest, finding, type="SmartProject", title="Begroting opstellen")
    assert response.status_code == 201, response.text
    data = response.json()
    assert data["@id"] == f"{plan.absolute_url()}/begroting-opstellen"
    assert response.headers["Location"] == data["@id"]
    assert data["review_state"] == "plan"
    assert [tag["token"] for tag in data["norm_fields"]] == ["middelen"]
    assert data["specific"] == FINDING["text"]
    assert data["deadline"] == "2027-06-30"
    actions = coordinator(rest).get(finding["finding"].absolute_url()).json()["actions"]
    assert [action["@id"] for action in actions] == [data["@id"]]


def test_corrective_assurance_project_lands_in_the_library(rest, finding):
    response = corrective(
        rest, finding, type="AssuranceProject", title="Begrotingscyclus", interval_months=6
    )
    assert response.status_code == 201, response.text
    data = response.json()
    assert data["@id"] == f"{finding['library'].absolute_url()}/begrotingscyclus"
    assert data["agreement"] == FINDING["text"]
    assert (data["next_review"], data["interval_months"]) == ("2027-06-30", 6)
    transaction.begin()
    assert len(finding["finding"].actions) == 1


@pytest.mark.parametrize(
    "body, expected",
    [
        ({"type": "SmartProject"}, "make the year plan for 2027 first"),
        ({"type": "Evidence"}, "type must be one of: SmartProject, AssuranceProject."),
        ({"type": "AssuranceProject", "interval_months": 99}, "interval_months must be at most 60"),
        (
            {"type": "AssuranceProject", "norm_fields": ["bestaat-niet"]},
            "Unknown value 'bestaat-niet' for norm_fields",
        ),
    ],
)
def test_refused_corrective_project_stores_nothing(rest, finding, body, expected):
    response = corrective(rest, finding, **body)
    assert response.status_code == 400, response.text
    assert expected in response.json()["error"]["message"]
    transaction.begin()
    assert finding["finding"].actions == []
    assert "begrotingscyclus" not in finding["library"].objectIds()
    assert not api.content.find(portal_type="AssuranceProject")


def test_without_a_due_date_a_deadline_is_needed(rest, finding):
    plan = make_plan(finding["library"], 2027)
    finding["finding"].due = None
    transaction.commit()
    response = corrective(rest, finding)
    assert "Give a deadline" in response.json()["error"]["message"]
    response = corrective(rest, finding, deadline="2027-13-01")
    assert "is not a date for deadline" in response.json()["error"]["message"]
    response = corrective(rest, finding, deadline="2027-10-01")
    assert response.status_code == 201
    transaction.begin()
    assert [p.deadline for p in plan.objectValues()] == [date(2027, 10, 1)]


def test_a_closed_finding_gets_no_corrective_project(rest, finding):
    finding["finding"].kind = "strength"
    transition(finding["finding"], ["close"])
    transaction.commit()
    # the coordinator may not change a closed finding; an administrator is told why
    assert corrective(rest, finding, type="AssuranceProject").status_code == 401
    response = rest("admin").post(
        f"{finding['finding'].absolute_url()}/@corrective-project",
        json={"type": "AssuranceProject"},
    )
    assert response.status_code == 400
    assert response.json()["error"]["message"] == (
        "Only an open finding gets corrective projects; reopen it first."
    )
    assert not api.content.find(portal_type="AssuranceProject")


def test_staff_do_not_change_findings_so_make_no_corrective_projects(rest, finding):
    make_plan(finding["library"], 2027)
    transaction.commit()
    assert corrective(rest, finding, user="medewerker").status_code == 401
    transaction.begin()
    assert not api.content.find(portal_type="SmartProject", year=2027)
    assert finding["finding"].actions == []
