"""Install and uninstall handlers of bibqual."""

from bibqual.audit.grants import install_plugin
from bibqual.audit.grants import remove_plugin
from bibqual.indexers.catalog import install_indexes
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
    """After ``bibqual:uninstall``: content stays; time-limited grants end."""
    remove_plugin(api.portal.get())
