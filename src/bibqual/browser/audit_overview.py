"""The auditor's landing page and the redirect to it after login."""

from AccessControl import Unauthorized
from bibqual import clock
from bibqual.audit.plugin import PLUGIN_ID
from bibqual.browser.base import BibqualView
from bibqual.ids import AUDITOR_ROLE
from bibqual.ids import LIBRARY
from bibqual.ids import YEAR_PLAN
from bibqual.reports import queries
from bibqual.workflows.ids import ADOPTED
from bibqual.workflows.ids import CLOSED
from plone import api
from plone.base.interfaces.login import IRedirectAfterLogin
from plone.memoize.view import memoize
from plone.uuid.interfaces import IUUID
from urllib.parse import urlsplit
from zope.interface import implementer


# Roles that do the library's own work: users holding one of them are staff, not auditors.
WORKING_ROLES = frozenset(
    ("Editor", "Contributor", "Reviewer", "Manager", "Site Administrator", "Owner")
)


def auditable_libraries():
    """``[(brain, library)]`` of the libraries the current user is Auditor on.

    Libraries come from the catalog (so only those the user may see, also via a
    time-limited grant); each is woken to ask for the user's roles there.
    """
    return [
        (brain, library)
        for brain, library in _libraries(sort_on="sortable_title")
        if AUDITOR_ROLE in api.user.get_roles(obj=library)
    ]


def _libraries(**query):
    """``(brain, library)`` of every Library the current user may see."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog(portal_type=LIBRARY, **query):
        try:
            yield brain, brain.getObject()
        except (KeyError, AttributeError, Unauthorized):
            continue  # catalog out of step with the content: skip it


def is_auditor_only():
    """True when the current user audits some library and works on none they can see."""
    if api.user.is_anonymous() or set(api.user.get_roles()) & WORKING_ROLES:
        return False  # site-wide staff or managers: no library to wake
    auditor = False
    for _brain, library in _libraries():
        roles = set(api.user.get_roles(obj=library))
        if roles & WORKING_ROLES:
            return False
        auditor = auditor or AUDITOR_ROLE in roles
    return auditor


class AuditOverviewView(BibqualView):
    """``@@audit-overview`` on the site root: the libraries the current user may
    audit, with links to their read-only pages. Logged-in users only; no edit links.
    """

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to see your audits.")
        return self.index()

    @memoize
    def libraries(self):
        user_id = api.user.get_current().getId()
        plugin = api.portal.get().acl_users.get(PLUGIN_ID)
        result = []
        for brain, library in auditable_libraries():
            plans = queries.library_brains(
                library,
                YEAR_PLAN,
                review_state=(ADOPTED, CLOSED),
                sort_on="year",
                sort_order="descending",
            )
            until = plugin.until(user_id, IUUID(library)) if plugin is not None else None
            result.append(
                {
                    "url": brain.getURL(),
                    "title": brain.Title,
                    "description": brain.Description or "",
                    "until": until if until and until >= clock.today() else None,
                    "year_plans": [
                        {
                            "url": plan.getURL(),
                            "title": plan.Title,
                            "year": plan.year,
                            "review_state": plan.review_state,
                        }
                        for plan in plans
                    ],
                }
            )
        return result


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
