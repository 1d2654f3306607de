"""File downloads of bibqual content with ``X-Content-Type-Options: nosniff``.

plone.namedfile's ``@@download`` and ``@@display-file`` serve an evidence file
with the type it was uploaded with, and SVG, HTML and other types that are not
safe inline as an attachment. They do not forbid content sniffing, so a browser
could still render HTML bytes uploaded as ``text/plain`` or as an image. These
views, registered for bibqual content on the bibqual browser layer, behave the
same and add ``nosniff``.

An HTML file is also kept away from Plone's output transforms: they rewrite
``text/html`` answers, and the CSRF protection would write the downloader's
token into the file's forms (a leak to whoever made the file) and spoil the
checksum the audit dossier lists. Other types pass the transforms as before.
Permission: View, as plone.namedfile's views.
"""

from plone.namedfile.browser import DisplayFile
from plone.namedfile.browser import Download
from plone.protect.auto import X_FRAME_OPTIONS
from plone.transformchain.interfaces import DISABLE_TRANSFORM_REQUEST_KEY


class _AsStored:
    """Mixin of the download views: the stored bytes, never sniffed."""

    def set_headers(self, file):
        super().set_headers(file)
        response = self.request.response
        response.setHeader("X-Content-Type-Options", "nosniff")
        if (response.getHeader("Content-Type") or "").lower().startswith("text/html"):
            self.request.environ[DISABLE_TRANSFORM_REQUEST_KEY] = True
            # What plone.protect's transform would have added.
            if X_FRAME_OPTIONS and not response.getHeader("X-Frame-Options"):
                response.setHeader("X-Frame-Options", X_FRAME_OPTIONS)


class NosniffDownload(_AsStored, Download):
    """``@@download/<field>[/<filename>]``: the file as an attachment."""


class NosniffDisplayFile(_AsStored, DisplayFile):
    """``@@display-file/<field>[/<filename>]``: safe types inline, others as an
    attachment (plone.namedfile's rule)."""
