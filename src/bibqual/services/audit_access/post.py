"""POST {library}/@audit-access {"user": ID, "until": DATE}: grant audit access."""

from bibqual.audit.grants import GrantError
from bibqual.audit.grants import grant
from bibqual.services.audit_access.base import AuditAccessService
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class AuditAccessPost(AuditAccessService):
    """Give a user the Auditor role on this library up to and including ``until``.

    Permission: bibqual: Manage audit access. 201 with the grant; 400 with a
    message for an unknown user, a malformed date or a date in the past. A
    second POST for the same user changes the end date.
    """

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            data = self.body()
            result = grant(self.context, data.get("user"), data.get("until"))
        except GrantError as error:
            return self.bad_request(error)
        self.request.response.setStatus(201)
        return result
