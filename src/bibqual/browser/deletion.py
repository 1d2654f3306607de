"""The delete confirmation of a bibqual container says what happens to its evidence."""

from bibqual.content.deletion import REFUSED
from bibqual.content.deletion import WARNING
from bibqual.content.deletion import kept_evidence
from bibqual.content.deletion import may_not_delete
from html import escape
from plone.app.linkintegrity.browser.info import DeleteConfirmationInfo
from zope.i18n import translate


class EvidenceDeleteConfirmationInfo(DeleteConfirmationInfo):
    """Plone's link-integrity notes, preceded by a note on released evidence.

    Permission: Delete objects (as the confirmation it belongs to). Staff read
    that they cannot delete the item; the coordinator reads that the evidence
    goes with it.
    """

    def __call__(self, items=None):
        note = self.evidence_note()
        return note + super().__call__(items)

    def evidence_note(self):
        kept = kept_evidence(self.context)  # one walk for both notes
        if not kept:
            return ""
        blocked = may_not_delete(kept)
        message, kind = (REFUSED, "danger") if blocked else (WARNING, "warning")
        count = len(blocked or kept)
        text = translate(message, mapping={"count": count}, context=self.request)
        return (
            f'<div class="alert alert-{kind} bq-evidence-delete-note" role="alert">'
            f"{escape(text)}</div>"
        )
