"""POST {library}/@audit-access {"user": ID, "until": DATE}: grant audit access."""

from bibqual.audit.grants import grant
from bibqual.services.base import BibqualService


class AuditAccessPost(BibqualService):
    """Give a user the Auditor role on this library up to and including ``until``.

    Permission: bibqual: Manage audit access. 201 with the grant; 400 with a
    message for an unknown user, a malformed date or a date in the past. A
    second POST for the same user changes the end date.
    """

    writes = True

    def answer(self):
        data = self.json_body()
        result = grant(self.context, data.get("user"), data.get("until"))
        self.request.response.setStatus(201)
        return result
