"""PAS plugin that makes time-limited audit grants work without a cron job.

A grant "user U may audit library L until D" is kept here. Each library with
grants has one auditor group, which holds the Auditor role on L. While D has
not passed, U is reported as a member of that group; after D the membership is
simply no longer reported, so U's views, searches and REST calls stop showing
L at once: the catalog's security index lists the group, and Plone queries it
with the user's groups.

The groups are real to Plone: the plugin enumerates them (so Plone refuses a
new user or group with such an id), introspects them (``portal_groups``,
``@groups``, ``@users`` and the sharing tab find them, with a readable title)
and lists their current members. A group's id is random (``bibqual-audit-``
plus a secret), never derived from the library's public UID, so no one can
register the id of a group that does not exist yet and thereby gain access.
"""

from AccessControl.class_init import InitializeClass
from bibqual import clock
from BTrees.OOBTree import OOBTree
from persistent.mapping import PersistentMapping
from plone import api
from Products.PlonePAS.interfaces.group import IGroupIntrospection
from Products.PlonePAS.plugins.group import PloneGroup
from Products.PluggableAuthService.interfaces.plugins import IGroupEnumerationPlugin
from Products.PluggableAuthService.interfaces.plugins import IGroupsPlugin
from Products.PluggableAuthService.interfaces.plugins import IPropertiesPlugin
from Products.PluggableAuthService.plugins.BasePlugin import BasePlugin
from zope.interface import implementer
import secrets


PLUGIN_ID = "bibqual_audit_grants"
GROUP_PREFIX = "bibqual-audit-"
# Group titles are data shown as they are (the sharing tab, @groups): in Dutch.
GROUP_TITLE = "Auditors van {title}"
PLUGIN_INTERFACES = (
    IGroupsPlugin,
    IGroupEnumerationPlugin,
    IGroupIntrospection,
    IPropertiesPlugin,
)


def legacy_group_id(library_uid):
    """The group id of bibqual 1.0 (derived from the UID; taken over by upgrade 1002)."""
    return f"{GROUP_PREFIX}{library_uid}"


def _library_title(library_uid):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(UID=library_uid)
    return brains[0].Title if brains else library_uid


@implementer(*PLUGIN_INTERFACES)
class AuditGrantsPlugin(BasePlugin):
    """Auditor groups of libraries whose membership follows dated grants."""

    meta_type = "bibqual audit grants"
    # library UID -> group id and back; absent on plugins made by bibqual 1.0
    _groups = None
    _libraries = None

    def __init__(self, id=PLUGIN_ID, title="bibqual: time-limited audit access"):
        self._setId(id)
        self.title = title
        self._grants = OOBTree()
        self._groups = OOBTree()
        self._libraries = OOBTree()

    # groups

    def group_for_library(self, library_uid, create=False):
        """The id of the library's auditor group; made (random) when ``create``."""
        group = (self._groups or {}).get(library_uid)
        if group is None and create:
            if self._groups is None:
                self._groups, self._libraries = OOBTree(), OOBTree()
            group = self._new_group_id()
            self._groups[library_uid] = group
            self._libraries[group] = library_uid
        return group

    def keep_group(self, library_uid, group_id):
        """Make ``group_id`` the library's auditor group (a site import keeps the exported
        id, so the library's imported local roles stay right); ``False`` when the library
        has another group already or the id is not free here."""
        current = self.group_for_library(library_uid)
        if current is not None:
            return current == group_id
        if not group_id.startswith(GROUP_PREFIX) or group_id in (self._libraries or {}):
            return False
        if self._getPAS().searchPrincipals(id=group_id, exact_match=True):
            return False
        if self._groups is None:
            self._groups, self._libraries = OOBTree(), OOBTree()
        self._groups[library_uid] = group_id
        self._libraries[group_id] = library_uid
        return True

    def _new_group_id(self):
        pas = self._getPAS()
        while True:
            candidate = f"{GROUP_PREFIX}{secrets.token_hex(12)}"
            if candidate not in (self._libraries or {}) and not pas.searchPrincipals(
                id=candidate, exact_match=True
            ):
                return candidate

    def library_for_group(self, group_id):
        return (self._libraries or {}).get(group_id)

    def group_title(self, group_id):
        return GROUP_TITLE.format(title=_library_title(self.library_for_group(group_id)))

    # grants

    def grant(self, user_id, library_uid, until):
        grants = self._grants.get(user_id)
        if grants is None:
            grants = self._grants[user_id] = PersistentMapping()
        grants[library_uid] = until
        return self.group_for_library(library_uid, create=True)

    def revoke(self, user_id, library_uid):
        grants = self._grants.get(user_id)
        if not grants or library_uid not in grants:
            return False
        del grants[library_uid]
        if not grants:
            del self._grants[user_id]
        return True

    def revoke_all(self, user_id):
        """Forget every grant of a user (the user was deleted)."""
        if user_id in self._grants:
            del self._grants[user_id]

    def grants_for_library(self, library_uid):
        """``[(user_id, until), ...]`` for one library, by user id."""
        return sorted(
            (user_id, grants[library_uid])
            for user_id, grants in self._grants.items()
            if library_uid in grants
        )

    def until(self, user_id, library_uid):
        return (self._grants.get(user_id) or {}).get(library_uid)

    def _active_members(self, library_uid):
        today = clock.today()
        return tuple(
            user_id for user_id, until in self.grants_for_library(library_uid) if until >= today
        )

    # IGroupsPlugin

    def getGroupsForPrincipal(self, principal, request=None):
        grants = self._grants.get(principal.getId())
        if not grants or not self._groups:
            return ()
        today = clock.today()
        return tuple(
            self._groups[uid]
            for uid, until in grants.items()
            if until >= today and uid in self._groups
        )

    # IGroupEnumerationPlugin

    def enumerateGroups(self, id=None, exact_match=False, sort_by=None, max_results=None, **kw):
        title = kw.get("title")
        found = []
        for group_id in self._libraries or ():
            group_title = self.group_title(group_id)
            if id is not None and id != "":
                if exact_match and id != group_id:
                    continue
                if not exact_match and id.lower() not in group_id.lower():
                    continue
            if title and title.lower() not in group_title.lower():
                continue
            found.append({"id": group_id, "pluginid": self.getId(), "title": group_title})
        if sort_by in ("id", "title"):
            found.sort(key=lambda info: info[sort_by])
        return tuple(found[:max_results] if max_results else found)

    # IGroupIntrospection

    def getGroupById(self, group_id, default=None):
        if group_id not in (self._libraries or ()):
            return default
        group = PloneGroup(group_id, self.group_title(group_id)).__of__(self)
        group.addPropertysheet(self.getId(), self.getPropertiesForUser(group))
        group._addRoles(["Authenticated"])
        return group

    def getGroups(self):
        return [self.getGroupById(group_id) for group_id in self.getGroupIds()]

    def getGroupIds(self):
        return list(self._libraries or ())

    def getGroupMembers(self, group_id):
        library_uid = self.library_for_group(group_id)
        return self._active_members(library_uid) if library_uid else ()

    # IPropertiesPlugin

    def getPropertiesForUser(self, user, request=None):
        group_id = user.getId()
        if group_id not in (self._libraries or ()):
            return {}
        return {"title": self.group_title(group_id), "description": "", "email": ""}


InitializeClass(AuditGrantsPlugin)
