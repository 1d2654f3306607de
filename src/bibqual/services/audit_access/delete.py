"""DELETE {library}/@audit-access {"user": ID} (or {"group": ID}): end audit access now."""

from bibqual import _
from bibqual.audit.access import end_access
from bibqual.audit.grants import GrantError
from bibqual.services.base import BibqualService


class AuditAccessDelete(BibqualService):
    """End a user's or group's audit access to this library at once: a running grant ends
    (and stays in the history), an Auditor role from the sharing tab is taken away.

    Permission: bibqual: Manage audit access (and Change local roles where a sharing-tab
    role was given above the library). 204 when ended; 404 when the principal had no
    access here; 400 without a user; 403 for a role given above that the caller may not
    change.
    """

    writes = True

    def answer(self):
        data = self.json_body()
        form = self.request.form
        user = data.get("user") or data.get("group") or form.get("user") or form.get("group")
        if not user or not isinstance(user, str):
            raise GrantError(_("Give the user id of the auditor."))
        if not end_access(self.context, user):
            raise GrantError(
                _("'${user}' has no audit access here.", mapping={"user": user}), status=404
            )
        return self.reply_no_content()
