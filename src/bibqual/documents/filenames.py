"""The one rule for the name of a file bibqual hands out.

Dutch, lower case, ASCII, words joined by hyphens: what the document is, the
library, the year or the date, e.g. ``jaarverslag-bibliotheek-oost-2026.docx`` or
``auditdossier-bibliotheek-oost-2026-11-28.zip``.
"""

from plone.i18n.normalizer.interfaces import IIDNormalizer
from zope.component import getUtility


def download_name(*parts, extension):
    """``parts`` (strings, numbers or dates; empty ones left out) as one file name
    ending in ``.extension``."""
    normalizer = getUtility(IIDNormalizer)
    words = [
        normalizer.normalize(str(part), max_length=60) for part in parts if part not in (None, "")
    ]
    stem = "-".join(word for word in words if word) or "bibqual"
    return f"{stem}.{extension}"


def content_disposition(filename):
    """The ``Content-Disposition`` header that offers ``filename`` as a download."""
    return f'attachment; filename="{filename}"'
