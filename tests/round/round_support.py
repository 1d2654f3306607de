"""Helpers of the certification round tests (the fixtures are in ``conftest.py``)."""

from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest
import lxml.html


def page(browser):
    """The browser's page as an lxml tree."""
    return lxml.html.fromstring(browser.contents)


def text(element):
    return " ".join(element.text_content().split())


def rows_for(framework, scores):
    """Score rows for the first aspects of ``framework``, one per score in ``scores``."""
    keys = [(e.token, a.token) for e in framework.elements for a in e.aspects]
    return [
        {"element": element, "aspect": aspect, "score": score}
        for (element, aspect), score in zip(keys, scores, strict=False)
    ]


def new_request():
    """Forget the local-role checks this request cached (borg.localrole), as the
    user's next request would: a grant ending shows on the next page."""
    annotations = IAnnotations(getRequest())
    for key in [k for k in annotations if str(k).startswith("borg.localrole")]:
        del annotations[key]
