"""The one error type of bibqual's operations: a message for the user and an HTTP status.

Operations (copy, rollover, grants, partner exchanges) raise a subclass of
``BibqualError``; the REST services answer it in plone.restapi's error shape
(``services.base``) and the Classic views show its message. This module is a
leaf: it imports nothing of bibqual.
"""

KINDS = {
    400: "BadRequest",
    403: "Forbidden",
    404: "NotFound",
    502: "BadGateway",
    503: "ServiceUnavailable",
    504: "GatewayTimeout",
}


class BibqualError(Exception):
    """A request bibqual refuses.

    ``args[0]`` is the message (a translatable message id), ``status`` the HTTP
    status to answer with (400 unless the subclass or the caller says otherwise).
    """

    status = 400

    def __init__(self, message, status=None):
        super().__init__(message)
        if status is not None:
            self.status = status

    @property
    def message(self):
        return self.args[0]

    @property
    def kind(self):
        """The ``type`` of plone.restapi's error answer."""
        return KINDS.get(self.status, "BadRequest")
