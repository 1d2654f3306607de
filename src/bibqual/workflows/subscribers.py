"""What happens around workflow transitions of bibqual content."""

from bibqual import clock
from bibqual.content.assuranceproject import close_cycle
from bibqual.workflows.guards import refusal
from bibqual.workflows.ids import NEW_CYCLE
from datetime import date
from Products.CMFCore.WorkflowCore import WorkflowException
import calendar


class TransitionRefused(WorkflowException):
    """A transition the content is not ready for; the message says why."""


def check_transition(obj, event):
    """Refuse a transition whose conditions the content does not meet."""
    if event.transition is None:
        return
    comment = (event.kwargs or {}).get("comment", "") or ""
    reason = refusal(obj, event.transition.id, comment)
    if reason:
        raise TransitionRefused(reason)


def add_months(day, months):
    """``day`` moved on by ``months`` calendar months (end of month kept in range)."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def start_new_cycle(obj, event):
    """``new_cycle``: the evaluation of the finished cycle goes into the cycle history
    and the field is emptied, the cycle counts up and the next review moves on one
    interval."""
    if event.transition is None or event.transition.id != NEW_CYCLE:
        return
    close_cycle(obj, clock.today())
    obj.cycle = (getattr(obj, "cycle", None) or 1) + 1
    interval = getattr(obj, "interval_months", None) or 12
    current = getattr(obj, "next_review", None) or clock.today()
    obj.next_review = add_months(current, interval)
    obj.reindexObject(idxs=["next_review"])
