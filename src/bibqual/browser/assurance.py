"""The assurance project page: the agreement, its review cycle and earlier cycles."""

from bibqual import clock
from bibqual.browser.project import ProjectPageMixin
from bibqual.browser.transitions import WorkflowView
from bibqual.reports.pdca import review_overdue
from bibqual.workflows.ids import ADJUST
from bibqual.workflows.ids import NEW_CYCLE
from plone.memoize.view import memoize


def split_cycles(steps):
    """The workflow history cut into cycles: each ``new_cycle`` step closes one.

    Returns ``(closed, current)``: the closed cycles as lists of steps (the
    ``new_cycle`` step last) and the steps of the running cycle (after a
    ``new_cycle``, that step opens it).
    """
    closed, current = [], []
    for step in steps:
        current.append(step)
        if step["action"] == NEW_CYCLE:
            closed.append(current)
            current = [step]
    return closed, current


def evaluation(steps):
    """The evaluation of a cycle: the comment of its (last) ``adjust`` step."""
    comments = [step["comment"] for step in steps if step["action"] == ADJUST and step["comment"]]
    return comments[-1] if comments else ""


class AssuranceView(ProjectPageMixin, WorkflowView):
    """Default view of an AssuranceProject (``@@assurance-view``): the agreement,
    its interval, cycle and next review, the steps of this cycle, earlier cycles
    with their evaluations, its evidence and the steps the user may take.

    Who: anyone who may view it; buttons only for what the user may do.
    """

    def cycle(self):
        return getattr(self.context, "cycle", None) or 1

    def next_review(self):
        return self.date(getattr(self.context, "next_review", None))

    def next_review_iso(self):
        return self.iso(getattr(self.context, "next_review", None))

    def review_overdue(self):
        return review_overdue(getattr(self.context, "next_review", None), clock.today())

    @memoize
    def cycles(self):
        """``{"current": {number, steps}, "earlier": [{number, steps, evaluation, closed}]}``,
        the earlier cycles newest first."""
        closed, current = split_cycles(self.history())
        first = max(self.cycle() - len(closed), 1)
        earlier = [
            {
                "number": first + index,
                "steps": steps,
                "evaluation": evaluation(steps),
                "closed": steps[-1]["when"],
            }
            for index, steps in enumerate(closed)
        ]
        return {
            "current": {"number": first + len(closed), "steps": current},
            "earlier": list(reversed(earlier)),
        }
