"""Install and uninstall handlers of bibqual."""

from bibqual.audit.grants import install_plugin
from bibqual.audit.grants import remove_plugin
from bibqual.ids import AUDITOR_ROLE
from bibqual.indexers.catalog import install_indexes
from bibqual.permissions import BIBQUAL_PERMISSIONS
from bibqual.reminders import preferences
from bibqual.reminders import sent
from bibqual.setuphandlers.navigation import hide_libraries
from plone import api
from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    """Hide the uninstall and demo profiles from the add-ons control panel."""

    def getNonInstallableProfiles(self):
        return ["bibqual:uninstall", "bibqual:demo"]

    def getNonInstallableProducts(self):
        return []


def post_install(context):
    """After ``bibqual:default``: the PAS plugin for time-limited audit access, and
    bibqual's catalog indexes (added when missing, filled for existing bibqual content)."""
    install_plugin(api.portal.get())
    install_indexes(api.portal.get_tool("portal_catalog"))


def uninstall(context):
    """After ``bibqual:uninstall``: content stays; time-limited grants end; the site
    root loses what ``rolemap.xml`` put there (bibqual's permission settings and the
    Auditor role), so the Security tab is as it was before the install, and what the
    reminders kept on it (what was sent, each user's opt-out and calendar link);
    libraries leave the site's navigation."""
    portal = api.portal.get()
    remove_plugin(portal)
    forget_rolemap(portal)
    sent.forget(portal)
    preferences.forget(portal)
    hide_libraries()


def forget_rolemap(portal):
    """Drop the site root's settings of bibqual's permissions and the Auditor role."""
    for permission in BIBQUAL_PERMISSIONS:
        portal.manage_permission(permission, [], acquire=1)
    roles = tuple(getattr(portal, "__ac_roles__", ()))
    if AUDITOR_ROLE in roles:
        portal.__ac_roles__ = tuple(role for role in roles if role != AUDITOR_ROLE)
