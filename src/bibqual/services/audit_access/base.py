"""Shared parts of the @audit-access services."""

from bibqual.audit.grants import GrantError
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zope.i18n import translate
import transaction


class AuditAccessService(Service):
    """Base: JSON body reading and 400 answers with a translated message."""

    def body(self):
        try:
            data = json_body(self.request)
        except Exception:
            data = None
        if not isinstance(data, dict):
            raise GrantError("The body must be a JSON object.")
        return data

    def bad_request(self, error, status=400):
        transaction.doom()
        self.request.response.setStatus(status)
        message = error.args[0] if isinstance(error, Exception) else error
        return {
            "error": {"type": "BadRequest", "message": translate(message, context=self.request)}
        }
