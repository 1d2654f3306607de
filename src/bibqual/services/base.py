"""The one error path of bibqual's REST services.

A service subclasses ``BibqualService`` and writes ``answer()``; a ``BibqualError``
raised anywhere below it becomes plone.restapi's error shape
(``{"error": {"type", "message"}}``) with the error's status, the message
translated for the request, and the transaction doomed so nothing is stored.
``json_body()`` reads the request body as a JSON object or refuses it.
"""

from bibqual import _
from bibqual.errors import BibqualError
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides
import transaction


NOT_AN_OBJECT = _("The body must be a JSON object.")


class ErrorAnswers:
    """Mixin for services that cannot subclass ``BibqualService`` (they extend
    one of plone.restapi's): reading the body and answering an error."""

    def json_body(self):
        """The request body as a dict; an empty body is ``{}``."""
        if not (self.request.get("BODY") or b"").strip():
            return {}
        try:
            data = json_body(self.request)
        except Exception:
            data = None
        if not isinstance(data, dict):
            raise BibqualError(NOT_AN_OBJECT)
        return data

    def error(self, error):
        """Doom the transaction and answer ``error`` (a ``BibqualError``)."""
        transaction.doom()
        self.request.response.setStatus(error.status)
        message = translate(error.message, context=self.request)
        return {"error": {"type": error.kind, "message": message}}


class BibqualService(ErrorAnswers, Service):
    """Base of bibqual's services: ``answer()`` returns the JSON, errors are raised.

    Services that change something set ``writes = True``: the CSRF protection
    of plone.protect is then left to plone.restapi's token authentication.
    """

    writes = False

    def reply(self):
        if self.writes:
            alsoProvides(self.request, IDisableCSRFProtection)
        try:
            return self.answer()
        except BibqualError as error:
            return self.error(error)

    def answer(self):
        raise NotImplementedError
