"""The step box of the project pages: the next steps, stopping and resuming a project,
the evaluation typed with the step, and what completing waits for.

One code path for SmartProjects and AssuranceProjects: ``ProjectSteps`` is mixed
into both page views, ``templates/steps.pt`` holds the macro, and the form posts to
``content_status_modify`` (``browser.workflow``), which saves the evaluation, takes
the step and, when the step is refused, shows the page again with the reason
(``STEP_ERROR``) and with what was typed.
"""

from bibqual import _
from bibqual.ids import SMART_PROJECT
from bibqual.reports.waiting import ready_to_complete
from bibqual.workflows.guards import EVALUATION_STEPS
from bibqual.workflows.guards import refusal
from bibqual.workflows.ids import ACT
from bibqual.workflows.ids import CANCEL
from bibqual.workflows.ids import CANCELLED
from bibqual.workflows.ids import COMPLETE
from bibqual.workflows.ids import REOPEN
from plone.memoize.view import memoize
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


STEP_FORM = "bq_step"
"""Form marker of the step box: ``content_status_modify`` then handles the evaluation."""

STEP_ERROR = "bibqual.step_error"
"""Request key of a refused step: ``{transition, message}``."""

# Anchors of the step box's fields (templates/steps.pt)
EVALUATION_FIELD = "bq-step-evaluation"
COMMENT_FIELD = "bq-transition-comment"
REASON_FIELD = "bq-stop-reason"


class ProjectSteps:
    """The step box of ``ProjectView`` and ``AssuranceView`` (mixed into a
    ``WorkflowView``): anyone who may view the page calls it; what it offers is
    what the workflow lets the current user do."""

    step_macros = ViewPageTemplateFile("templates/steps.pt")

    @property
    def steps_macro(self):
        return self.step_macros.macros["steps"]

    def step_title(self, transition_id):
        """The button label: ``reopen`` of a stopped project is "Resume project"."""
        if transition_id == REOPEN and self.review_state() == CANCELLED:
            return self.tr(_("Resume project"))
        return self.transition_title(transition_id)

    @memoize
    def next_steps(self):
        """The steps the user may take now, stopping excepted: ``[{id, title}]``."""
        return [
            {"id": item["id"], "title": self.step_title(item["id"])}
            for item in self.transitions()
            if item["id"] != CANCEL
        ]

    @memoize
    def stop_step(self):
        """``{id, title}`` of stopping the project when the user may, else None."""
        for item in self.transitions():
            if item["id"] == CANCEL:
                return {"id": CANCEL, "title": self.transition_title(CANCEL)}
        return None

    def asks_evaluation(self):
        """Whether the step box shows the evaluation: a next step reads it and the
        user may edit the item."""
        return self.can_edit() and any(step["id"] in EVALUATION_STEPS for step in self.next_steps())

    def posted(self):
        """Whether this page shows the step box's own form after a refusal."""
        return self.request.get(STEP_ERROR) is not None

    def typed_evaluation(self):
        """What the evaluation field shows: the text typed before a refusal, else the
        item's evaluation."""
        if self.posted() and "evaluation" in self.request.form:
            return self.request.form["evaluation"]
        return getattr(self.context, "evaluation", None) or ""

    def typed_comment(self, transition_ids):
        """The comment typed before a refusal of one of ``transition_ids``, else ''."""
        error = self.request.get(STEP_ERROR)
        if error is None or error["transition"] not in transition_ids:
            return ""
        return self.request.form.get("comment", "")

    @memoize
    def step_error(self):
        """The refused step shown above the box: ``{message, href, label, stop}``
        (``href`` leads to the field to fill in), or None."""
        error = self.request.get(STEP_ERROR)
        if error is None:
            return None
        transition = error["transition"]
        evaluation = (self.typed_evaluation() or "").strip()
        if transition == CANCEL:
            href, label = "#" + REASON_FIELD, _("Fill in the reason")
        elif transition in EVALUATION_STEPS and not evaluation and self.asks_evaluation():
            href, label = "#" + EVALUATION_FIELD, _("Fill in the evaluation")
        elif transition == COMPLETE:
            href, label = self.context.absolute_url() + "/edit", _("Edit")
        else:
            href, label = "#" + COMMENT_FIELD, _("Comment")
        return {
            "message": error["message"],
            "href": href,
            "label": self.tr(label),
            "stop": transition == CANCEL,
        }

    @memoize
    def completion(self):
        """For a SmartProject in Act, seen by someone who may edit it: why it cannot be
        completed yet (the guard's refusal), or, when it is ready (the rule of
        ``reports.waiting``) and the user may not complete it, that it waits for the
        quality coordinator. ``{kind: "reason"|"waiting", text}`` or None."""
        context = self.context
        if context.portal_type != SMART_PROJECT or self.review_state() != ACT:
            return None
        if not self.can_edit():
            return None
        reason = refusal(context, COMPLETE)
        if reason:
            return {"kind": "reason", "text": reason}
        may_complete = any(item["id"] == COMPLETE for item in self.transitions())
        if ready_to_complete(context) and not may_complete:
            return {
                "kind": "waiting",
                "text": self.tr(_("Waiting for the quality coordinator: complete")),
            }
        return None
