"""Error answers of the bibqual services: a status, a translated message, nothing stored."""

from zope.i18n import translate
import transaction


def error_reply(request, message, status=400):
    """Set ``status``, doom the transaction and return plone.restapi's error shape."""
    transaction.doom()
    request.response.setStatus(status)
    kind = {403: "Forbidden", 404: "NotFound"}.get(status, "BadRequest")
    return {"error": {"type": kind, "message": translate(message, context=request)}}
