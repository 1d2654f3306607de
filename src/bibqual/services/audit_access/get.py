"""GET {library}/@audit-access: everyone who can audit the library, and past grants."""

from bibqual.audit.access import auditors
from bibqual.services.base import BibqualService


class AuditAccessGet(BibqualService):
    """Who may audit this library until when: running grants, permanent Auditor roles
    from the sharing tab (users and groups, also inherited from above) and past grants.

    Permission: bibqual: Manage audit access (quality coordinator and up).
    Returns ``{"@id": ..., "items": [{"kind", "type", "user", "fullname", "until",
    "active", "members", ...}]}`` (see ``audit.access.auditors``). Reads only.
    """

    def answer(self):
        return {
            "@id": f"{self.context.absolute_url()}/@audit-access",
            "items": auditors(self.context),
        }
