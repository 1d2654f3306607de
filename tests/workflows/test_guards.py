"""What the content must hold before a step, and what a new cycle does.

A refused step says what is missing and leaves the state as it was; the
reason reaches people in the Classic UI too. Transition comments are kept in
the review history.
"""

from bibqual.content.assuranceproject import HISTORY_KEY
from bibqual.content.assuranceproject import cycle_history
from datetime import date
from plone import api
from plone.api.exc import InvalidParameterError
from Products.CMFCore.WorkflowCore import WorkflowException
from support.content import make_assurance
from support.workflows import review_state
from support.workflows import set_state
from zope.annotation.interfaces import IAnnotations
import pytest


@pytest.fixture
def wf_tool(portal):
    return api.portal.get_tool("portal_workflow")


@pytest.fixture
def manager(portal):
    with api.env.adopt_roles(["Manager"]):
        yield


RESULTS = [
    {"name": "Voorleesuren", "target": 40, "actual": 30, "unit": "uur"},
    {"name": "Bereikte peuters", "target": 200, "actual": 180, "unit": "kinderen"},
]


def refusal(wf_tool, obj, transition, **kwargs):
    """The message with which ``transition`` is refused (fails when it is not)."""
    with pytest.raises(WorkflowException) as refused:
        wf_tool.doActionFor(obj, transition, **kwargs)
    return str(refused.value)


class TestStart:
    def test_complete_project_starts(self, project, wf_tool, manager):
        wf_tool.doActionFor(project, "start")
        assert review_state(project) == "do"

    def test_without_deadline(self, project, wf_tool, manager):
        project.deadline = None
        message = refusal(wf_tool, project, "start")
        assert "deadline" in message
        assert "specific" not in message
        assert "indicator" not in message
        assert review_state(project) == "plan"

    def test_without_indicator_target(self, project, wf_tool, manager):
        project.indicators = [{"name": "Voorleesuren", "target": None, "actual": 3, "unit": "uur"}]
        message = refusal(wf_tool, project, "start")
        assert "indicator with a target" in message
        assert "deadline" not in message
        assert review_state(project) == "plan"

    def test_without_indicators(self, project, wf_tool, manager):
        project.indicators = []
        assert "indicator with a target" in refusal(wf_tool, project, "start")
        assert review_state(project) == "plan"

    def test_one_indicator_with_target_is_enough(self, project, wf_tool, manager):
        project.indicators = [
            {"name": "a", "target": None, "actual": None, "unit": ""},
            {"name": "b", "target": 0, "actual": None, "unit": ""},
        ]
        wf_tool.doActionFor(project, "start")
        assert review_state(project) == "do"

    @pytest.mark.parametrize("specific", [None, "", "   "])
    def test_without_specific_goal(self, project, wf_tool, manager, specific):
        project.specific = specific
        assert "specific goal" in refusal(wf_tool, project, "start")
        assert review_state(project) == "plan"

    def test_names_everything_missing(self, project, wf_tool, manager):
        project.specific = None
        project.deadline = None
        project.indicators = None
        message = refusal(wf_tool, project, "start")
        for part in ("specific goal", "deadline", "indicator with a target"):
            assert part in message
        assert review_state(project) == "plan"

    def test_refused_through_plone_api_too(self, project, manager):
        project.deadline = None
        with pytest.raises(InvalidParameterError):
            api.content.transition(obj=project, transition="start")
        assert review_state(project) == "plan"

    def test_refusal_leaves_no_history(self, project, wf_tool, manager):
        before = len(wf_tool.getInfoFor(project, "review_history"))
        project.deadline = None
        refusal(wf_tool, project, "start", comment="probeer")
        assert len(wf_tool.getInfoFor(project, "review_history")) == before


class TestAdjust:
    @pytest.mark.parametrize("evaluation", [None, "", "  \n "])
    def test_without_evaluation(self, project, wf_tool, manager, evaluation):
        set_state(project, "check")
        project.evaluation = evaluation
        message = refusal(wf_tool, project, "adjust", comment="klaar")
        assert "evaluation" in message
        assert review_state(project) == "check"

    def test_with_evaluation(self, project, wf_tool, manager):
        set_state(project, "check")
        project.evaluation = "30 van 40 uren gehaald; peuters enthousiast."
        wf_tool.doActionFor(project, "adjust")
        assert review_state(project) == "act"

    def test_whole_cycle(self, project, wf_tool, manager):
        project.evaluation = "Goed."
        project.indicators = RESULTS  # ``complete`` needs a result for every indicator
        for transition, state in (
            ("start", "do"),
            ("evaluate", "check"),
            ("adjust", "act"),
            ("replan", "plan"),
            ("start", "do"),
            ("evaluate", "check"),
            ("adjust", "act"),
            ("complete", "done"),
            ("reopen", "plan"),
            ("cancel", "cancelled"),
            ("reopen", "plan"),
        ):
            # stopping needs a reason (issue 15, item 2)
            comment = "De subsidie is ingetrokken." if transition == "cancel" else ""
            wf_tool.doActionFor(project, transition, comment=comment)
            assert review_state(project) == state


class TestCancel:
    """Stopping a project needs the reason in the comment, from every client."""

    @pytest.mark.parametrize("comment", [None, "", "  \n "])
    def test_without_a_reason(self, project, wf_tool, manager, comment):
        kwargs = {} if comment is None else {"comment": comment}
        message = refusal(wf_tool, project, "cancel", **kwargs)
        assert message == "Stopping a project needs a reason: fill in why the project stops."
        assert review_state(project) == "plan"

    def test_with_a_reason_and_back(self, project, wf_tool, manager):
        wf_tool.doActionFor(project, "cancel", comment="De bus is afgekeurd.")
        assert review_state(project) == "cancelled"
        history = wf_tool.getInfoFor(project, "review_history")
        assert history[-1]["comments"] == "De bus is afgekeurd."
        wf_tool.doActionFor(project, "reopen")
        assert review_state(project) == "plan"


@pytest.fixture
def assurance(library):
    return make_assurance(
        library, "borging", interval_months=1, next_review=date(2026, 1, 31), cycle=1
    )


class TestAssuranceProject:
    @pytest.mark.parametrize("evaluation", [None, "", "  \n "])
    def test_adjust_needs_the_evaluation(self, assurance, wf_tool, manager, evaluation):
        set_state(assurance, "check")
        assurance.evaluation = evaluation
        message = refusal(wf_tool, assurance, "adjust", comment="Besproken in het MT.")
        assert message == "Fill in the evaluation of this cycle before adjusting."
        assert review_state(assurance) == "check"

    def test_a_comment_is_not_the_evaluation(self, assurance, wf_tool, manager):
        set_state(assurance, "check")
        refusal(wf_tool, assurance, "adjust", comment="Collectieplan is op orde.")
        assert review_state(assurance) == "check"

    def test_adjust_with_the_evaluation_and_no_comment(self, assurance, wf_tool, manager):
        set_state(assurance, "check")
        assurance.evaluation = "Collectieplan is op orde."
        wf_tool.doActionFor(assurance, "adjust")
        assert review_state(assurance) == "act"
        assert assurance.evaluation == "Collectieplan is op orde."

    def test_start_needs_no_smart_fields(self, assurance, wf_tool, manager):
        wf_tool.doActionFor(assurance, "start")
        assert review_state(assurance) == "do"

    def test_new_cycle_moves_on(self, assurance, wf_tool, manager):
        set_state(assurance, "act")
        wf_tool.doActionFor(assurance, "new_cycle", comment="Ronde 2")
        assert review_state(assurance) == "plan"
        assert assurance.cycle == 2
        assert assurance.next_review == date(2026, 2, 28)

    def test_new_cycle_keeps_the_evaluation_in_the_history(
        self, assurance, wf_tool, manager, monkeypatch
    ):
        monkeypatch.setattr("bibqual.clock.today", lambda: date(2026, 2, 3))
        set_state(assurance, "act")
        assurance.evaluation = "Collectieplan is op orde."
        wf_tool.doActionFor(assurance, "new_cycle")
        assert not assurance.evaluation
        assert cycle_history(assurance) == [
            {"cycle": 1, "evaluation": "Collectieplan is op orde.", "date": date(2026, 2, 3)}
        ]

    def test_two_full_cycles(self, assurance, wf_tool, manager):
        for round_ in (1, 2):
            for transition in ("start", "evaluate", "adjust", "new_cycle"):
                if transition == "adjust":
                    assurance.evaluation = f"Evaluatie van ronde {round_}"
                wf_tool.doActionFor(assurance, transition)
        assert assurance.cycle == 3
        # 31 January + 1 month = 28 February; + 1 month = 28 March
        assert assurance.next_review == date(2026, 3, 28)
        assert [(e["cycle"], e["evaluation"]) for e in cycle_history(assurance)] == [
            (1, "Evaluatie van ronde 1"),
            (2, "Evaluatie van ronde 2"),
        ]

    def test_cycles_closed_before_1003_read_their_adjust_comment(self, assurance, wf_tool, manager):
        """Up to 1002 the comment of ``adjust`` was the evaluation; those cycles keep it."""
        for round_ in (1, 2):
            for transition in ("start", "evaluate", "adjust", "new_cycle"):
                assurance.evaluation = "x"
                wf_tool.doActionFor(assurance, transition, comment=f"ronde {round_}: {transition}")
        del IAnnotations(assurance)[HISTORY_KEY]  # as a 1002 project: no recorded history
        history = cycle_history(assurance)
        assert [(e["cycle"], e["evaluation"]) for e in history] == [
            (1, "ronde 1: adjust"),
            (2, "ronde 2: adjust"),
        ]
        assert all(e["date"] for e in history)

    @pytest.mark.parametrize(
        "start, months, expected",
        [
            (date(2024, 2, 29), 12, date(2025, 2, 28)),
            (date(2026, 11, 30), 14, date(2028, 1, 30)),
            (date(2026, 12, 15), 1, date(2027, 1, 15)),
            (date(2026, 3, 31), 60, date(2031, 3, 31)),
        ],
    )
    def test_new_cycle_interval(self, assurance, wf_tool, manager, start, months, expected):
        assurance.next_review = start
        assurance.interval_months = months
        set_state(assurance, "act")
        wf_tool.doActionFor(assurance, "new_cycle")
        assert assurance.next_review == expected

    def test_new_cycle_is_found_in_catalog(self, assurance, wf_tool, manager, portal):
        set_state(assurance, "act")
        wf_tool.doActionFor(assurance, "new_cycle")
        brains = portal.portal_catalog(UID=assurance.UID())
        assert brains[0].next_review == date(2026, 2, 28)
        assert brains[0].review_state == "plan"

    def test_other_steps_leave_cycle_alone(self, assurance, wf_tool, manager):
        for transition in ("start", "evaluate"):
            wf_tool.doActionFor(assurance, transition)
        assert assurance.cycle == 1
        assert assurance.next_review == date(2026, 1, 31)


class TestReviewHistory:
    def test_comments_are_kept(self, project, wf_tool, manager):
        project.evaluation = "Doel gehaald."
        project.indicators = RESULTS
        comments = {
            "start": "We beginnen in februari.",
            "evaluate": "Meting gedaan.",
            "adjust": "Meer vrijwilligers nodig.",
            "complete": "Afgerond door de coördinator.",
        }
        for transition, comment in comments.items():
            wf_tool.doActionFor(project, transition, comment=comment)
        history = wf_tool.getInfoFor(project, "review_history")
        steps = [(entry["action"], entry["comments"]) for entry in history if entry["action"]]
        assert steps == list(comments.items())
        assert [entry["review_state"] for entry in history] == [
            "plan",
            "do",
            "check",
            "act",
            "done",
        ]

    def test_new_cycle_comment_kept(self, assurance, wf_tool, manager):
        set_state(assurance, "act")
        wf_tool.doActionFor(assurance, "new_cycle", comment="Tweede ronde gestart.")
        history = wf_tool.getInfoFor(assurance, "review_history")
        assert history[-1]["action"] == "new_cycle"
        assert history[-1]["comments"] == "Tweede ronde gestart."


class TestClassicUI:
    """The state menu (content_status_modify) shows why a step is refused."""

    @pytest.fixture
    def status_modify(self, project, http_request):
        from bibqual.interfaces import IBibqualLayer
        from plone.protect.authenticator import createToken
        from zope.interface import alsoProvides

        alsoProvides(http_request, IBibqualLayer)
        http_request.form["_authenticator"] = createToken()
        return project.restrictedTraverse("content_status_modify")

    def test_refused_step_shows_reason(self, project, status_modify, http_request, manager):
        from Products.statusmessages.interfaces import IStatusMessage

        project.deadline = None
        status_modify(workflow_action="start")
        messages = IStatusMessage(http_request).show()
        assert any("deadline" in m.message and m.type == "error" for m in messages)
        assert review_state(project) == "plan"
        assert http_request.response.getHeader("Location") == project.absolute_url()

    def test_ready_step_runs(self, project, status_modify, manager):
        status_modify(workflow_action="start", comment="Van start")
        assert review_state(project) == "do"


def test_stopping_has_its_own_title_everywhere(portal, wf_tool):
    """The toolbar's state menu and the history call it "Stop project", not "Cancel"
    (in Dutch forms "Annuleren" means closing the form)."""
    transition = wf_tool.getWorkflowById("bibqual_project_workflow").transitions["cancel"]
    assert (transition.title, transition.actbox_name) == ("Stop project", "Stop project")
