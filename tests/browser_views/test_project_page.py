"""The project page (``@@project-view``): SMART card, indicators, history, evidence, steps."""

from datetime import date
from plone import api
from support.content import make_plan
from support.pages import html
from support.pages import make_project
from support.pages import text
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
    b.getControl(name="comment").value = "Gestart met drie locaties <b>vandaag</b>"
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
    assert "The project cannot start yet" in b.contents
    assert api.content.get_state(plan["leeg"]) == "plan"


def test_transition_buttons_for_a_manager(browser, project):
    _b, page = open_page(browser, project)
    form = page.cssselect(".bq-transitions form")[0]
    assert form.get("method") == "post"
    assert form.get("action") == project.absolute_url() + "/content_status_modify"
    assert form.cssselect('input[name="_authenticator"]')[0].get("value")
    textarea = form.cssselect('textarea[name="comment"]')[0]
    assert form.cssselect(f'label[for="{textarea.get("id")}"]')
    buttons = {b.get("value") for b in form.cssselect('button[name="workflow_action"]')}
    assert buttons == {"start", "cancel"}
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
