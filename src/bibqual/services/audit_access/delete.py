"""DELETE {library}/@audit-access {"user": ID}: end a grant now."""

from bibqual import _
from bibqual.audit.grants import GrantError
from bibqual.audit.grants import revoke
from bibqual.services.base import BibqualService


class AuditAccessDelete(BibqualService):
    """End a user's audit access to this library at once.

    Permission: bibqual: Manage audit access. 204 when ended; 404 when the user
    had no grant here; 400 without a user.
    """

    writes = True

    def answer(self):
        user = self.json_body().get("user") or self.request.form.get("user")
        if not user:
            raise GrantError(_("Give the user id of the auditor."))
        if not revoke(self.context, user):
            raise GrantError(
                _("'${user}' has no audit access here.", mapping={"user": user}), status=404
            )
        return self.reply_no_content()
