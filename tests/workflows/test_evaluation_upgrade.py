"""Upgrade 1003: an assurance project adjusted under 1002 (evaluation in the comment of
``adjust``) gets that comment as its ``evaluation``, so its next cycle keeps it."""

from bibqual.content.assuranceproject import cycle_history
from bibqual.upgrades import v1003
from bibqual.upgrades.v1003.evaluation import move_evaluations
from plone import api
from support.content import make_assurance
from support.content import make_project
from support.workflows import review_state
from support.workflows import set_state
import pytest


def adjusted_under_1002(obj, comment):
    """``obj`` taken to ``act`` as 1002 did: the evaluation only in the comment of adjust."""
    obj.evaluation = "tijdelijk"
    with api.env.adopt_roles(["Manager"]):
        for transition in ("start", "evaluate"):
            api.content.transition(obj=obj, transition=transition, comment="Verzameld.")
        api.content.transition(obj=obj, transition="adjust", comment=comment)
    del obj.evaluation  # a 1002 object has no evaluation of its own


@pytest.fixture
def old_site(library, year_plan):
    """Assurance projects in every state as 1002 left them, and a SMART project."""
    items = {}
    for state in ("plan", "do", "check"):
        items[state] = make_assurance(library, f"borging-{state}")
        set_state(items[state], state)
    items["act"] = make_assurance(library, "borging-act")
    adjusted_under_1002(items["act"], "Collectieplan bijgesteld: meer e-books.")
    items["filled"] = make_assurance(library, "borging-ingevuld")
    adjusted_under_1002(items["filled"], "Oude opmerking.")
    items["filled"].evaluation = "Al ingevuld na de upgrade."
    items["project"] = make_project(year_plan, "project", evaluation=None)
    set_state(items["project"], "act")
    return items


def test_evaluation_taken_from_the_last_adjust(old_site):
    assert move_evaluations(None) == 1
    act = old_site["act"]
    assert act.evaluation == "Collectieplan bijgesteld: meer e-books."
    assert review_state(act) == "act"


def test_nothing_else_changes(old_site):
    move_evaluations(None)
    for state in ("plan", "do", "check"):
        assert old_site[state].evaluation is None, state
    assert old_site["filled"].evaluation == "Al ingevuld na de upgrade."
    assert old_site["project"].evaluation is None


def test_next_cycle_keeps_the_moved_evaluation(old_site):
    move_evaluations(None)
    act = old_site["act"]
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=act, transition="new_cycle")
    assert [entry["evaluation"] for entry in cycle_history(act)] == [
        "Collectieplan bijgesteld: meer e-books."
    ]


def test_part_of_the_1003_upgrade():
    assert move_evaluations in v1003.PARTS
