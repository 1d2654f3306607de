""" "Mijn bibliotheek": a user's libraries, projects and waiting steps; where login lands."""

from AccessControl import getSecurityManager
from bibqual import _
from bibqual.audit.overview import is_auditor_only
from bibqual.browser.base import BibqualView
from bibqual.permissions import REVIEW_CONTENT
from bibqual.reports import waiting as w
from bibqual.reports.mine import my_libraries
from bibqual.reports.mine import my_open_projects
from plone import api
from plone.base.interfaces.login import IRedirectAfterLogin
from plone.memoize.view import memoize
from urllib.parse import urlsplit
from zope.interface import implementer


# What the coordinator is expected to do with a waiting item (as on the dashboard).
WAITING_ACTIONS = {w.COMPLETE: _("Complete"), w.RELEASE: _("Release"), w.ADOPT: _("Adopt")}


class MyLibraryView(BibqualView):
    """``@@my-library`` on the site root, for logged-in users (anonymous users get
    the login form): the user's own libraries (``reports.mine``), the running
    projects they are responsible for, and per library what waits for them to
    complete, release or adopt (only where they may take those steps). Everything
    comes from the catalog as the user may see it."""

    def __call__(self):
        if api.user.is_anonymous():
            return self.request.response.redirect(
                f"{api.portal.get().absolute_url()}/login?came_from=@@my-library"
            )
        return self.index()

    @memoize
    def libraries(self):
        """``[{url, title, description, waiting}]`` of the user's own libraries;
        ``waiting`` is ``[{url, title, action}]`` or ``None`` when the user may not
        take those steps there ("Review portal content")."""
        user = getSecurityManager().getUser()
        found = []
        for brain in my_libraries(user, api.portal.get_tool("portal_catalog")):
            library = brain.getObject()  # woken already by my_libraries
            found.append(
                {
                    "url": brain.getURL(),
                    "title": brain.Title,
                    "description": brain.Description or "",
                    "waiting": self._waiting(library),
                }
            )
        return found

    def _waiting(self, library):
        if not self.can(REVIEW_CONTENT, library):
            return None
        return [
            {
                "url": step.brain.getURL(),
                "title": step.brain.Title,
                "action": self.tr(WAITING_ACTIONS[step.kind]),
            }
            for step in w.library_waiting(library)
        ]

    @memoize
    def projects(self):
        """``[{url, title, state}]`` of the running projects the user is responsible for."""
        user = getSecurityManager().getUser()
        return [
            {
                "url": brain.getURL(),
                "title": brain.Title,
                "state": brain.review_state,
                "state_title": self.state_title(brain.review_state),
            }
            for brain in my_open_projects(user, api.portal.get_tool("portal_catalog"))
        ]


@implementer(IRedirectAfterLogin)
class RedirectAfterLogin:
    """Where Plone's login form sends a user who came without a destination (no
    ``came_from``, or the site root): a user who only audits to ``@@audit-overview``,
    a user with one library of their own to its dashboard, a user with more to
    ``@@my-library``; everyone else (the host site's own users) where Plone sends
    them. A link to a particular page is always honoured."""

    def __init__(self, context, request):
        self.context = context
        self.request = request

    def __call__(self, came_from=None, is_initial_login=False):
        portal_url = api.portal.get().absolute_url()
        if came_from and _path(came_from) != _path(portal_url):
            return came_from
        if is_auditor_only():
            return f"{portal_url}/@@audit-overview"
        user = getSecurityManager().getUser()
        libraries = my_libraries(user, api.portal.get_tool("portal_catalog"))
        if len(libraries) == 1:
            return libraries[0].getURL()
        if libraries:
            return f"{portal_url}/@@my-library"
        return came_from


def _path(url):
    path = urlsplit(url).path.rstrip("/")
    for suffix in ("/login", "/login_form", "/@@login", "/view"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
    return path
