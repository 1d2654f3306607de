"""The norm framework a certification round is judged against.

``framework_of(certification)`` is the one place that turns the round's
``framework`` token into a ``frameworks.model.Framework``: one of the site's
frameworks (``frameworks.site.site_frameworks``: the shipped files and the
administrator's), with the elements the site works with (an optional module's
elements only when the module is switched on, ``frameworks.site.working_elements``).
"""

from bibqual.frameworks.site import site_frameworks
from bibqual.frameworks.site import working_elements
from bibqual.ids import CERTIFICATION
from bibqual.utils import _find
from dataclasses import replace


def framework_by_token(token):
    """The site's framework ``token`` with its working elements, or ``None`` when the
    site has no such framework."""
    framework = site_frameworks().get(token) if token else None
    if framework is None:
        return None
    return replace(framework, elements=working_elements(framework))


def framework_of(certification):
    """The framework of ``certification`` (a Certification), or ``None``."""
    return framework_by_token(getattr(certification, "framework", None))


def round_of(context):
    """The Certification that holds ``context`` (or is it), else ``None``; also for an
    item plone.restapi is still creating (see ``utils._find``)."""
    return _find(context, CERTIFICATION)
