"""Who gets the reminders: users by id, and a library's coordinators.

A library's coordinators are the users whose local roles on the library grant
"Review portal content" there (the permission that completes projects and
releases evidence): the roles come from the library's permission settings
(``rolesForPermissionOn``, no role names in code), the principals from its local
roles, a group counting with its members. Looking them up wakes the library
(local roles live on it), once per run and library.
"""

from AccessControl.PermissionRole import rolesForPermissionOn
from bibqual.permissions import REVIEW_CONTENT
from plone import api


class People:
    """Users by id, each looked up once per run: ``(fullname, email)`` or ``None``
    when the id is no user (``responsible`` may hold a plain name)."""

    def __init__(self):
        self._users = {}

    def user(self, userid):
        if not userid:
            return None
        if userid not in self._users:
            member = api.user.get(userid=userid)
            if member is None:
                self._users[userid] = None
            else:
                fullname = member.getProperty("fullname", "") or userid
                self._users[userid] = (fullname, member.getProperty("email", "") or "")
        return self._users[userid]

    def coordinators(self, library):
        """User ids of the coordinators of ``library`` (module docstring), sorted."""
        return sorted(coordinator_ids(library))


def coordinator_ids(library):
    """The user ids whose local roles on ``library`` (directly or through a group)
    include a role that has "Review portal content" there."""
    reviewing = set(rolesForPermissionOn(REVIEW_CONTENT, library))
    userids = set()
    for principal, roles in library.get_local_roles():
        if not reviewing.intersection(roles):
            continue
        group = api.group.get(groupname=principal)
        if group is None:
            userids.add(principal)
            continue
        userids.update(member.getId() for member in api.user.get_users(group=group))
    return userids
