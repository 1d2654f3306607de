"""Classic UI: a refused transition shows its reason instead of an error page; the
project pages' step box saves the evaluation with the step and keeps what was typed."""

from bibqual import _
from bibqual.browser.steps import STEP_ERROR
from bibqual.browser.steps import STEP_FORM
from bibqual.errors import BibqualError
from bibqual.permissions import MODIFY_CONTENT
from bibqual.workflows.ids import CANCEL
from bibqual.workflows.subscribers import TransitionRefused
from plone import api
from plone.app.content.browser.content_status_modify import ContentStatusModifyView
from plone.dexterity.utils import iterSchemata
from plone.protect import CheckAuthenticator
from Products.statusmessages.interfaces import IStatusMessage
from zope.event import notify
from zope.i18n import translate
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent
from zope.schema import ValidationError
import transaction


_UNSET = object()


def evaluation_field(obj):
    """The ``evaluation`` field of ``obj``'s schemata and its schema, or ``(None, None)``."""
    for schema in iterSchemata(obj):
        field = schema.get("evaluation")
        if field is not None:
            return schema, field
    return None, None


def save_evaluation(obj, request):
    """Store the evaluation typed in the step box (shown when a next step reads it,
    ``guards.EVALUATION_STEPS``; stored with whichever step the user takes, so nothing typed
    is dropped) when the user may edit ``obj``; the field's own limits apply.
    Returns the former value, or ``_UNSET`` when nothing was stored; raises
    ``BibqualError`` for a text the field refuses."""
    if "evaluation" not in request.form:
        return _UNSET
    if not api.user.has_permission(MODIFY_CONTENT, obj=obj):
        return _UNSET
    schema, field = evaluation_field(obj)
    if field is None:
        return _UNSET
    value = request.form["evaluation"].replace("\r\n", "\n").strip() or None
    try:
        field.validate(value)
    except ValidationError as error:
        raise BibqualError(error.doc()) from error
    former = getattr(obj, "evaluation", None)
    if value != former:
        obj.evaluation = value
        notify(ObjectModifiedEvent(obj, Attributes(schema, "evaluation")))
    return former


class BibqualContentStatusModifyView(ContentStatusModifyView):
    """``content_status_modify`` for bibqual content (the toolbar's state menu and the
    project pages' step box).

    Who: anyone who may view the item; DCWorkflow's guards decide who may take
    which step. A step the content is not ready for is undone and its reason
    shown: as an error message on the item, or, from the step box (``STEP_FORM``),
    on the page shown again with the typed comment and evaluation kept. The step
    box also stores the evaluation (Modify portal content) before the step.
    """

    def __call__(self, workflow_action=None, comment="", **kwargs):
        if STEP_FORM not in self.request.form:
            try:
                return super().__call__(workflow_action=workflow_action, comment=comment, **kwargs)
            except TransitionRefused as refused:
                transaction.doom()
                IStatusMessage(self.request).add(str(refused), type="error")
                return self.request.response.redirect(self.context.absolute_url())
        return self.step(workflow_action, comment, **kwargs)

    def step(self, workflow_action, comment, **kwargs):
        """The step box's post: evaluation, confirmation of stopping, the step."""
        CheckAuthenticator(self.request)
        former = _UNSET
        try:
            if workflow_action == CANCEL and not self.request.form.get("confirm"):
                raise BibqualError(_("Confirm that you want to stop the project."))
            former = save_evaluation(self.context, self.request)
            return super().__call__(workflow_action=workflow_action, comment=comment, **kwargs)
        except (TransitionRefused, BibqualError) as refused:
            if former is not _UNSET:
                self.context.evaluation = former
            transaction.doom()
            message = refused.message if isinstance(refused, BibqualError) else refused.args[0]
            return self.refused(workflow_action, translate(message, context=self.request))

    def refused(self, workflow_action, message):
        """The item's page again, with the refusal above the step box."""
        self.request.set(STEP_ERROR, {"transition": workflow_action, "message": message})
        page = self.context.restrictedTraverse("@@" + self.context.getLayout())
        return page()
