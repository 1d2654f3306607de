"""The assurance project page (``@@assurance-view``): agreement, cycles, evidence, steps."""

from bibqual.content.assuranceproject import HISTORY_KEY
from bibqual.content.assuranceproject import split_cycles
from datetime import date
from plone import api
from support.pages import html
from support.pages import text
from zope.annotation.interfaces import IAnnotations
import pytest
import transaction


def run_cycle(obj, evaluation_text):
    """One full round: start, evaluate, the evaluation written, adjust, new cycle."""
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=obj, transition="start", comment="Begonnen")
        api.content.transition(obj=obj, transition="evaluate")
        obj.evaluation = evaluation_text
        api.content.transition(obj=obj, transition="adjust", comment="Besproken in het MT")
        api.content.transition(obj=obj, transition="new_cycle")


@pytest.fixture
def assurance(staffed_library, frozen_today):
    """An assurance project due for review on 1 September 2026."""
    with api.env.adopt_roles(["Manager"]):
        obj = api.content.create(
            container=staffed_library,
            type="AssuranceProject",
            id="collectieplan",
            title="Evaluatie collectieplan",
            agreement="Het collectieplan wordt elk jaar geëvalueerd.",
            interval_months=12,
            next_review=date(2026, 9, 1),
            responsible="jan",
            norm_fields=["collectie"],
        )
    transaction.commit()
    return obj


def open_page(browser, obj, user=None):
    b = browser(user)
    b.open(obj.absolute_url())
    return b, html(b)


def test_assurance_page_is_the_default_view(browser, assurance):
    _b, page = open_page(browser, assurance)
    assert text(page.cssselect("h1")[0]) == "Evaluatie collectieplan"
    assert "Het collectieplan wordt elk jaar geëvalueerd." in text(
        page.cssselect("#bq-agreement")[0]
    )


def test_interval_cycle_next_review_responsible_norm(browser, assurance):
    _b, page = open_page(browser, assurance)
    details = text(page.cssselect(".bq-details")[0])
    for fragment in ("every 12 months", "01-09-2026", "Jan Jansen", "Collectie"):
        assert fragment in details
    assert "Cycle 1" in details
    assert not page.cssselect(".bq-badge-overdue")


def test_overdue_review_is_marked(browser, assurance):
    assurance.next_review = date(2026, 5, 1)
    transaction.commit()
    _b, page = open_page(browser, assurance)
    assert page.cssselect(".bq-details .bq-badge-overdue")
    assert page.cssselect("time.bq-overdue")[0].get("datetime") == "2026-05-01"


def test_first_cycle_has_no_earlier_cycles(browser, assurance):
    _b, page = open_page(browser, assurance)
    assert "This is the first cycle." in text(page.cssselect("#bq-cycles")[0])
    assert "(1)" in text(page.cssselect("#bq-history h2")[0])


def test_earlier_cycles_with_their_evaluations_newest_first(browser, assurance):
    run_cycle(assurance, "Collectie sluit goed aan.")
    run_cycle(assurance, "Meer aandacht voor jeugd nodig.")
    transaction.commit()
    _b, page = open_page(browser, assurance)
    cycles = page.cssselect("#bq-cycles .bq-cycle")
    assert [text(c.cssselect("h3 span")[0]) for c in cycles] == ["Cycle 2", "Cycle 1"]
    assert text(cycles[0].cssselect(".bq-evaluation")[0]) == "Meer aandacht voor jeugd nodig."
    assert text(cycles[1].cssselect(".bq-evaluation")[0]) == "Collectie sluit goed aan."
    steps = [text(s.cssselect("strong")[0]) for s in cycles[1].cssselect("li")]
    assert steps == ["Created", "Start", "Evaluate", "Adjust", "New cycle"]
    assert "Begonnen" in text(cycles[1])
    assert "(3)" in text(page.cssselect("#bq-history h2")[0])
    # next review moved on twice by 12 months
    assert "01-09-2028" in text(page.cssselect(".bq-details")[0])


def test_adjust_through_the_page_records_the_evaluation(browser, assurance):
    """The evaluation is written in the edit form; Adjust needs no comment."""
    b, _page = open_page(browser, assurance)
    b.getControl("Start").click()
    b.getControl("Evaluate").click()
    b.open(assurance.absolute_url() + "/edit")  # the edit form holds the field too
    b.getControl(name="form.widgets.evaluation").value = "Plan is actueel; twee punten bijgesteld."
    b.getControl("Save").click()
    page = html(b)
    current = text(page.cssselect("#bq-current-evaluation")[0])
    assert "Plan is actueel; twee punten bijgesteld." in current
    b.getControl("Adjust").click()
    assert api.content.get_state(assurance) == "act"
    b.getControl("New cycle").click()
    page = html(b)
    cycle = page.cssselect("#bq-cycles .bq-cycle")[0]
    assert "Plan is actueel; twee punten bijgesteld." in text(cycle.cssselect(".bq-evaluation")[0])
    assert "Not written yet" in text(page.cssselect("#bq-current-evaluation")[0])
    assert api.content.get_state(assurance) == "plan"
    assert assurance.cycle == 2


def test_adjust_without_evaluation_is_refused(browser, assurance):
    b, _page = open_page(browser, assurance)
    b.getControl("Start").click()
    b.getControl("Evaluate").click()
    b.getControl(name="comment").value = "Een opmerking is geen evaluatie."
    b.getControl("Adjust").click()
    assert "Fill in the evaluation of this cycle before adjusting." in b.contents
    assert api.content.get_state(assurance) == "check"


def test_cycles_closed_before_1003_show_their_adjust_comment(browser, assurance):
    """Up to 1002 the comment of Adjust was the evaluation: earlier cycles keep it."""
    with api.env.adopt_roles(["Manager"]):
        for transition in ("start", "evaluate", "adjust", "new_cycle"):
            assurance.evaluation = "tijdelijk"
            api.content.transition(obj=assurance, transition=transition, comment="Ronde 1 oud")
    del IAnnotations(assurance)[HISTORY_KEY]
    transaction.commit()
    _b, page = open_page(browser, assurance)
    cycle = page.cssselect("#bq-cycles .bq-cycle")[0]
    assert text(cycle.cssselect(".bq-evaluation")[0]) == "Ronde 1 oud"


def test_contained_evidence(browser, staffed_library, assurance):
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=assurance,
            type="Evidence",
            title="Evaluatieverslag 2026",
            remote_url="https://example.org/verslag",
            document_type="evaluatie",
            valid_until=date(2027, 6, 1),
        )
    transaction.commit()
    _b, page = open_page(browser, assurance)
    item = page.cssselect("#bq-evidence-contained li")[0]
    assert "Evaluatieverslag 2026" in text(item)
    assert "Evaluation" in text(item)
    assert "01-06-2027" in text(item)


def test_buttons_for_a_manager_none_for_a_reader(browser, assurance):
    _b, page = open_page(browser, assurance)
    assert [b.get("value") for b in page.cssselect('button[name="workflow_action"]')] == ["start"]
    assert page.cssselect("#bq-edit")
    _b, page = open_page(browser, assurance, "lezer")
    assert page.cssselect("#bq-agreement")
    assert not page.cssselect(".bq-transitions")
    assert not page.cssselect("#bq-edit")


def test_hostile_texts_are_escaped(browser, assurance):
    assurance.title = "<script>alert(1)</script>"
    assurance.agreement = "<img src=x onerror=alert(2)>"
    assurance.reindexObject()
    run_cycle(assurance, "<script>alert(3)</script>")
    transaction.commit()
    b, _page = open_page(browser, assurance)
    assert "<script>alert(" not in b.contents
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in b.contents
    assert "<img src=x" not in b.contents


def step(action, comment=""):
    return {"action": action, "comment": comment}


def test_split_cycles_each_new_cycle_closes_one():
    steps = [
        step(None),
        step("start"),
        step("evaluate"),
        step("adjust", "eerste"),
        step("new_cycle"),
        step("start"),
    ]
    closed, current = split_cycles(steps)
    assert [[s["action"] for s in c] for c in closed] == [
        [None, "start", "evaluate", "adjust", "new_cycle"]
    ]
    assert [s["action"] for s in current] == ["new_cycle", "start"]


def test_the_evaluation_is_typed_with_the_step_as_on_projects(browser, assurance):
    """Issue 15, item 6: one step box for projects and assurance projects."""
    with api.env.adopt_roles(["Manager"]):
        for step in ("start", "evaluate"):
            api.content.transition(obj=assurance, transition=step)
    transaction.commit()
    b = browser("jan")
    b.open(assurance.absolute_url())
    page = html(b)
    assert page.cssselect("#bq-write-evaluation")[0].get("href") == "#bq-step-evaluation"
    form = b.getForm(id="bq-step-form")
    form.getControl(name="comment").value = "Besproken in het MT."
    form.getControl("Adjust").click()
    page = html(b)
    error = page.cssselect("#bq-step-error")[0]
    assert "Fill in the evaluation of this cycle" in text(error)
    assert error.cssselect("a")[0].get("href") == "#bq-step-evaluation"
    assert text(page.cssselect("#bq-transition-comment")[0]) == "Besproken in het MT."
    assert api.content.get_state(assurance) == "check"

    form = b.getForm(id="bq-step-form")
    form.getControl(name="evaluation").value = "Het collectieplan is actueel."
    form.getControl("Adjust").click()
    assert api.content.get_state(assurance) == "act"
    assert assurance.evaluation == "Het collectieplan is actueel."
    assert "Het collectieplan is actueel." in text(html(b).cssselect("#bq-current-evaluation")[0])
