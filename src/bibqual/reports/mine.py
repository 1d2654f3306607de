"""The libraries that are a user's own ("Mijn bibliotheek"), their open projects.

A library is the user's own when the user may see it and holds a local role
there beyond their site-wide roles: on the sharing tab (for them or a group of
theirs, on the library or above it), as its owner, or through a running
time-limited audit grant (membership of the library's auditor group, which holds
the Auditor role on it). A catalog query by ``allowedRolesAndUsers`` alone is not
enough (a site-wide Reader sees every library), so each library the catalog
returns is woken to ask the user's roles there; there are few libraries on a site.

The user menu (``browser/menu.py``), ``@@my-library`` and the login redirect
(``browser/my_library.py``) share this one rule.
"""

from AccessControl import Unauthorized
from bibqual.ids import LIBRARY
from bibqual.ids import SMART_PROJECT
from bibqual.workflows import ids as w


# Roles every user has somewhere; they make no library anyone's own.
EVERYONE = frozenset(("Anonymous", "Authenticated"))


def principals(user):
    """The user's id and their groups (Zope's own users have no groups)."""
    groups = getattr(user, "getGroups", None)
    return (user.getId(), *(groups() if groups is not None else ()))


def holds_local_role(user, obj):
    """Whether ``user`` has a role on ``obj`` beyond their site-wide roles."""
    roles = set(user.getRolesInContext(obj)) - set(user.getRoles()) - EVERYONE
    return bool(roles)


def own_libraries(user, brains, wake):
    """The brains among ``brains`` (of libraries) that are ``user``'s own; ``wake``
    turns a brain into its object (``getObject`` for what the user may see,
    ``_unrestrictedGetObject`` for the menu's cached answer). A brain the catalog
    holds for a removed object is left out: a page must not fail on it."""
    found = []
    for brain in brains:
        try:
            library = wake(brain)
        except (KeyError, AttributeError, Unauthorized):
            continue
        if holds_local_role(user, library):
            found.append(brain)
    return found


def my_libraries(user, catalog):
    """``[brain]`` of the libraries ``user`` (the current user) may see and that
    are their own, by title. Anyone logged in may call it."""
    brains = catalog.searchResults(portal_type=LIBRARY, sort_on="sortable_title")
    return own_libraries(user, brains, lambda brain: brain.getObject())


def has_library_somewhere(user, catalog):
    """Whether ``user`` has a library of their own, without waking more than the
    libraries on which one of their principals holds a local role (those list
    ``user:<principal>`` in ``allowedRolesAndUsers``). For the menu's condition."""
    candidates = catalog.unrestrictedSearchResults(
        portal_type=LIBRARY,
        allowedRolesAndUsers=[f"user:{principal}" for principal in principals(user)],
    )
    return bool(own_libraries(user, candidates, lambda brain: brain._unrestrictedGetObject()))


def my_open_projects(user, catalog):
    """``[brain]`` of the running SMART projects the current ``user`` is responsible
    for and may see, by title."""
    return catalog.searchResults(
        portal_type=SMART_PROJECT,
        responsible=user.getId(),
        review_state=w.OPEN_PROJECT_STATES,
        sort_on="sortable_title",
    )
