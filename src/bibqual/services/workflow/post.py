"""POST {item}/@workflow/{transition} on bibqual content, with clear refusals."""

from AccessControl import getSecurityManager
from bibqual import _
from bibqual.errors import BibqualError
from bibqual.services.base import ErrorAnswers
from plone.restapi.deserializer import json_body
from plone.restapi.services.workflow.transition import WorkflowTransition
import transaction


class WorkflowRefusal(BibqualError):
    """A refused step; typed as plone.restapi's own @workflow errors are."""

    @property
    def kind(self):
        return "Forbidden" if self.status == 403 else "WorkflowException"


class BibqualWorkflowTransition(ErrorAnswers, WorkflowTransition):
    """Run a PDCA / plan / evidence transition.

    Anyone who may view the item may call it. Answers 403 when the user's role
    may not take this step (e.g. staff completing a project, an auditor
    anything), 400 with the reason when the step does not exist from the
    current state or the content is not ready (e.g. ``start`` without a
    deadline, or a comment over ``validation.MAX_COMMENT_LENGTH``), else
    plone.restapi's usual answer. Nothing is stored on a refusal.
    """

    def reply(self):
        refusal = (self.refusal() or self.comment_refusal()) if self.transition else None
        if refusal is not None:
            status, message = refusal
            return self.error(WorkflowRefusal(message, status))
        result = super().reply()
        if self.request.response.getStatus() >= 400:
            transaction.doom()
        return result

    def comment_refusal(self):
        """``(400, message)`` when the comment is not text, else ``None``.

        Its length is a readiness rule (``workflows.guards``), for every channel.
        """
        data = json_body(self.request)
        comment = data.get("comment", "") if isinstance(data, dict) else ""
        if comment is not None and not isinstance(comment, str):
            return 400, _("comment must be text.")
        return None

    def refusal(self):
        """``(status, message)`` when the transition cannot be taken, else ``None``."""
        workflows = self.wftool.getWorkflowsFor(self.context)
        if not workflows:
            return None
        workflow = workflows[0]
        state_id = workflow._getWorkflowStateOf(self.context, id_only=True)
        state = workflow.states.get(state_id)
        transition = workflow.transitions.get(self.transition)
        if transition is None or state is None or self.transition not in state.transitions:
            possible = ", ".join(state.transitions) if state is not None else ""
            return 400, _(
                "'${transition}' is not possible from the state '${state}'. Possible: ${possible}.",
                mapping={
                    "transition": self.transition,
                    "state": state_id,
                    "possible": possible or "-",
                },
            )
        guard = transition.guard
        if guard is not None and not guard.check(getSecurityManager(), workflow, self.context):
            return 403, _(
                "You may not take the step '${transition}' here.",
                mapping={"transition": self.transition},
            )
        return None
