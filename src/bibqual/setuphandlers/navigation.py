"""Libraries in the site's navigation and sitemap: bibqual's own type among the
site's displayed types (``plone.displayed_types``), and only that.

``profiles/default/registry.xml`` adds it on install; upgrade 1006 calls
``show_libraries``; the uninstall calls ``hide_libraries``, so the setting is as the
site had it. Called by setup code only (install, upgrade, uninstall)."""

from bibqual.ids import LIBRARY
from plone import api


RECORD = "plone.displayed_types"


def show_libraries():
    """Add Library to the displayed types (once, at the end). Returns True when added."""
    types = tuple(api.portal.get_registry_record(RECORD, default=()) or ())
    if LIBRARY in types:
        return False
    api.portal.set_registry_record(RECORD, (*types, LIBRARY))
    return True


def hide_libraries():
    """Take Library out of the displayed types again; the others stay in their order."""
    types = tuple(api.portal.get_registry_record(RECORD, default=()) or ())
    if LIBRARY in types:
        api.portal.set_registry_record(RECORD, tuple(t for t in types if t != LIBRARY))
