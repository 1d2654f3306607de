"""Interfaces of bibqual: the browser layer.

The settings schema lives next to its control panel (``controlpanels/schema.py``);
``IBibqualSettings`` stays importable here because registry records of sites made
before 1003 name it by this dotted path.
"""

from bibqual.controlpanels.schema import IBibqualSettings  # noqa: F401
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IBibqualLayer(IDefaultBrowserLayer):
    """Marker interface for the browser layer of bibqual."""
