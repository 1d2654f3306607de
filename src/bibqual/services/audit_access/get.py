"""GET {library}/@audit-access: the library's time-limited Auditor grants."""

from bibqual.audit.grants import grants
from bibqual.services.base import BibqualService


class AuditAccessGet(BibqualService):
    """Who may audit this library until when (active and expired grants).

    Permission: bibqual: Manage audit access (quality coordinator and up).
    Returns ``{"@id": ..., "items": [{"user", "fullname", "until", "active"}]}``.
    Reads only: nothing is installed or changed.
    """

    def answer(self):
        return {
            "@id": f"{self.context.absolute_url()}/@audit-access",
            "items": grants(self.context),
        }
