"""1003: the evaluation of an assurance project's cycle is a field (``evaluation``).

Up to 1002 the evaluation was the comment of the ``adjust`` step. A project that is
in ``act`` now (adjusted, its next cycle not started) gets that comment as its
evaluation, so ``new_cycle`` keeps it in the cycle history. Nothing else changes:
earlier cycles keep their evaluations in the workflow history, where the cycle
history reads them (``content.assuranceproject.cycle_history``).
"""

from bibqual.content.assuranceproject import split_cycles
from bibqual.ids import ASSURANCE_PROJECT
from bibqual.workflows.ids import ACT
from bibqual.workflows.ids import ADJUST
from bibqual.workflows.ids import ASSURANCE_WORKFLOW
from plone import api
import logging


logger = logging.getLogger("bibqual.upgrades")


def adjust_comment(obj):
    """The comment of the last ``adjust`` step of the running cycle, or ``""``."""
    entries = getattr(obj, "workflow_history", {}).get(ASSURANCE_WORKFLOW, ())
    _closed, current = split_cycles(entries)
    comments = [entry.get("comments") for entry in current if entry.get("action") == ADJUST]
    return (comments[-1] or "") if comments else ""


def move_evaluations(context):
    """Fill the empty ``evaluation`` of every assurance project in ``act`` with the
    comment of its last ``adjust``; returns the number of projects filled."""
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=ASSURANCE_PROJECT):
        obj = brain._unrestrictedGetObject()
        if api.content.get_state(obj, default=None) != ACT:
            continue
        if (getattr(obj, "evaluation", None) or "").strip():
            continue
        comment = adjust_comment(obj).strip()
        if comment:
            obj.evaluation = comment
            count += 1
    logger.info("bibqual 1003: evaluation of %s assurance projects taken from adjust", count)
    return count
