"""POST {library}/@audit-access: grant audit access to a user, or invite one by e-mail."""

from bibqual.audit.grants import grant
from bibqual.audit.invite import invite
from bibqual.services.base import BibqualService


class AuditAccessPost(BibqualService):
    """Give a user the Auditor role on this library up to and including ``until``.

    Permission: bibqual: Manage audit access. ``{"user": ID, "until": DATE}`` grants an
    existing user (the exact user id); ``{"email": ..., "fullname": ..., "until": DATE}``
    invites: the user with that e-mail address gets the grant, or a new account is made
    and mailed a set-password link (``invited`` says which). 201 with the grant; 400 with a
    message for an unknown user, a bad address, a malformed date or a date in the past.
    A second POST for the same user changes the end date.
    """

    writes = True

    def answer(self):
        data = self.json_body()
        if "email" in data:
            result = invite(
                self.context, data.get("email"), data.get("fullname"), data.get("until")
            )
        else:
            result = grant(self.context, data.get("user"), data.get("until"))
        self.request.response.setStatus(201)
        return result
