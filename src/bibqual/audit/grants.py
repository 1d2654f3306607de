"""Time-limited Auditor grants on one library: the API behind form and REST."""

from bibqual import _
from bibqual import clock
from bibqual.audit.plugin import PLUGIN_ID
from bibqual.audit.plugin import PLUGIN_INTERFACES
from bibqual.audit.plugin import AuditGrantsPlugin
from bibqual.audit.plugin import legacy_group_id
from bibqual.errors import BibqualError
from bibqual.ids import AUDITOR_ROLE
from bibqual.ids import LIBRARY
from bibqual.validation import parse_iso_date
from datetime import date
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.uuid.interfaces import IUUID


class GrantError(BibqualError):
    """Bad input for a grant; the message says what is wrong."""


def install_plugin(portal):
    """Add and activate the grants plugin in the site's acl_users (idempotent)."""
    acl_users = portal.acl_users
    if PLUGIN_ID not in acl_users.objectIds():
        acl_users._setObject(PLUGIN_ID, AuditGrantsPlugin())
    plugins = acl_users.plugins
    for interface in PLUGIN_INTERFACES:
        if PLUGIN_ID not in plugins.listPluginIds(interface):
            plugins.activatePlugin(interface, PLUGIN_ID)


def remove_plugin(portal):
    """Remove the grants plugin (uninstall): all time-limited grants end."""
    acl_users = portal.acl_users
    if PLUGIN_ID in acl_users.objectIds():
        acl_users.plugins.removePluginById(PLUGIN_ID)
        acl_users._delObject(PLUGIN_ID)


def _plugin(install=True):
    """The grants plugin; installed on demand only by a write (``install``)."""
    portal = api.portal.get()
    plugin = portal.acl_users.get(PLUGIN_ID)
    if plugin is None and install:
        install_plugin(portal)
        plugin = portal.acl_users[PLUGIN_ID]
    return plugin


def parse_until(value):
    """The ``until`` date from ``YYYY-MM-DD`` text (or a date); it may not lie in the past.

    Only that format, as everywhere in bibqual: no ``20270601``, times, week dates or numbers.
    """
    if isinstance(value, date) and not isinstance(value, datetime):
        until = value
    else:
        try:
            until = parse_iso_date(value)
        except ValueError:
            raise GrantError(
                _("'${value}' is not a date; write it as YYYY-MM-DD.", mapping={"value": value})
            )
    if until < clock.today():
        raise GrantError(_("The end date ${until} has already passed.", mapping={"until": until}))
    return until


def check_user(user_id):
    """The user id, if such a user exists."""
    user_id = (user_id or "").strip() if isinstance(user_id, str) else ""
    if not user_id:
        raise GrantError(_("Give the user id of the auditor."))
    if api.user.get(userid=user_id) is None:
        raise GrantError(_("There is no user '${user}'.", mapping={"user": user_id}))
    return user_id


def grant(library, user_id, until):
    """Let ``user_id`` audit ``library`` up to and including ``until``."""
    user_id = check_user(user_id)
    until = parse_until(until)
    group = _plugin().grant(user_id, IUUID(library), until)
    if _give_auditor_role(library, group):
        library.reindexObjectSecurity()
    return describe(user_id, until)


def _give_auditor_role(library, group):
    """Give ``group`` the Auditor role on ``library``; ``True`` when it did not have it."""
    if AUDITOR_ROLE in (library.get_local_roles_for_userid(group) or ()):
        return False
    library.manage_addLocalRoles(group, [AUDITOR_ROLE])
    return True


def revoke(library, user_id):
    """End a running grant now (it ended yesterday, so it stays in the history as past);
    ``False`` when ``user_id`` had no running grant here."""
    plugin = _plugin(install=False)
    if plugin is None:
        return False
    uid = IUUID(library)
    until = plugin.until(user_id, uid)
    today = clock.today()
    if until is None or until < today:
        return False
    plugin.grant(user_id, uid, today - timedelta(days=1))
    return True


def forget(library, user_id):
    """Drop a grant, running or past, from the history; ``False`` when there was none."""
    plugin = _plugin(install=False)
    return plugin is not None and plugin.revoke(user_id, IUUID(library))


def describe(user_id, until):
    """A grant as JSON-friendly data."""
    user = api.user.get(userid=user_id)
    fullname = (user.getProperty("fullname", "") if user is not None else "") or user_id
    return {
        "user": user_id,
        "fullname": fullname,
        "until": until.isoformat(),
        "active": until >= clock.today(),
    }


def grants(library):
    """All grants on ``library``, active and expired."""
    plugin = _plugin(install=False)
    if plugin is None:
        return []
    return [
        describe(user_id, until) for user_id, until in plugin.grants_for_library(IUUID(library))
    ]


def grants_by_library():
    """Every library's auditor group and grants, for a site export (expired grants too):
    ``{library UID: (group id, [(user id, until), ...])}``."""
    plugin = _plugin(install=False)
    if plugin is None:
        return {}
    found = {}
    for group in plugin.getGroupIds():
        library_uid = plugin.library_for_group(group)
        entries = plugin.grants_for_library(library_uid)
        if entries:
            found[library_uid] = (group, entries)
    return found


def restore_grants(library_uid, group, entries):
    """Restore a library's exported grants (``[(user id, until), ...]``) in a site import,
    before the library and the users exist; expired grants stay expired. The library keeps
    its auditor group ``group`` when that id is free here (``settle_auditor_group`` then
    puts the Auditor role right). Returns the group the library has now."""
    plugin = _plugin()
    plugin.keep_group(library_uid, group)
    for user_id, until in entries:
        plugin.grant(user_id, library_uid, until)
    return plugin.group_for_library(library_uid, create=True)


def settle_auditor_group(library, exported_group=None):
    """After a site import: the library's auditor group holds the Auditor role on it, and
    an ``exported_group`` that could not be kept (its id was taken here) holds no role."""
    plugin = _plugin(install=False)
    group = plugin.group_for_library(IUUID(library)) if plugin is not None else None
    changed = False
    if exported_group and exported_group != group:
        if exported_group in dict(library.get_local_roles()):
            library.manage_delLocalRoles([exported_group])
            changed = True
    if group is not None:
        changed = _give_auditor_role(library, group) or changed
    if changed:
        library.reindexObjectSecurity()


def forget_user(event):
    """Subscriber (principal deleted): a later user with the same id inherits no grant."""
    principal = event.principal
    plugin = api.portal.get().acl_users.get(PLUGIN_ID)
    if plugin is not None:
        plugin.revoke_all(principal if isinstance(principal, str) else principal.getId())


def take_over_legacy_groups(portal):
    """Upgrade: move the Auditor role from bibqual 1.0's UID-named groups to random ids.

    A user who registered such a name before this upgrade no longer audits anything.
    Returns the number of libraries changed.
    """
    plugin = _plugin()
    catalog = api.portal.get_tool("portal_catalog")
    changed = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=LIBRARY):
        library = brain._unrestrictedGetObject()
        uid = IUUID(library)
        legacy = legacy_group_id(uid)
        had_legacy = legacy in dict(library.get_local_roles())
        if had_legacy:
            library.manage_delLocalRoles([legacy])
        if plugin.grants_for_library(uid):
            group = plugin.group_for_library(uid, create=True)
            had_legacy = _give_auditor_role(library, group) or had_legacy
        if had_legacy:
            library.reindexObjectSecurity()
            changed += 1
    return changed
