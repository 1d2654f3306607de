"""The norm framework a certification round is judged against.

``framework_of(certification)`` is the one place that turns the round's
``framework`` token into a ``frameworks.model.Framework``. Today it reads the
frameworks bibqual ships; when site-added frameworks land in the settings, only
``_frameworks`` changes.
"""

from bibqual.frameworks.store import shipped_frameworks
from bibqual.ids import CERTIFICATION
from bibqual.utils import _find


def _frameworks():
    """``{token: Framework}`` of every framework a round may name."""
    return shipped_frameworks()


def framework_by_token(token):
    """The framework ``token``, or ``None`` when no such framework exists."""
    return _frameworks().get(token) if token else None


def framework_of(certification):
    """The framework of ``certification`` (a Certification), or ``None``."""
    return framework_by_token(getattr(certification, "framework", None))


def round_of(context):
    """The Certification that holds ``context`` (or is it), else ``None``; also for an
    item plone.restapi is still creating (see ``utils._find``)."""
    return _find(context, CERTIFICATION)
