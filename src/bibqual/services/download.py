"""The one way bibqual hands out a file: a Word report, the dossier ZIP, a spreadsheet.

A download is a browser view named like a REST service (``@annual-report``), so a
link in a page and a REST client with ``Accept: application/json`` reach the same
view (plone.rest falls back to a view of that name). A subclass writes
``download()`` and returns a ``File`` (``documents.files``, so the document
modules below this layer can build it); a ``BibqualError`` raised there becomes
plone.restapi's JSON error shape with its status, and nothing is stored. The
answer carries the file's Dutch name (``documents.filenames``), its type and
``nosniff``. A ``File`` whose ``body`` is an iterator is streamed: it must not
read the database after the view returns (Zope closes the connection first).
"""

from bibqual.documents.filenames import content_disposition
from bibqual.documents.files import File  # noqa: F401 (re-exported for the views)
from bibqual.errors import BibqualError
from bibqual.services.base import ErrorAnswers
from Products.Five.browser import BrowserView
from zope.interface import implementer
from ZPublisher.Iterators import IUnboundStreamIterator
import json


@implementer(IUnboundStreamIterator)
class Stream:
    """An iterator of bytes that Zope publishes as it goes (no length known)."""

    def __init__(self, chunks):
        self._chunks = iter(chunks)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._chunks)


class DownloadView(ErrorAnswers, BrowserView):
    """Base of bibqual's downloads: ``download()`` returns a ``File``."""

    def __call__(self):
        response = self.request.response
        try:
            file = self.download()
        except BibqualError as error:
            response.setHeader("Content-Type", "application/json")
            return json.dumps(self.error(error))
        response.setHeader("Content-Type", file.content_type)
        response.setHeader("Content-Disposition", content_disposition(file.filename))
        response.setHeader("X-Content-Type-Options", "nosniff")
        response.setHeader("Cache-Control", "private, no-store")
        if isinstance(file.body, bytes):
            response.setHeader("Content-Length", str(len(file.body)))
            return file.body
        return Stream(file.body)

    def download(self):
        raise NotImplementedError
