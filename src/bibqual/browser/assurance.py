"""The assurance project page: the agreement, its review cycle and earlier cycles."""

from bibqual import clock
from bibqual.browser.project import ProjectPageMixin
from bibqual.browser.steps import ProjectSteps
from bibqual.browser.transitions import WorkflowView
from bibqual.content.assuranceproject import cycle_history
from bibqual.content.assuranceproject import first_cycle
from bibqual.content.assuranceproject import split_cycles
from bibqual.reports.pdca import review_overdue
from plone.memoize.view import memoize


class AssuranceView(ProjectSteps, ProjectPageMixin, WorkflowView):
    """Default view of an AssuranceProject (``@@assurance-view``): the agreement,
    its interval, cycle and next review, the evaluation and steps of this cycle,
    earlier cycles with their evaluations, its evidence and the steps the user
    may take (``ProjectSteps``: the evaluation can be typed with Adjust).

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

    def evaluation(self):
        """The evaluation of the running cycle (the field), or an empty string."""
        return getattr(self.context, "evaluation", None) or ""

    @memoize
    def cycles(self):
        """``{"current": {number, steps}, "earlier": [{number, steps, evaluation, closed}]}``,
        the earlier cycles newest first, each with the evaluation kept in the cycle
        history."""
        closed, current = split_cycles(self.history())
        first = first_cycle(self.context, len(closed))
        evaluations = {entry["cycle"]: entry["evaluation"] for entry in cycle_history(self.context)}
        earlier = [
            {
                "number": first + index,
                "steps": steps,
                "evaluation": evaluations.get(first + index, ""),
                "closed": steps[-1]["when"],
            }
            for index, steps in enumerate(closed)
        ]
        return {
            "current": {"number": first + len(closed), "steps": current},
            "earlier": list(reversed(earlier)),
        }
