"""Conditions a transition needs, with the reason it is refused.

DCWorkflow's own guards check permissions (who may make a step). What the
content itself must hold before a step is checked here, so the refusal can say
why: ``refusal(obj, transition_id, comment)`` returns the reason, translated
for the current request, or ``None``.

``RULES`` is the one table of these conditions: ``(portal_type, transition id)
-> rule``; a rule is called as ``rule(obj, comment)`` and returns the reason (a
message) or ``None``. A step without a rule only needs a comment that is not
too long.
"""

from bibqual import _
from bibqual.certification.findings import close_refusal
from bibqual.content.indicators import indicator_rows
from bibqual.content.indicators import without_result
from bibqual.ids import ASSURANCE_PROJECT
from bibqual.ids import FINDING
from bibqual.ids import SMART_PROJECT
from bibqual.validation import MAX_COMMENT_LENGTH
from bibqual.validation import too_long
from bibqual.workflows.ids import ADJUST
from bibqual.workflows.ids import CANCEL
from bibqual.workflows.ids import CLOSE
from bibqual.workflows.ids import COMPLETE
from bibqual.workflows.ids import START
from zope.globalrequest import getRequest
from zope.i18n import translate


def _blank(value):
    return not (value or "").strip()


def _tr(message):
    return translate(message, context=getRequest())


def start_refusal(obj, comment=""):
    """A project starts (plan -> do) only with a specific goal, a deadline and a target."""
    missing = []
    if _blank(getattr(obj, "specific", None)):
        missing.append(_("a specific goal"))
    if not getattr(obj, "deadline", None):
        missing.append(_("a deadline"))
    indicators = indicator_rows(getattr(obj, "indicators", None))
    if not any(row["target"] is not None for row in indicators):
        missing.append(_("an indicator with a target"))
    if not missing:
        return None
    return missing


def start_rule(obj, comment=""):
    """``start_refusal`` as one message naming what is missing."""
    missing = start_refusal(obj, comment)
    if not missing:
        return None
    return _(
        "The project cannot start yet: it needs ${missing}.",
        mapping={"missing": ", ".join(_tr(part) for part in missing)},
    )


def adjust_refusal(obj, comment=""):
    """Adjusting (check -> act) needs the evaluation of the Check phase in the item's
    ``evaluation`` field (a comment is optional: Volto's workflow menu sends none)."""
    if not _blank(getattr(obj, "evaluation", None)):
        return None
    if obj.portal_type == ASSURANCE_PROJECT:
        return _("Fill in the evaluation of this cycle before adjusting.")
    return _("Fill in the evaluation (Check) before adjusting the project.")


def complete_refusal(obj, comment=""):
    """A project is completed (act -> done) only with a result (``actual``) for every
    indicator and the evaluation of its Check phase; the refusal names the
    indicators without a result."""
    missing = without_result(getattr(obj, "indicators", None))
    no_evaluation = _blank(getattr(obj, "evaluation", None))
    if missing and no_evaluation:
        return _(
            "The project cannot be completed yet: it needs a result for: ${indicators}; and an evaluation.",  # noqa: E501
            mapping={"indicators": ", ".join(missing)},
        )
    if missing:
        return _(
            "The project cannot be completed yet: it needs a result for: ${indicators}.",
            mapping={"indicators": ", ".join(missing)},
        )
    if no_evaluation:
        return _("The project cannot be completed yet: it needs an evaluation.")
    return None


def cancel_refusal(obj, comment=""):
    """Stopping a project (``cancel``) needs the reason in the comment, from every
    client (the project page, the toolbar, REST), so the history says why."""
    if _blank(comment):
        return _("Stopping a project needs a reason: fill in why the project stops.")
    return None


# The steps whose rule reads the ``evaluation`` field: the project pages' step form
# lets the user type the evaluation when one of these is the next step.
EVALUATION_STEPS = frozenset({ADJUST, COMPLETE})

RULES = {
    (SMART_PROJECT, START): start_rule,
    (SMART_PROJECT, ADJUST): adjust_refusal,
    (SMART_PROJECT, COMPLETE): complete_refusal,
    (SMART_PROJECT, CANCEL): cancel_refusal,
    (ASSURANCE_PROJECT, ADJUST): adjust_refusal,
    (FINDING, CLOSE): close_refusal,
}


def refusal(obj, transition_id, comment=""):
    """The reason ``transition_id`` may not be taken on ``obj`` now, or ``None``."""
    long_comment = too_long("comment", comment or "", MAX_COMMENT_LENGTH)
    if long_comment is not None:
        return _tr(long_comment.doc())
    rule = RULES.get((getattr(obj, "portal_type", None), transition_id))
    reason = rule(obj, comment) if rule is not None else None
    return _tr(reason) if reason else None
