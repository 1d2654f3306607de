"""The round's Classic pages: the round itself, the library dashboard's panel."""

from datetime import date
from plone import api
from round_support import page
from round_support import text
from support.content import create
from support.content import transition
import transaction


def test_round_page_is_the_default_view_with_every_milestone(browser, functional_round):
    b = browser("coordinator")
    b.open(functional_round["certification"].absolute_url())
    tree = page(b)
    assert text(tree.cssselect("h1")[0]) == "Certificering 2027"
    items = {li.get("data-milestone"): li for li in tree.cssselect("#bq-milestones li")}
    assert list(items) == ["audit_quarter", "self_assessment", "audit", "report", "decision"]
    assert "30-06-2027" in text(items["audit_quarter"]) and "2027-Q2" in text(
        items["audit_quarter"]
    )
    assert items["audit_quarter"].cssselect(".bq-met")
    assert "04-03-2027" in text(items["self_assessment"])
    assert not items["self_assessment"].cssselect(".bq-met")
    assert not tree.cssselect(".bq-milestone-overdue")
    details = text(tree.cssselect("#bq-round-details")[0])
    assert "SCOB 3e ronde (2014-2017)" in details and "31-05-2027" in details
    # the coordinator takes the round's steps here
    assert [button.get("value") for button in tree.cssselect("button[name=workflow_action]")] == [
        "audit"
    ]
    assert tree.cssselect("#bq-self-assessment-link")[0].get("href") == (
        functional_round["self_assessment"].absolute_url()
    )


def test_overdue_milestone_is_highlighted_and_result_shown(browser, functional_round, monkeypatch):
    monkeypatch.setattr("bibqual.clock.today", lambda: date(2027, 3, 10))
    functional_round["self_assessment"].scores = [
        {"element": "middelen", "aspect": "beleid", "score": 3},
        {"element": "middelen", "aspect": "uitvoering", "score": 3},
    ]
    transaction.commit()
    b = browser("medewerker")
    b.open(functional_round["certification"].absolute_url())
    tree = page(b)
    overdue = tree.cssselect(".bq-milestone-overdue")
    assert [li.get("data-milestone") for li in overdue] == ["self_assessment"]
    assert overdue[0].cssselect("time.bq-overdue")[0].get("datetime") == "2027-03-04"
    assert text(tree.cssselect("#bq-percentage")[0]) == "75.0 %"
    assert text(tree.cssselect("#bq-band")[0]) == "Voorwaardelijk gecertificeerd"
    assert "Herstelplan" in text(tree.cssselect("#bq-consequence")[0])
    # staff see the round but take no steps
    assert not tree.cssselect("button[name=workflow_action]")


def test_round_page_links_the_report_and_offers_to_add_the_self_evaluation(
    browser, functional_round
):
    certification = functional_round["certification"]
    with api.env.adopt_roles(["Manager"]):
        certification.manage_delObjects(["zelfevaluatie"])
    report = create(certification, "AuditReport", "rapport", title="Auditrapport 2027")
    transaction.commit()
    b = browser()
    b.open(certification.absolute_url())
    tree = page(b)
    assert tree.cssselect("#bq-report-link")[0].get("href") == report.absolute_url()
    assert (
        tree.cssselect("#bq-add-self-assessment")[0].get("href").endswith("/++add++SelfAssessment")
    )


def test_dashboard_shows_the_running_round_and_its_next_milestone(browser, functional_round):
    library = functional_round["library"]
    older = create(
        library,
        "Certification",
        "ronde-2023",
        title="Certificering 2023",
        certified_until=date(2023, 5, 31),
        framework="scob3",
    )
    transition(older, ["audit", "decide"])
    transaction.commit()
    b = browser("coordinator")
    b.open(library.absolute_url())
    panel = page(b).cssselect("#bq-certification")[0]
    assert text(panel.cssselect("#bq-running-round")[0]) == "Certificering 2027"
    following = text(panel.cssselect("#bq-next-milestone")[0])
    assert "Self-evaluation submitted" in following and "04-03-2027" in following
    assert not panel.cssselect(".bq-badge-overdue")
    # the coordinator starts the next round (the library workflow gives Reviewer the
    # add permission); staff do not
    assert panel.cssselect("#bq-new-round")[0].get("href").endswith("/++add++Certification")
    b = browser("medewerker")
    b.open(library.absolute_url())
    panel = page(b).cssselect("#bq-certification")[0]
    assert not panel.cssselect("#bq-new-round")


def test_dashboard_without_a_running_round(browser, functional_round):
    transition(functional_round["certification"], ["audit", "decide"])
    transaction.commit()
    b = browser()
    b.open(functional_round["library"].absolute_url())
    panel = page(b).cssselect("#bq-certification")[0]
    assert "There is no running certification round." in text(panel)
