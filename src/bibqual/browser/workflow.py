"""Classic UI: a refused transition shows its reason instead of an error page."""

from bibqual.workflows.subscribers import TransitionRefused
from plone.app.content.browser.content_status_modify import ContentStatusModifyView
from Products.statusmessages.interfaces import IStatusMessage
import transaction


class BibqualContentStatusModifyView(ContentStatusModifyView):
    """``content_status_modify`` for bibqual content (the toolbar's state menu).

    Who: anyone who may view the item; DCWorkflow's guards decide who may take
    which step. A step the content is not ready for is undone and its reason
    shown as an error message on the item.
    """

    def __call__(self, workflow_action=None, comment="", **kwargs):
        try:
            return super().__call__(workflow_action=workflow_action, comment=comment, **kwargs)
        except TransitionRefused as refused:
            transaction.doom()
            IStatusMessage(self.request).add(str(refused), type="error")
            return self.request.response.redirect(self.context.absolute_url())
