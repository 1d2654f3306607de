"""Everyone who can audit a library, and ending each one's access.

Two ways lead to the Auditor role on a library: a time-limited grant (``grants``) and a
permanent local role from the sharing tab, given to a user or a group on the library or
on a folder above it (inherited unless the library blocks inheritance). ``auditors``
lists both, ``end_access`` ends both for one user or group.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from bibqual import _
from bibqual.audit import grants as grant_store
from bibqual.audit.grants import GrantError
from bibqual.audit.plugin import PLUGIN_ID
from bibqual.ids import AUDITOR_ROLE
from plone import api
from Products.CMFCore.interfaces import ISiteRoot


CHANGE_LOCAL_ROLES = "Change local roles"


def _chain(library):
    """The library and the folders above it whose local roles it inherits."""
    obj = aq_inner(library)
    while obj is not None:
        yield obj
        if getattr(obj, "__ac_local_roles_block__", False) or ISiteRoot.providedBy(obj):
            return
        obj = aq_parent(obj)


def _grant_groups():
    """The auditor groups of the grants plugin (their members are listed as grants)."""
    plugin = api.portal.get().acl_users.get(PLUGIN_ID)
    return set(plugin.getGroupIds()) if plugin is not None else set()


def _holders(library):
    """``{principal id: [object, ...]}``: who holds the Auditor role from the sharing tab,
    and on which of the library and the folders above it."""
    skip = _grant_groups()
    found = {}
    for obj in _chain(library):
        for principal, roles in (getattr(obj, "__ac_local_roles__", None) or {}).items():
            if AUDITOR_ROLE in roles and principal not in skip:
                found.setdefault(principal, []).append(obj)
    return found


def _fullname(user_id):
    user = api.user.get(userid=user_id)
    return (user.getProperty("fullname", "") if user is not None else "") or user_id


def _describe_sharing(library, principal, places):
    """One sharing-tab auditor: a user, or a group with its members' names."""
    group = api.group.get(groupname=principal) if api.user.get(userid=principal) is None else None
    members = []
    if group is not None:
        portal_groups = api.portal.get_tool("portal_groups")
        members = sorted(_fullname(member) for member in portal_groups.getGroupMembers(principal))
    where = places[0]
    return {
        "kind": "sharing",
        "type": "group" if group is not None else "user",
        "user": principal,
        "fullname": (group.getProperty("title", "") or principal)
        if group is not None
        else _fullname(principal),
        "until": None,
        "active": True,
        "inherited": where is not library,
        "where": where.absolute_url(),
        "where_title": where.Title(),
        "members": members,
    }


def auditors(library):
    """Who can audit ``library``: running grants, then sharing-tab roles (users and groups,
    also inherited), then past grants (history); each a dict with ``kind`` (``grant`` or
    ``sharing``), ``type`` (``user`` or ``group``), ``user`` (the principal id),
    ``fullname``, ``until`` (ISO date; ``None`` for a permanent role), ``active``,
    ``members`` (a group's members' names). For the audit-access page and its service."""
    items = [dict(item, kind="grant", type="user") for item in grant_store.grants(library)]
    sharing = [
        _describe_sharing(library, principal, places)
        for principal, places in sorted(_holders(library).items())
    ]
    running = [item for item in items if item["active"]]
    past = [item for item in items if not item["active"]]
    return running + sharing + past


def end_access(library, principal):
    """End everything that lets ``principal`` (a user or group id) audit ``library``: its
    running grant ends now and its Auditor role from the sharing tab is taken away, where
    it was given. Who may call it: holders of "bibqual: Manage audit access" on the library
    (the page's permission); a role given on a folder above the library also needs
    "Change local roles" there. Raises ``GrantError`` (403) before changing anything when
    that is missing; returns ``False`` when ``principal`` had no access to end."""
    places = _holders(library).get(principal, [])
    for obj in places:
        if obj is not library and not api.user.has_permission(CHANGE_LOCAL_ROLES, obj=obj):
            raise GrantError(
                _(
                    "${user} is auditor through the sharing tab of '${title}'; only someone "
                    "who may change the sharing there can end it.",
                    mapping={"user": principal, "title": obj.Title()},
                ),
                status=403,
            )
    ended = grant_store.revoke(library, principal)
    for obj in places:
        roles = [role for role in obj.get_local_roles_for_userid(principal) if role != AUDITOR_ROLE]
        if roles:
            obj.manage_setLocalRoles(principal, roles)
        else:
            obj.manage_delLocalRoles([principal])
        obj.reindexObjectSecurity()
    return ended or bool(places)
