"""The auditor's landing page and the redirect to it after login."""

from bibqual.audit.overview import audit_overview
from bibqual.browser.base import BibqualView
from plone import api
from plone.memoize.view import memoize


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
