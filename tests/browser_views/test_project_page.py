"""The project page (``@@project-view``): SMART card, indicators, history, evidence, steps."""

from datetime import date
from plone import api
from support.content import make_plan
from support.pages import html
from support.pages import make_project
from support.pages import text
from support.workflows import set_state
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
import pytest
import transaction


@pytest.fixture
def plan(staffed_library, frozen_today):
    plan = make_plan(staffed_library, 2026)
    transaction.commit()
    return plan


@pytest.fixture
def project(plan):
    """A planned project with every SMART field filled in."""
    project = make_project(
        plan,
        id="voorlezen",
        title="Voorlezen op de peuterspeelzaal",
        specific="Elke peuterspeelzaal krijgt wekelijks een voorleesuur.",
        measurable="Aantal voorleesuren en bereikte peuters.",
        achievable="De gemeente betaalt mee.",
        realistic="Twee vrijwilligers per locatie.",
        start=date(2026, 2, 1),
        deadline=date(2026, 11, 30),
        responsible="jan",
        spearhead="Taal en lezen",
        target_groups=["Peuters", "Ouders"],
        partners=["Kinderopvang Kits"],
        budget=1500,
        norm_fields=["dienstverlening", "netwerk"],
        core_functions=["lezen-en-literatuur"],
        indicators=[
            {"name": "Voorleesuren", "target": 40, "actual": 30, "unit": "uur"},
            {"name": "Bereikte peuters", "target": 200, "actual": None, "unit": "kinderen"},
        ],
    )
    transaction.commit()
    return project


def evidence(container, title, related=(), **fields):
    intids = getUtility(IIntIds)
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=container,
            type="Evidence",
            title=title,
            remote_url="https://example.org/" + title.lower().replace(" ", "-"),
            related_projects=[RelationValue(intids.getId(obj)) for obj in related],
            **fields,
        )


def open_page(browser, project, user=None):
    b = browser(user)
    b.open(project.absolute_url())
    return b, html(b)


def test_project_page_is_the_default_view(browser, project):
    _b, page = open_page(browser, project)
    assert page.cssselect("dl.bq-smart")
    assert text(page.cssselect("h1")[0]) == "Voorlezen op de peuterspeelzaal"


def test_smart_card_shows_the_five_letters_and_texts(browser, project):
    _b, page = open_page(browser, project)
    smart = page.cssselect("dl.bq-smart")[0]
    letters = [text(dt.cssselect('[aria-hidden="true"]')[0]) for dt in smart.cssselect("dt")]
    assert letters == ["S", "M", "A", "R", "T"]
    content = text(smart)
    for fragment in (
        "Elke peuterspeelzaal krijgt wekelijks een voorleesuur.",
        "Aantal voorleesuren en bereikte peuters.",
        "De gemeente betaalt mee.",
        "Twee vrijwilligers per locatie.",
        "01-02-2026",
        "30-11-2026",
    ):
        assert fragment in content


def test_details_with_titles_from_the_vocabularies(browser, project):
    _b, page = open_page(browser, project)
    details = text(page.cssselect(".bq-details")[0])
    for fragment in (
        "Jan Jansen",
        "Taal en lezen",
        "Peuters",
        "Ouders",
        "Kinderopvang Kits",
        "€ 1.500",
        "Dienstverlening, Netwerk",
        "Reading and literature",
    ):
        assert fragment in details


def test_indicators_table_with_progress_per_row(browser, project):
    _b, page = open_page(browser, project)
    table = page.cssselect("table.bq-indicators")[0]
    assert table.cssselect("caption")
    assert [text(th) for th in table.cssselect("thead th")] == [
        "Indicator",
        "Target",
        "Actual",
        "Unit",
        "Progress",
    ]
    rows = table.cssselect("tbody tr")
    first = [text(cell) for cell in rows[0].cssselect("th, td")]
    assert first[:4] == ["Voorleesuren", "40", "30", "uur"]
    assert first[4] == "75%"
    bar = rows[0].cssselect('[role="progressbar"]')[0]
    assert bar.get("aria-valuenow") == "75"
    assert "Voorleesuren" in bar.get("aria-label")
    second = rows[1].cssselect('[role="progressbar"]')[0]
    assert second.get("aria-valuenow") == "0"


def test_transition_with_comment_appears_in_the_timeline(browser, project):
    b, page = open_page(browser, project)
    assert [text(li.cssselect("strong")[0]) for li in page.cssselect("#bq-history li")] == [
        "Created"
    ]
    b.getForm(id="bq-step-form").getControl(
        name="comment"
    ).value = "Gestart met drie locaties <b>vandaag</b>"
    b.getControl("Start").click()
    assert b.url.startswith(project.absolute_url())
    page = html(b)
    steps = page.cssselect("#bq-history li")
    assert len(steps) == 2
    last = text(steps[-1])
    assert "Start" in last and "Do" in last
    assert "Gestart met drie locaties <b>vandaag</b>" in last  # shown as text
    assert "<b>vandaag</b>" not in b.contents
    assert "by " in last
    assert api.content.get_state(project) == "do"


def test_timeline_names_the_actor_and_the_time(browser, project):
    b = browser("jan")
    b.open(project.absolute_url())
    b.getControl("Start").click()
    step = html(b).cssselect("#bq-history li")[-1]
    assert "by Jan Jansen" in text(step)
    when = step.cssselect("time")[0]
    # dd-mm-yyyy HH:MM
    day, clock = text(when).split(" ")
    assert len(day.split("-")) == 3 and len(day) == 10
    assert len(clock) == 5 and clock[2] == ":"


def test_refused_transition_shows_the_reason(browser, plan):
    make_project(plan, id="leeg", title="Zonder doel", indicators=[])
    transaction.commit()
    b = browser()
    b.open(plan["leeg"].absolute_url())
    b.getControl("Start").click()
    assert "The project cannot start yet" in text(html(b).cssselect("#bq-step-error")[0])
    assert api.content.get_state(plan["leeg"]) == "plan"


def test_transition_buttons_for_a_manager(browser, project):
    _b, page = open_page(browser, project)
    form = page.cssselect("#bq-step-form")[0]
    assert form.get("method") == "post"
    assert form.get("action") == project.absolute_url() + "/content_status_modify"
    assert form.cssselect('input[name="_authenticator"]')[0].get("value")
    textarea = form.cssselect('textarea[name="comment"]')[0]
    assert form.cssselect(f'label[for="{textarea.get("id")}"]')
    buttons = {b.get("value") for b in form.cssselect('button[name="workflow_action"]')}
    assert buttons == {"start"}  # stopping is apart, under "More"
    assert page.cssselect("#bq-edit")


def test_no_buttons_and_no_edit_for_a_reader(browser, project):
    _b, page = open_page(browser, project, "lezer")
    assert page.cssselect("dl.bq-smart")
    assert not page.cssselect(".bq-transitions")
    assert not page.cssselect('button[name="workflow_action"]')
    assert not page.cssselect("#bq-edit")
    assert not page.cssselect("#bq-add-evidence")


def test_contained_and_linked_evidence(browser, staffed_library, project):
    evidence(project, "Presentielijsten")
    evidence(staffed_library, "Convenant kinderopvang", related=[project])
    evidence(staffed_library, "Jaarverslag zonder link")
    transaction.commit()
    _b, page = open_page(browser, project)
    contained = [text(a) for a in page.cssselect("#bq-evidence-contained a")]
    linked = [text(a) for a in page.cssselect("#bq-evidence-linked a")]
    assert contained == ["Presentielijsten"]
    assert linked == ["Convenant kinderopvang"]
    assert "Jaarverslag zonder link" not in text(page.cssselect("#bq-evidence")[0])


def test_evidence_inside_and_linked_is_listed_once(browser, project):
    evidence(project, "Fotoverslag", related=[project])
    transaction.commit()
    _b, page = open_page(browser, project)
    assert [text(a) for a in page.cssselect("#bq-evidence a")] == ["Fotoverslag"]


def test_copied_from_url_is_a_link(browser, project):
    project.copied_from = "https://bieb.example.org/jaarplan-2025/voorlezen"
    transaction.commit()
    _b, page = open_page(browser, project)
    link = page.cssselect("#bq-copied-from a")[0]
    assert link.get("href") == "https://bieb.example.org/jaarplan-2025/voorlezen"


def test_copied_from_uid_is_resolved_in_the_catalog(browser, plan, project):
    copy = make_project(plan, id="kopie", title="Kopie van voorlezen")
    copy.copied_from = project.UID()
    transaction.commit()
    _b, page = open_page(browser, copy)
    link = page.cssselect("#bq-copied-from a")[0]
    assert link.get("href") == project.absolute_url()
    assert text(link) == "Voorlezen op de peuterspeelzaal"


def test_no_copied_from_when_not_copied(browser, project):
    _b, page = open_page(browser, project)
    assert not page.cssselect("#bq-copied-from")


def test_hostile_texts_are_escaped(browser, plan):
    hostile = make_project(
        plan,
        id="kwaad",
        title="<script>alert(1)</script>",
        specific='<img src=x onerror="alert(2)">',
        partners=["<i>partner</i>"],
        indicators=[{"name": "<svg onload=alert(3)>", "target": 1, "actual": 1, "unit": ""}],
    )
    transaction.commit()
    b, _page = open_page(browser, hostile)
    assert "<script>alert(1)</script>" not in b.contents
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in b.contents
    assert "<img src=x" not in b.contents
    assert "<i>partner</i>" not in b.contents
    assert "<svg onload" not in b.contents


def test_catalog_finds_evidence_by_linked_project(staffed_library, project):
    other = make_project(project.aq_parent, id="ander", title="Ander project")
    linked = evidence(staffed_library, "Convenant", related=[project, other])
    evidence(staffed_library, "Los stuk")
    catalog = api.portal.get_tool("portal_catalog")
    assert "related_project_uids" in catalog.indexes()
    assert "related_project_uids" not in catalog.schema()
    found = [b.getObject() for b in catalog(related_project_uids=project.UID())]
    assert found == [linked]
    assert len(catalog(related_project_uids=other.UID())) == 1


def test_catalog_index_follows_edits_of_the_relations(staffed_library, project):
    linked = evidence(staffed_library, "Convenant", related=[project])
    catalog = api.portal.get_tool("portal_catalog")
    assert len(catalog(related_project_uids=project.UID())) == 1
    linked.related_projects = []
    linked.reindexObject()
    assert len(catalog(related_project_uids=project.UID())) == 0


def test_uninstall_removes_the_index(functional_portal):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile("profile-bibqual:uninstall", "catalog")
    assert "related_project_uids" not in api.portal.get_tool("portal_catalog").indexes()


# Stopping a project, the evaluation in the step box, what completing waits for
# (issue 15, items 2, 6 and 7)


def step_page(browser, obj, user=None):
    b = browser(user)
    b.open(obj.absolute_url())
    return b


def test_stopping_is_apart_and_asks_a_reason_and_a_confirmation(browser, project):
    _b, page = open_page(browser, project)
    assert not page.cssselect('#bq-step-form button[value="cancel"]')
    more = page.cssselect("details#bq-more")[0]
    assert more.get("open") is None  # folded until asked for
    form = more.cssselect("#bq-stop-form")[0]
    assert form.get("action") == project.absolute_url() + "/content_status_modify"
    assert text(form.cssselect("#bq-stop-button")[0]) == "Stop project"
    assert form.cssselect("#bq-stop-button")[0].get("value") == "cancel"
    assert form.cssselect("textarea#bq-stop-reason")[0].get("required") is not None
    assert form.cssselect("input#bq-stop-confirm")[0].get("required") is not None
    assert page.cssselect('label[for="bq-stop-reason"]')


def test_stopping_without_a_reason_is_refused_with_a_link_to_the_field(browser, project):
    b = step_page(browser, project)
    form = b.getForm(id="bq-stop-form")
    form.getControl(name="confirm").value = True
    form.getControl(name="workflow_action").click()
    page = html(b)
    error = page.cssselect("#bq-step-error")[0]
    assert "Stopping a project needs a reason" in text(error)
    assert error.cssselect("a")[0].get("href") == "#bq-stop-reason"
    assert page.cssselect("details#bq-more")[0].get("open") is not None
    assert api.content.get_state(project) == "plan"


def test_stopping_without_confirmation_keeps_the_reason(browser, project):
    b = step_page(browser, project)
    form = b.getForm(id="bq-stop-form")
    form.getControl(name="comment").value = "De subsidie is ingetrokken."
    form.getControl(name="workflow_action").click()
    page = html(b)
    assert "Confirm that you want to stop the project." in text(page.cssselect("#bq-step-error")[0])
    assert text(page.cssselect("#bq-stop-reason")[0]) == "De subsidie is ingetrokken."
    assert api.content.get_state(project) == "plan"


def test_stop_and_resume(browser, project):
    b = step_page(browser, project)
    form = b.getForm(id="bq-stop-form")
    form.getControl(name="comment").value = "De subsidie is ingetrokken."
    form.getControl(name="confirm").value = True
    form.getControl(name="workflow_action").click()
    assert api.content.get_state(project) == "cancelled"
    page = html(b)
    last = text(page.cssselect("#bq-history li")[-1])
    assert "Stop project" in last and "De subsidie is ingetrokken." in last

    # staff cannot resume it; the coordinator (here the site owner) can, from the page
    staff = step_page(browser, project, "jan")
    assert not html(staff).cssselect('button[name="workflow_action"]')
    b.open(project.absolute_url())
    buttons = html(b).cssselect('#bq-step-form button[name="workflow_action"]')
    assert [(x.get("value"), text(x)) for x in buttons] == [("reopen", "Resume project")]
    assert not html(b).cssselect("#bq-stop-form")
    b.getForm(id="bq-step-form").getControl("Resume project").click()
    assert api.content.get_state(project) == "plan"


@pytest.fixture
def in_check(project):
    set_state(project, "check")
    project.evaluation = None
    transaction.commit()
    return project


def test_the_step_box_asks_the_evaluation_and_keeps_what_was_typed(browser, in_check):
    b = step_page(browser, in_check, "jan")
    form = b.getForm(id="bq-step-form")
    assert form.getControl(name="evaluation").value == ""
    form.getControl(name="comment").value = "Besproken met het team."
    form.getControl("Adjust").click()
    page = html(b)
    error = page.cssselect("#bq-step-error")[0]
    assert "Fill in the evaluation" in text(error)
    assert error.cssselect("a")[0].get("href") == "#bq-step-evaluation"
    assert page.cssselect("textarea#bq-step-evaluation")
    assert text(page.cssselect("#bq-transition-comment")[0]) == "Besproken met het team."
    assert api.content.get_state(in_check) == "check"

    form = b.getForm(id="bq-step-form")
    form.getControl(name="evaluation").value = "30 van 40 uren gehaald."
    form.getControl("Adjust").click()
    assert api.content.get_state(in_check) == "act"
    assert in_check.evaluation == "30 van 40 uren gehaald."
    last = text(html(b).cssselect("#bq-history li")[-1])
    assert "Besproken met het team." in last


def test_a_refused_step_stores_no_evaluation_and_keeps_it_in_the_form(browser, in_check):
    in_check.indicators = [{"name": "Uren", "target": 40, "actual": None, "unit": "uur"}]
    set_state(in_check, "act")
    transaction.commit()
    b = step_page(browser, in_check)  # the coordinator completes
    form = b.getForm(id="bq-step-form")
    form.getControl(name="evaluation").value = "Getypt maar nog niet af."
    form.getControl("Complete").click()
    page = html(b)
    assert "needs a result for: Uren" in text(page.cssselect("#bq-step-error")[0])
    assert text(page.cssselect("#bq-step-evaluation")[0]) == "Getypt maar nog niet af."
    assert api.content.get_state(in_check) == "act"
    assert in_check.evaluation is None


def test_staff_see_why_a_project_cannot_complete_yet(browser, project):
    project.indicators = [{"name": "Uren", "target": 40, "actual": None, "unit": "uur"}]
    set_state(project, "act")
    transaction.commit()
    page = html(step_page(browser, project, "jan"))
    note = page.cssselect("#bq-completion")[0]
    assert "cannot be completed yet" in text(note) and "Uren" in text(note)
    assert "Waiting for the quality coordinator" not in text(page)


def test_staff_see_that_a_ready_project_waits_for_the_coordinator(browser, project):
    project.indicators = [{"name": "Uren", "target": 40, "actual": 38, "unit": "uur"}]
    set_state(project, "act")
    transaction.commit()
    page = html(step_page(browser, project, "jan"))
    note = page.cssselect("#bq-completion")[0]
    assert text(note) == "Waiting for the quality coordinator: complete"
    assert not page.cssselect('button[value="complete"]')
    # the coordinator sees the step instead of the note
    page = html(step_page(browser, project))
    assert page.cssselect('#bq-step-form button[value="complete"]')
    assert not page.cssselect("#bq-completion")


def test_rest_refuses_stopping_without_a_reason(rest, project):
    admin = rest("admin")
    url = f"{project.absolute_url()}/@workflow/cancel"
    refused = admin.post(url, json={})
    assert refused.status_code == 400, refused.text
    assert "Stopping a project needs a reason" in refused.json()["error"]["message"]
    taken = admin.post(url, json={"comment": "De subsidie is ingetrokken."})
    assert taken.status_code == 200, taken.text
    assert taken.json()["review_state"] == "cancelled"


def test_the_evaluation_typed_is_stored_with_any_step(browser, project):
    set_state(project, "act")
    transaction.commit()
    b = step_page(browser, project)  # the coordinator: Complete reads the evaluation
    form = b.getForm(id="bq-step-form")
    assert form.getControl(name="evaluation").value == "Geëvalueerd."
    form.getControl(name="evaluation").value = "Bijgesteld: een tweede ronde is nodig."
    form.getControl("Plan again").click()
    assert api.content.get_state(project) == "plan"
    assert project.evaluation == "Bijgesteld: een tweede ronde is nodig."
