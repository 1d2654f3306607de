"""Keep catalog security right when the norm-field group mapping changes."""

from bibqual.ids import ASSURANCE_PROJECT
from bibqual.ids import EVIDENCE
from bibqual.ids import REGISTRY_PREFIX
from bibqual.ids import SMART_PROJECT
from plone import api


MAPPING_RECORD = f"{REGISTRY_PREFIX}.norm_field_groups"
CLASSIFIED_TYPES = (SMART_PROJECT, ASSURANCE_PROJECT, EVIDENCE)


def reindex_classified_security():
    """Reindex the security of every tagged item (the mapping changed)."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type=CLASSIFIED_TYPES):
        brain._unrestrictedGetObject().reindexObjectSecurity()


def mapping_changed(event):
    """Registry subscriber: the group mapping changed (added, changed or removed lines)."""
    if event.record.__name__ == MAPPING_RECORD and event.oldValue != event.newValue:
        reindex_classified_security()


def item_modified(obj, event):
    """An item's norm fields may have changed: its editors may have too."""
    descriptions = getattr(event, "descriptions", ()) or ()
    changed = set()
    for description in descriptions:
        changed.update(getattr(description, "attributes", ()) or ())
    if not descriptions or any(name.endswith("norm_fields") for name in changed):
        obj.reindexObjectSecurity()
