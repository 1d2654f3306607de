"""The audit report's page, the finding's page with its corrective-project button,
the recovery plan and the project's "from finding" line (Classic UI).

The round of ``build_round`` (conftest), the clock on 1 March 2027; ``report``
adds a draft report with three findings: a shortcoming acted on by "Taalcafé"
(Do), an improvement acted on by "Leesclub" (done, no evidence yet) and a
strength without actions.
"""

from datetime import date
from plone import api
from round_support import page
from round_support import text
from support.content import make_evidence
from support.content import make_plan
from support.content import transition
from support.round import make_auditor
from support.round import make_finding
from support.round import make_report
import pytest
import transaction


@pytest.fixture
def report(functional_round):
    tree = functional_round
    report = make_report(
        tree["certification"],
        audit_date=date(2027, 4, 15),
        auditors=["A. Auditor", "B. Beoordelaar"],
        percentage=72.5,
        outcome="conditional",
        summary="Een goed voorbereide bibliotheek.",
    )
    projects = tree["projects"]
    tree["report"] = report
    tree["findings"] = {
        "tekort": make_finding(
            report,
            "tekort",
            "Geen meerjarenbegroting",
            "shortcoming",
            date(2027, 2, 1),
            [projects["taalcafe"]],
        ),
        "verbeter": make_finding(
            report,
            "verbeter",
            "Leesbevordering meten",
            "improvement",
            date(2027, 9, 1),
            [projects["leesclub"]],
        ),
        "sterk": make_finding(report, "sterk", "Sterke netwerkpositie", "strength", None),
    }
    make_auditor(tree["library"])
    transaction.commit()
    return tree


def test_report_page_shows_the_report_and_findings_by_kind(browser, report):
    b = browser("coordinator")
    b.open(report["report"].absolute_url())
    tree = page(b)
    assert text(tree.cssselect("h1")[0]) == "Auditrapport 2027"
    details = text(tree.cssselect("#bq-report-details")[0])
    assert "15-04-2027" in details and "A. Auditor, B. Beoordelaar" in details
    assert "72,5 %" in details
    assert text(tree.cssselect("#bq-summary")[0]) == "Een goed voorbereide bibliotheek."
    kinds = [group.get("data-kind") for group in tree.cssselect(".bq-finding-group")]
    assert kinds == ["strength", "improvement", "shortcoming"]
    shortcoming = tree.cssselect("#bq-kind-shortcoming .bq-finding")[0]
    assert "Geen meerjarenbegroting" in text(shortcoming)
    assert text(shortcoming.cssselect(".bq-norm-element")[0]) == "Middelen"
    assert shortcoming.cssselect("time.bq-overdue")  # due 1 February, still open
    action = shortcoming.cssselect(".bq-action")[0]
    assert text(action.cssselect(".bq-action-title")[0]) == "Taalcafé"
    assert action.cssselect(".bq-phase-do")
    # the coordinator records the report and adds findings; the round's steps are here
    assert tree.cssselect("#bq-edit") and tree.cssselect("#bq-add-finding")
    assert [b.get("value") for b in tree.cssselect("button[name=workflow_action]")] == ["finalize"]


@pytest.mark.parametrize(
    "user, edit, add",
    [("medewerker", False, False), ("auditor", False, True), ("coordinator", True, True)],
)
def test_report_buttons_follow_permissions(browser, report, user, edit, add):
    b = browser(user)
    b.open(report["report"].absolute_url())
    tree = page(b)
    assert bool(tree.cssselect("#bq-edit")) is edit
    assert bool(tree.cssselect("#bq-add-finding")) is add
    transition(report["report"], ["finalize"])
    transaction.commit()
    b.open(report["report"].absolute_url())
    assert bool(page(b).cssselect("#bq-add-finding")) is (user == "coordinator")


def test_finding_page_says_why_it_cannot_close_before_the_click(browser, report):
    finding = report["findings"]["tekort"]
    b = browser("coordinator")
    b.open(finding.absolute_url())
    tree = page(b)
    assert text(tree.cssselect("#bq-finding-text")[0]) == "Tekst van Geen meerjarenbegroting."
    assert text(tree.cssselect("#bq-norm-element")[0]) == "Middelen"
    assert tree.cssselect("#bq-due.bq-overdue")
    assert text(tree.cssselect("#bq-actions .bq-action-title")[0]) == "Taalcafé"
    refusal = text(tree.cssselect("#bq-close-refusal")[0])
    assert "'Taalcafé' is not done yet" in refusal
    assert "'Taalcafé' has no released, still valid evidence" in refusal
    # clicking close anyway: the same reason as a message, the finding stays open
    b.getControl(name="workflow_action").click()
    assert "'Taalcafé' is not done yet" in text(page(b).cssselect(".portalMessage")[0])
    assert api.content.get_state(finding) == "open"


def test_a_finding_ready_to_close_shows_no_refusal_and_closes(browser, report):
    leesclub = report["projects"]["leesclub"]
    transition(make_evidence(leesclub, "verslag", "Eindverslag"), ["release"])
    transaction.commit()
    finding = report["findings"]["verbeter"]
    b = browser("coordinator")
    b.open(finding.absolute_url())
    tree = page(b)
    assert not tree.cssselect("#bq-close-refusal")
    evidence = tree.cssselect("#bq-actions .bq-action-evidence a")
    assert [text(a) for a in evidence] == ["Eindverslag"]
    b.getControl(name="workflow_action").click()
    transaction.begin()
    assert api.content.get_state(finding) == "closed"


def test_staff_read_the_finding_but_get_no_buttons(browser, report):
    b = browser("medewerker")
    b.open(report["findings"]["tekort"].absolute_url())
    tree = page(b)
    assert text(tree.cssselect("#bq-actions .bq-action-title")[0]) == "Taalcafé"
    for selector in ("#bq-edit", "#bq-close-refusal", "#bq-corrective", "[name=workflow_action]"):
        assert not tree.cssselect(selector), selector


def test_corrective_project_needs_this_years_plan(browser, report):
    b = browser("coordinator")
    b.open(report["findings"]["tekort"].absolute_url())
    tree = page(b)
    refusal = text(tree.cssselect("#bq-corrective-refusal")[0])
    assert "make the year plan for 2027 first" in refusal
    # an assurance project (in the library) can still be made
    assert [i.get("value") for i in tree.cssselect("#bq-corrective-form [name=type]")] == [
        "AssuranceProject"
    ]


def test_corrective_project_from_the_finding_page(browser, report):
    plan = make_plan(report["library"], 2027)
    transaction.commit()
    finding = report["findings"]["tekort"]
    b = browser("coordinator")
    b.open(finding.absolute_url())
    form = b.getForm(id="bq-corrective-form")
    assert form.getControl(name="type").value == ["SmartProject"]
    assert form.getControl(name="deadline").value == "2027-02-01"
    form.getControl(name="title").value = "Meerjarenbegroting opstellen"
    form.getControl(name="deadline").value = "2027-06-30"
    form.submit()
    transaction.begin()
    project = plan["meerjarenbegroting-opstellen"]
    assert b.url == project.absolute_url()
    tree = page(b)
    link = tree.cssselect("#bq-from-finding a")[0]
    assert (link.get("href"), text(link)) == (finding.absolute_url(), "Geen meerjarenbegroting")
    assert project.specific == "Tekst van Geen meerjarenbegroting."
    assert project.deadline == date(2027, 6, 30)
    assert project.norm_fields == ["middelen"]
    b.open(finding.absolute_url())
    titles = [text(a) for a in page(b).cssselect("#bq-actions .bq-action-title")]
    assert titles == ["Taalcafé", "Meerjarenbegroting opstellen"]


def test_a_refused_corrective_project_stores_nothing(browser, report):
    plan = make_plan(report["library"], 2027)
    transaction.commit()
    finding = report["findings"]["tekort"]
    b = browser("coordinator")
    b.open(finding.absolute_url())
    form = b.getForm(id="bq-corrective-form")
    form.getControl(name="deadline").value = "1-7-2027"
    form.submit()
    assert "is not a date for deadline" in text(page(b).cssselect(".portalMessage")[0])
    transaction.begin()
    assert plan.objectIds() == []
    assert len(finding.actions) == 1


def test_recovery_plan_lists_open_findings_soonest_first(browser, report):
    transition(report["findings"]["sterk"], ["close"])
    transaction.commit()
    for context in (report["certification"], report["report"]):
        b = browser("medewerker")
        b.open(f"{context.absolute_url()}/@@recovery-plan")
        tree = page(b)
        rows = tree.cssselect("#bq-recovery-table tbody tr")
        assert [text(row.cssselect("th a")[0]) for row in rows] == [
            "Geen meerjarenbegroting",
            "Leesbevordering meten",
        ]
        assert rows[0].get("class") == "bq-finding-overdue"
        assert rows[1].get("class") is None
        assert rows[0].cssselect(".bq-action .bq-phase-do")
        assert "'Leesclub' has no released, still valid evidence" in text(rows[1])
        assert tree.cssselect("button[onclick='window.print()']")


def test_project_page_shows_the_finding_it_comes_from(browser, report):
    b = browser("medewerker")
    b.open(report["projects"]["taalcafe"].absolute_url())
    link = page(b).cssselect("#bq-from-finding a")[0]
    assert link.get("href") == report["findings"]["tekort"].absolute_url()
    b.open(report["projects"]["later"].absolute_url())
    assert not page(b).cssselect("#bq-from-finding")


def test_granted_auditor_adds_a_finding_with_the_add_form(browser, report):
    b = browser("auditor")
    b.open(f"{report['report'].absolute_url()}/++add++Finding")
    b.getControl(name="form.widgets.IDublinCore.title").value = "Klachtenprocedure ontbreekt"
    b.getControl(name="form.widgets.norm_field:list").value = ["middelen"]
    b.getControl(name="form.widgets.kind:list").value = ["improvement"]
    b.getControl(name="form.widgets.text").value = "Er is geen klachtenprocedure."
    b.getControl(name="form.buttons.save").click()
    transaction.begin()
    finding = report["report"]["klachtenprocedure-ontbreekt"]
    assert b.url.startswith(finding.absolute_url())
    assert (finding.kind, finding.text) == ("improvement", "Er is geen klachtenprocedure.")
    tree = page(b)
    assert text(tree.cssselect("#bq-norm-element")[0]) == "Middelen"
    # the auditor edits it, but takes no step and makes no projects
    assert tree.cssselect("#bq-edit")
    assert not tree.cssselect("[name=workflow_action]") and not tree.cssselect("#bq-corrective")
