"""PAS plugin that makes time-limited audit grants work without a cron job.

A grant "user U may audit library L until D" is kept here. While D has not
passed, U belongs to the virtual group ``bibqual-audit-<L's UID>``, which holds
the Auditor role on L. After D the membership is simply no longer reported,
so U's views, searches and REST calls stop showing L at once: the catalog's
security index lists the group, and Plone queries it with the user's groups.
"""

from AccessControl.class_init import InitializeClass
from bibqual import clock
from BTrees.OOBTree import OOBTree
from persistent.mapping import PersistentMapping
from Products.PluggableAuthService.interfaces.plugins import IGroupsPlugin
from Products.PluggableAuthService.plugins.BasePlugin import BasePlugin
from zope.interface import implementer


PLUGIN_ID = "bibqual_audit_grants"
GROUP_PREFIX = "bibqual-audit-"


def group_id(library_uid):
    """The virtual group whose members audit the library with this UID."""
    return f"{GROUP_PREFIX}{library_uid}"


@implementer(IGroupsPlugin)
class AuditGrantsPlugin(BasePlugin):
    """Virtual auditor groups from dated grants."""

    meta_type = "bibqual audit grants"

    def __init__(self, id=PLUGIN_ID, title="bibqual: time-limited audit access"):
        self._setId(id)
        self.title = title
        self._grants = OOBTree()

    # storage

    def grant(self, user_id, library_uid, until):
        grants = self._grants.get(user_id)
        if grants is None:
            grants = self._grants[user_id] = PersistentMapping()
        grants[library_uid] = until

    def revoke(self, user_id, library_uid):
        grants = self._grants.get(user_id)
        if not grants or library_uid not in grants:
            return False
        del grants[library_uid]
        if not grants:
            del self._grants[user_id]
        return True

    def grants_for_library(self, library_uid):
        """``[(user_id, until), ...]`` for one library, by user id."""
        return sorted(
            (user_id, grants[library_uid])
            for user_id, grants in self._grants.items()
            if library_uid in grants
        )

    def until(self, user_id, library_uid):
        return (self._grants.get(user_id) or {}).get(library_uid)

    # IGroupsPlugin

    def getGroupsForPrincipal(self, principal, request=None):
        grants = self._grants.get(principal.getId())
        if not grants:
            return ()
        today = clock.today()
        return tuple(group_id(uid) for uid, until in grants.items() if until >= today)


InitializeClass(AuditGrantsPlugin)
