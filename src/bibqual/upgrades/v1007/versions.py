"""1007: bibqual's types are versioned by bibqual (own history ids), not by Plone's autoversion."""

from bibqual.ids import VERSIONED_TYPES
from plone import api


AUTOVERSION = "at_edit_autoversion"


def version_without_the_counter(context):
    """Take Plone's autoversion policy off bibqual's versioned types (only theirs)."""
    repository = api.portal.get_tool("portal_repository")
    policies = repository.getPolicyMap()
    for portal_type in VERSIONED_TYPES:
        if AUTOVERSION in (policies.get(portal_type) or ()):
            repository.removePolicyFromContentType(portal_type, AUTOVERSION)
