"""The auditor's landing page and the redirect to it after login."""

from bibqual.audit.overview import audit_overview
from bibqual.audit.overview import is_auditor_only
from bibqual.browser.base import BibqualView
from plone import api
from plone.base.interfaces.login import IRedirectAfterLogin
from plone.memoize.view import memoize
from urllib.parse import urlsplit
from zope.interface import implementer


class AuditOverviewView(BibqualView):
    """``@@audit-overview`` on the site root: the libraries the current user may
    audit, with links to their read-only pages. Logged-in users only; no edit links.
    The data is ``audit.overview.audit_overview`` (as ``@audit-overview``).
    """

    def __call__(self):
        self.libraries()  # anonymous users: Unauthorized, so the login form
        return self.index()

    @memoize
    def libraries(self):
        return audit_overview(api.portal.get())["items"]


@implementer(IRedirectAfterLogin)
class AuditorRedirectAfterLogin:
    """After login, send a pure auditor to ``@@audit-overview``.

    Only when the login had no particular destination (no ``came_from``, or the
    site root): a link to a library page is still honoured. Plone's login form
    sets its own redirect after the ``IUserLoggedInEvent``, so this adapter is
    the place to change where it goes.
    """

    def __init__(self, context, request):
        self.context = context
        self.request = request

    def __call__(self, came_from=None, is_initial_login=False):
        portal_url = api.portal.get().absolute_url()
        if came_from and _path(came_from) != _path(portal_url):
            return came_from
        if is_auditor_only():
            return f"{portal_url}/@@audit-overview"
        return came_from


def _path(url):
    path = urlsplit(url).path.rstrip("/")
    for suffix in ("/login", "/login_form", "/@@login", "/view"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
    return path
