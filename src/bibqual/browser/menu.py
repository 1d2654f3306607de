"""Whether "My audits" and "My library" belong in the current user's menu.

The user action ``bibqual-audit-overview`` asks ``@@my-audits-available`` on
every page a logged-in user sees, so the answer must be cheap for the many
users who audit nothing:

- the user's principals (their id and their groups, which PAS has already
  worked out for this request; a running time-limited grant shows up here as
  membership of the library's auditor group, an ended one does not);
- one catalog query for the libraries on which one of these principals holds a
  local role (``allowedRolesAndUsers`` lists ``user:<principal>`` for them);
- only those few libraries are asked whether that role is Auditor.

The answer is kept in memory until the user's principals or roles change, the
catalog changes (giving or taking a local role reindexes the item's security) or
anything is committed, so most pages cost a few attribute look-ups.

"My library" (``@@my-library-available``) shows for users with a library of
their own (``reports.mine``: a local role there, also through a running grant),
found the same way and kept in memory with the same key.

This decides what the menu shows, not who may see what: ``@@audit-overview``
stays reachable for everyone logged in and lists only what the catalog lets the
user see.
"""

from AccessControl import getSecurityManager
from bibqual.ids import AUDITOR_ROLE
from bibqual.ids import LIBRARY
from bibqual.reports.mine import has_library_somewhere
from bibqual.reports.mine import principals as _principals
from plone.memoize import ram
from plone.memoize.view import memoize_contextless
from Products.CMFCore.utils import getToolByName
from Products.Five.browser import BrowserView


def _answer_key(func, user, catalog):
    """What the answer depends on: the site's catalog (its change counter, and the
    last commit, so that no state is ever taken for another), the user's principals
    and global roles."""
    return (
        "/".join(catalog.getPhysicalPath()),
        catalog.getCounter(),
        catalog._p_jar.db().lastTransaction(),
        tuple(sorted(_principals(user))),
        tuple(sorted(user.getRoles())),
    )


@ram.cache(_answer_key)
def audits_somewhere(user, catalog):
    """True when ``user`` holds the Auditor role on some library: site-wide, on
    the library or above it (sharing tab), through a group or through a running
    time-limited grant. ``catalog`` is the site's ``portal_catalog``."""
    if AUDITOR_ROLE in user.getRoles():
        return True
    candidates = catalog.unrestrictedSearchResults(
        portal_type=LIBRARY,
        allowedRolesAndUsers=[f"user:{principal}" for principal in _principals(user)],
    )
    for brain in candidates:
        try:
            library = brain._unrestrictedGetObject()
        except (KeyError, AttributeError):
            continue  # catalog out of step with the content: this page must not fail
        if AUDITOR_ROLE in user.getRolesInContext(library):
            return True
    return False


class MyAuditsAvailable(BrowserView):
    """``@@my-audits-available`` on the site root: True when the current user
    audits some library (the condition of the "My audits" user action). For
    anonymous users False. Answered once per request."""

    @memoize_contextless
    def __call__(self):
        # the tools from the context, not plone.api: this runs on every page
        if getToolByName(self.context, "portal_membership").isAnonymousUser():
            return False
        return audits_somewhere(
            getSecurityManager().getUser(), getToolByName(self.context, "portal_catalog")
        )


@ram.cache(_answer_key)
def library_somewhere(user, catalog):
    """True when ``user`` has a library of their own (``reports.mine``)."""
    return has_library_somewhere(user, catalog)


class MyLibraryAvailable(BrowserView):
    """``@@my-library-available`` on the site root: True when the current user has
    a library of their own (the condition of the "My library" user action). For
    anonymous users False. Answered once per request."""

    @memoize_contextless
    def __call__(self):
        if getToolByName(self.context, "portal_membership").isAnonymousUser():
            return False
        return library_somewhere(
            getSecurityManager().getUser(), getToolByName(self.context, "portal_catalog")
        )
