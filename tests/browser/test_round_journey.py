"""A certification round in Chromium, from the start to a closed finding.

The coordinator of Bibliotheek Kop van Noord (a library of the demo without a round)
starts a round from the dashboard, fills in and submits the self-evaluation on its
scoring page and adds the auditors' draft report. The demo auditor, given a
time-limited grant on the library, reads the self-evaluation and adds a finding.
The coordinator turns the finding into a corrective project; the finding page says
why it cannot close while the project is not done and has no released evidence
(staff finish the project meanwhile, as they would over the following months);
then the coordinator closes it.

The site is Dutch: elements are found by their ids, values and classes.
"""

from bibqual.audit import grants
from bibqual.certification.milestones import quarter_bounds
from datetime import date
from datetime import timedelta
from plone import api
import pytest
import transaction


pytestmark = pytest.mark.browser

LIBRARY = "bibliotheek-kop-van-noord"
TODAY = date.today()
# the certificate ends at the end of the next quarter; the audit three weeks before
CERTIFIED_UNTIL = quarter_bounds(quarter_bounds(TODAY)[1] + timedelta(days=1))[1]
AUDIT = CERTIFIED_UNTIL - timedelta(days=21)
DUE = CERTIFIED_UNTIL + timedelta(days=60)
SCORES = [4, 3, 3, 2]  # per aspect of every norm: 12 of 16, 75 %
PROJECT = "Meerjarenbegroting opstellen"


def submit(page, selector):
    """Click ``selector`` and wait for the page it leads to."""
    with page.expect_navigation():
        page.click(selector)
    page.wait_for_load_state("networkidle")


def take_step(visitor, transition, comment):
    """Take a workflow step with the buttons of a bibqual page, with a comment."""
    visitor.page.fill("#bq-transition-comment", comment)
    submit(visitor.page, f"button[name='workflow_action'][value='{transition}']")


def switch_to(visitor, user):
    visitor.open("logout")
    visitor.login(user)


def path_of(url, visitor):
    """The path of the item shown at ``url`` below the site (without a view name)."""
    path = url.replace(visitor.site_url + "/", "").split("?")[0].split("#")[0].strip("/")
    *parents, last = path.split("/")
    return "/".join(parents) if last in ("view", "") or last.startswith("@@") else path


@pytest.fixture
def library(demo_functional):
    """Kop van Noord with the demo coordinator as its coordinator and the demo auditor
    on a grant for the coming month."""
    portal = demo_functional["portal"]
    library = portal[LIBRARY]
    with api.env.adopt_roles(["Manager"]):
        api.user.grant_roles(username="coordinator", obj=library, roles=["Reviewer"])
        library.reindexObjectSecurity()
        grants.grant(library, "auditor", TODAY + timedelta(days=30))
    transaction.commit()
    return library


def add_report(portal, round_path):
    """The draft audit report of the round, added as the coordinator.

    Made here, not through the add form: that form checks the report's fields'
    write permission ("bibqual: Record audit report") on the round, where only
    Manager and Site Administrator have it, so the coordinator sees no fields."""
    transaction.begin()
    certification = portal.unrestrictedTraverse(round_path)
    with api.env.adopt_user(username="coordinator"):
        api.content.create(
            container=certification,
            type="AuditReport",
            id="auditrapport",
            title=f"Auditrapport {AUDIT.year}",
            auditors=["Auditor CBCT"],
        )
    transaction.commit()


def finish_project(portal, path, evidence):
    """What staff do in the following months: results, evaluation, the PDCA steps up
    to done and, with ``evidence``, a released, valid evidence document."""
    transaction.begin()  # see what the browser changed
    project = portal.unrestrictedTraverse(path)
    with api.env.adopt_user(username="coordinator"), api.env.adopt_roles(["Manager"]):
        if api.content.get_state(project) != "done":
            project.indicators = [
                {"name": "Begrote jaren", "target": 4, "actual": 4, "unit": "jaar"}
            ]
            project.evaluation = "De begroting kijkt vier jaar vooruit."
            project.improvements = "Jaarlijks bijstellen met de jaarrekening."
            project.reindexObject()
            for step in ("start", "evaluate", "adjust", "complete"):
                api.content.transition(obj=project, transition=step, comment="Gedaan.")
        if evidence:
            document = api.content.create(
                container=project,
                type="Evidence",
                id="meerjarenbegroting",
                title="Meerjarenbegroting",
                remote_url="https://example.org/meerjarenbegroting.pdf",
                document_type="beleidsplan",
                valid_until=TODAY + timedelta(days=365),
                norm_fields=["middelen"],
            )
            api.content.transition(obj=document, transition="release", comment="Vastgesteld.")
    transaction.commit()


def test_round_from_start_to_closed_finding(visitor, library, demo_functional):
    page = visitor.page

    # the coordinator starts the round from the dashboard
    visitor.login("coordinator")
    visitor.open(LIBRARY)
    submit(page, "#bq-new-round")
    page.fill("#form-widgets-IDublinCore-title", f"Certificering {AUDIT.year}")
    page.fill("#form-widgets-certified_until", CERTIFIED_UNTIL.isoformat())
    page.fill("#form-widgets-audit_date", AUDIT.isoformat())
    visitor.shot("round-add-form")
    submit(page, "#form-buttons-save")
    round_path = path_of(page.url, visitor)
    assert page.locator("h1").first.inner_text() == f"Certificering {AUDIT.year}"
    milestones = page.locator("#bq-milestones li")
    assert milestones.count() == 5
    assert page.locator("#bq-milestones li[data-milestone='audit_quarter'] .bq-met").count() == 1
    visitor.shot("round")

    # ... writes the self-evaluation on its scoring page and submits it
    submit(page, "#bq-add-self-assessment")
    page.fill("#form-widgets-IDublinCore-title", "Zelfevaluatie")
    submit(page, "#form-buttons-save")
    submit(page, "#bq-fill-in")
    page.fill("#bq-ambitions", "Taal en digitale inclusie in elke kern.")
    page.fill("#bq-bottlenecks", "Geen meerjarenbegroting.")
    aspects = page.locator(".bq-aspect")
    assert aspects.count() == 28  # Kwaliteit in Beeld: seven norms, four aspects each
    for index in range(28):
        page.select_option(f"#bq-score-{index}", str(SCORES[index % 4]))
    page.fill("#bq-explanation-7", "Begroting kijkt één jaar vooruit.")
    visitor.shot("scoring-page")
    submit(page, "button[name='form.buttons.save']")
    assert page.locator("#bq-percentage").inner_text().startswith("75")
    assert page.locator("#bq-band.bq-band-conditional").count() == 1
    take_step(visitor, "submit", "Besproken met het team; ingediend bij CBCT.")
    assert page.locator("#bq-fill-in").count() == 0  # submitted: no longer edited here
    visitor.shot("self-evaluation-submitted")
    self_assessment_path = path_of(page.url, visitor)

    # the auditors' report is a draft of the round (the coordinator's add form for it
    # shows no fields: see add_report)
    add_report(demo_functional["portal"], round_path)
    visitor.open(round_path)
    assert page.locator("#bq-milestones li[data-milestone='self_assessment'] .bq-met").count()
    submit(page, "#bq-report-link")
    report_path = path_of(page.url, visitor)
    assert page.locator("#bq-report-state.bq-phase-draft").count() == 1

    # the auditor reads the self-evaluation and adds a finding to the draft report
    switch_to(visitor, "auditor")
    visitor.open(self_assessment_path)
    assert page.locator("#bq-percentage").inner_text().startswith("75")
    assert "Taal en digitale inclusie" in page.locator("#bq-ambitions").inner_text()
    assert page.locator("#bq-fill-in").count() == 0
    assert page.locator("button[name='workflow_action']").count() == 0
    visitor.shot("auditor-reads")
    visitor.open(report_path)
    submit(page, "#bq-add-finding")
    page.fill("#form-widgets-IDublinCore-title", "Geen meerjarenbegroting")
    page.select_option("#form-widgets-norm_field", "middelen")
    page.select_option("#form-widgets-kind", "shortcoming")
    page.fill("#form-widgets-text", "De begroting kijkt maar één jaar vooruit.")
    page.fill("#form-widgets-due", DUE.isoformat())
    visitor.shot("finding-add-form")
    submit(page, "#form-buttons-save")
    finding_path = path_of(page.url, visitor)
    assert page.locator("h1").first.inner_text() == "Geen meerjarenbegroting"
    assert page.locator("#bq-corrective").count() == 0  # projects are the library's
    visitor.shot("auditor-finding")

    # the coordinator turns the finding into a corrective project
    switch_to(visitor, "coordinator")
    visitor.open(finding_path)
    assert page.locator("#bq-corrective-type-0").get_attribute("value") == "SmartProject"
    page.fill("#bq-corrective-title", PROJECT)
    submit(page, "#bq-corrective-submit")
    project_path = path_of(page.url, visitor)
    assert project_path.startswith(f"{LIBRARY}/jaarplan-{TODAY.year}/")
    assert page.locator("h1").first.inner_text() == PROJECT
    visitor.shot("corrective-project")

    # the finding cannot close: the reason names the project, until it is done
    # and shown with released, valid evidence
    visitor.open(finding_path)
    assert page.locator(f"#bq-actions .bq-action-title:text-is('{PROJECT}')").count() == 1
    refusal = page.locator("#bq-close-refusal")
    assert PROJECT in refusal.inner_text()
    not_done = refusal.inner_text()
    visitor.shot("finding-not-ready")
    take_step(visitor, "close", "Proberen te sluiten.")
    assert page.locator("#bq-finding-state.bq-phase-open").count() == 1

    finish_project(demo_functional["portal"], project_path, evidence=False)
    visitor.open(finding_path)
    assert PROJECT in refusal.inner_text()  # done, but nothing shows it yet
    assert refusal.inner_text() != not_done
    visitor.shot("finding-needs-evidence")

    finish_project(demo_functional["portal"], project_path, evidence=True)
    visitor.open(finding_path)
    assert refusal.count() == 0
    take_step(visitor, "close", "Meerjarenbegroting vastgesteld en vrijgegeven.")
    assert page.locator("#bq-finding-state.bq-phase-closed").count() == 1
    visitor.shot("finding-closed")
