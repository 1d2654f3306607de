"""AssuranceProject: an agreement that is checked again on a fixed cycle.

Every cycle is evaluated in the ``evaluation`` field (``adjust`` needs it). When a
new cycle starts, ``close_cycle`` keeps that evaluation in the project's cycle
history and empties the field; ``cycle_history`` gives every finished cycle.
"""

from bibqual import _
from bibqual.content.fields import Line
from bibqual.content.fields import LongText
from bibqual.content.interfaces import IBibqualContent
from bibqual.content.smartproject import RESPONSIBLE_WIDGET
from bibqual.workflows.ids import ADJUST
from bibqual.workflows.ids import ASSURANCE_WORKFLOW
from bibqual.workflows.ids import NEW_CYCLE
from persistent.list import PersistentList
from plone.app.z3cform.widgets.select import AjaxSelectFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.annotation.interfaces import IAnnotations
from zope.interface import implementer


HISTORY_KEY = "bibqual.cycle_history"
"""Annotation with the finished cycles: a list of ``{"cycle", "evaluation", "date"}``."""


class IAssuranceProject(model.Schema):
    """A borgingsproject: made once, then repeated every interval."""

    agreement = LongText(
        title=_("Agreement"),
        description=_(
            "The agreement that is secured, e.g. 'the collection plan is evaluated every year'."
        ),
        required=True,
    )
    interval_months = schema.Int(
        title=_("Interval (months)"),
        description=_("How often the agreement is checked again."),
        min=1,
        max=60,
        default=12,
        required=True,
    )
    next_review = schema.Date(
        title=_("Next review"),
        required=False,
    )
    cycle = schema.Int(
        title=_("Cycle"),
        description=_("Which round of the cycle this is; it goes up by one with every new cycle."),
        default=1,
        readonly=True,
    )
    directives.widget("responsible", AjaxSelectFieldWidget, **RESPONSIBLE_WIDGET)
    responsible = Line(
        title=_("Responsible"),
        description=_("User id or name of the person who secures the agreement."),
        required=False,
    )
    evaluation = LongText(
        title=_("Evaluation"),
        description=_(
            "Check: what did the review of this cycle show? Needed before Adjust; "
            "a new cycle keeps it in the cycle history and starts with an empty one."
        ),
        required=False,
    )


@implementer(IAssuranceProject, IBibqualContent)
class AssuranceProject(Container):
    """An assurance project."""


def close_cycle(obj, day):
    """End the running cycle of ``obj`` on ``day``: its evaluation goes into the cycle
    history (``{"cycle", "evaluation", "date"}``) and the field is emptied."""
    annotations = IAnnotations(obj)
    history = annotations.get(HISTORY_KEY)
    if history is None:
        history = annotations[HISTORY_KEY] = PersistentList()
    history.append(
        {
            "cycle": getattr(obj, "cycle", None) or 1,
            "evaluation": getattr(obj, "evaluation", None) or "",
            "date": day,
        }
    )
    obj.evaluation = None


def split_cycles(steps):
    """Workflow history steps (dicts with an ``action``) cut into cycles: each
    ``new_cycle`` step closes one.

    Returns ``(closed, current)``: the closed cycles as lists of steps (the
    ``new_cycle`` step last) and the steps of the running cycle (after a
    ``new_cycle``, that step opens it).
    """
    closed, current = [], []
    for step in steps:
        current.append(step)
        if step.get("action") == NEW_CYCLE:
            closed.append(current)
            current = [step]
    return closed, current


def first_cycle(obj, closed_count):
    """The number of the oldest cycle in a history of ``closed_count`` finished cycles."""
    return max((getattr(obj, "cycle", None) or 1) - closed_count, 1)


def _from_workflow_history(number, entries):
    """A cycle closed before its evaluation was a field (bibqual < 1003): the evaluation
    is the comment of its last ``adjust`` step, the date that of its ``new_cycle``."""
    comments = [e.get("comments") for e in entries if e.get("action") == ADJUST]
    comments = [comment for comment in comments if comment]
    closed = entries[-1].get("time")
    return {
        "cycle": number,
        "evaluation": comments[-1] if comments else "",
        "date": closed.asdatetime().date() if closed is not None else None,
    }


def cycle_history(obj):
    """Every finished cycle of ``obj``, oldest first: ``{"cycle", "evaluation", "date"}``
    (``date``: the day the next cycle started)."""
    recorded = {entry["cycle"]: dict(entry) for entry in IAnnotations(obj).get(HISTORY_KEY, ())}
    entries = getattr(obj, "workflow_history", {}).get(ASSURANCE_WORKFLOW, ())
    closed, _current = split_cycles(entries)
    first = first_cycle(obj, len(closed))
    history = [
        recorded.pop(first + index, None) or _from_workflow_history(first + index, steps)
        for index, steps in enumerate(closed)
    ]
    history.extend(recorded.values())
    return sorted(history, key=lambda entry: entry["cycle"])
