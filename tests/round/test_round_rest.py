"""The round over REST: ``@certification-status``, the self-evaluation's computed
fields, and refused input (400 with a message, nothing stored)."""

from bibqual.audit.grants import grant
from datetime import date
from plone import api
from support import PASSWORD
from support.content import create
from support.content import make_evidence
from support.content import make_library
from support.content import make_user
from support.content import transition
from support.field_errors import field_errors
import transaction


def status_of(rest, tree, user="coordinator"):
    session = rest(user, PASSWORD)
    return session.get(f"{tree['certification'].absolute_url()}/@certification-status")


def test_certification_status_json(rest, functional_round):
    tree = functional_round
    tree["self_assessment"].scores = [
        {"element": "middelen", "aspect": "beleid", "score": 3},
        {"element": "middelen", "aspect": "uitvoering", "score": 4},
    ]
    transaction.commit()
    response = status_of(rest, tree)
    assert response.status_code == 200
    data = response.json()
    url = tree["certification"].absolute_url()
    assert data["@id"] == f"{url}/@certification-status"
    assert data["certification"]["audit_quarter"] == "2027-Q2"
    assert data["certification"]["review_state"] == "preparing"
    assert data["today"] == "2027-03-01"
    assert [
        (item["id"], item["date"], item["met"], item["overdue"]) for item in data["milestones"]
    ] == [
        ("audit_quarter", "2027-06-30", True, False),
        ("self_assessment", "2027-03-04", False, False),
        ("audit", "2027-04-15", False, False),
        ("report", None, False, False),
        ("decision", None, False, False),
    ]
    assert data["next_milestone"]["id"] == "self_assessment"
    assert data["next_milestone"]["title"] == "Self-evaluation submitted"
    result = data["self_assessment"]
    assert result["@id"] == tree["self_assessment"].absolute_url()
    assert (result["percentage"], result["band"]) == (87.5, "certified")
    assert result["consequence"] == "Certificaat voor vier jaar."
    assert data["open_findings"] == []


def test_status_lists_open_findings(rest, functional_round):
    report = create(functional_round["certification"], "AuditReport", "rapport", title="Rapport")
    create(
        report,
        "Finding",
        "bevinding",
        title="Meerjarenbegroting ontbreekt",
        norm_field="middelen",
        kind="shortcoming",
        text="Geen begroting.",
    )
    transaction.commit()
    data = status_of(rest, functional_round).json()
    assert [
        (f["title"], f["norm_field"], f["kind"], f["review_state"]) for f in data["open_findings"]
    ] == [("Meerjarenbegroting ontbreekt", "middelen", "shortcoming", "open")]
    assert data["report"]["review_state"] == "draft"


def test_status_needs_view(rest, functional_round):
    response = rest().get(
        f"{functional_round['certification'].absolute_url()}/@certification-status"
    )
    assert response.status_code == 401


def test_self_assessment_get_has_percentage_and_band(rest, functional_round):
    session = rest("coordinator", PASSWORD)
    url = functional_round["self_assessment"].absolute_url()
    rows = [
        {"element": "leiderschap", "aspect": "beleid", "score": 4},
        {"element": "leiderschap", "aspect": "uitvoering", "score": 3.99},
        {"element": "strategie", "aspect": "beleid", "score": 4},
        {"element": "strategie", "aspect": "meting", "score": 4},
        {"element": "netwerk", "aspect": "beleid", "score": 0},
    ]
    assert session.patch(url, json={"scores": rows}).status_code == 204
    data = session.get(url).json()
    assert (data["percentage"], data["band"]) == (79.9, "conditional")
    assert data["scores"][1]["score"] == 3.99


def patch_scores(rest, tree, rows, **extra):
    session = rest("coordinator", PASSWORD)
    return session.patch(tree["self_assessment"].absolute_url(), json={"scores": rows, **extra})


def refused(response):
    assert response.status_code == 400, response.text
    return " ".join(error["message"] for error in field_errors(response))


def test_unknown_element_and_aspect_are_refused_by_name(rest, functional_round):
    message = refused(
        patch_scores(rest, functional_round, [{"element": "mensen", "aspect": "beleid"}])
    )
    assert "'mensen' is not a norm element of SCOB 3e ronde (2014-2017)" in message
    message = refused(
        patch_scores(rest, functional_round, [{"element": "middelen", "aspect": "ambitie"}])
    )
    assert "Middelen: 'ambitie' is not an aspect of this element" in message


def test_score_outside_the_scale_is_refused_and_nothing_is_stored(rest, functional_round):
    response = patch_scores(
        rest,
        functional_round,
        [{"element": "middelen", "aspect": "meting", "score": 5}],
        ambitions="Dit mag niet blijven staan.",
    )
    assert "Middelen / Meten en evalueren: the score must be a number from 0 to 4" in refused(
        response
    )
    transaction.begin()
    self_assessment = functional_round["self_assessment"]
    assert self_assessment.scores == []
    assert not self_assessment.ambitions


def test_other_bad_rows(rest, functional_round):
    cases = [
        ([{"element": "middelen", "aspect": "meting", "score": "drie"}], "must be a number"),
        ([{"element": "middelen", "aspect": "meting", "score": True}], "must be a number"),
        ([{"element": "middelen", "aspect": "meting", "cijfer": 3}], "unknown keys cijfer"),
        (["middelen"], "row 1: give an object"),
        (
            [
                {"element": "middelen", "aspect": "meting"},
                {"element": "middelen", "aspect": "meting"},
            ],
            "Middelen / Meten en evalueren: this aspect is scored twice",
        ),
        (
            [{"element": "middelen", "aspect": "meting", "evidence": "abc"}],
            "evidence must be a list",
        ),
    ]
    for rows, expected in cases:
        assert expected in refused(patch_scores(rest, functional_round, rows)), rows


def test_links_must_be_visible_items_of_the_same_library(rest, functional_round):
    tree = functional_round
    other = make_library(tree["library"].aq_parent, "andere", title="Andere bibliotheek")
    foreign = make_evidence(other, "vreemd", "Vreemd bewijs")
    transaction.commit()
    cases = [
        ("evidence", foreign.UID(), "is not evidence of this library that you may see"),
        ("evidence", "no-such-uid", "is not evidence of this library that you may see"),
        # a project is no evidence, evidence no project
        ("evidence", tree["projects"]["taalcafe"].UID(), "is not evidence"),
        ("projects", tree["evidence"]["begroting"].UID(), "is not a project of this library"),
    ]
    for key, uid, expected in cases:
        rows = [{"element": "middelen", "aspect": "uitvoering", "score": 3, key: [uid]}]
        message = refused(patch_scores(rest, tree, rows))
        assert f"Middelen / Uitvoering: {uid} {expected}" in message
    rows = [
        {
            "element": "middelen",
            "aspect": "uitvoering",
            "score": 3,
            "evidence": [tree["evidence"]["begroting"].UID()],
            "projects": [tree["projects"]["taalcafe"].UID()],
        }
    ]
    assert patch_scores(rest, tree, rows).status_code == 204


def test_evidence_the_user_may_not_see_is_refused_unless_already_linked(rest, functional_round):
    """Evidence the coordinator cannot see (its local roles are blocked) cannot be
    linked by them; when someone who sees it linked it, the coordinator's save keeps it."""
    tree = functional_round
    hidden = make_evidence(tree["library"], "geheim", "Vertrouwelijk", norm_fields=["middelen"])
    hidden.__ac_local_roles_block__ = True
    hidden.reindexObjectSecurity()
    transaction.commit()
    rows = [{"element": "middelen", "aspect": "uitvoering", "evidence": [hidden.UID()]}]
    message = refused(patch_scores(rest, tree, rows))
    assert f"{hidden.UID()} is not evidence of this library that you may see" in message
    assert (
        rest("admin")
        .patch(tree["self_assessment"].absolute_url(), json={"scores": rows})
        .status_code
        == 204
    )
    rows[0]["score"] = 2
    assert patch_scores(rest, tree, rows).status_code == 204
    transaction.begin()
    assert tree["self_assessment"].scores[0]["evidence"] == [hidden.UID()]


def test_create_with_scores_over_rest_is_checked_too(rest, functional_round):
    session = rest("admin")
    url = functional_round["certification"].absolute_url()
    response = session.post(
        url,
        json={
            "@type": "SelfAssessment",
            "title": "Tweede versie",
            "scores": [{"element": "middelen", "aspect": "beleid", "score": 9}],
        },
    )
    assert "Middelen / Beleid en doelen: the score must be a number" in refused(response)
    transaction.begin()
    assert len(functional_round["certification"].objectIds()) == 1
    response = session.post(
        url,
        json={
            "@type": "SelfAssessment",
            "title": "Tweede versie",
            "scores": [{"element": "middelen", "aspect": "beleid", "score": 2}],
        },
    )
    assert response.status_code == 201, response.text
    assert (response.json()["percentage"], response.json()["band"]) == (50.0, "not_certified")


def test_certification_needs_its_end_date_and_dates_in_order(rest, functional_round):
    session = rest("admin")
    library = functional_round["library"].absolute_url()
    response = session.post(library, json={"@type": "Certification", "title": "Ronde"})
    assert response.status_code == 400
    assert any(error["field"] == "certified_until" for error in field_errors(response))
    response = session.post(
        library,
        json={
            "@type": "Certification",
            "title": "Ronde",
            "certified_until": "2031-05-31",
            "audit_date": "2031-04-15",
            "decision_date": "2031-04-01",
        },
    )
    assert "The decision date cannot be before the audit date." in refused(response)
    url = functional_round["certification"].absolute_url()
    response = session.patch(
        url, json={"decision_date": "2027-06-01", "new_certified_until": "2027-05-01"}
    )
    assert "The new certificate must end after the decision date." in refused(response)
    transaction.begin()
    assert functional_round["certification"].decision_date is None


def test_a_granted_auditor_gets_the_status_without_a_draft_self_evaluation(rest, functional_round):
    make_user("auditor")
    with api.env.adopt_roles(["Manager"]):
        grant(functional_round["library"], "auditor", date(2027, 4, 30))
    transaction.commit()
    response = status_of(rest, functional_round, user="auditor")
    assert response.status_code == 200
    assert response.json()["self_assessment"] is None
    transition(functional_round["self_assessment"], ["submit"])
    transaction.commit()
    result = status_of(rest, functional_round, user="auditor").json()["self_assessment"]
    assert result["review_state"] == "submitted"
