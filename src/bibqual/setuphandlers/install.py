"""Install and uninstall handlers of bibqual."""

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
    """After ``bibqual:default``: nothing beyond the profile's XML yet."""


def uninstall(context):
    """After ``bibqual:uninstall``: content stays; only registrations go."""
