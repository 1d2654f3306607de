"""Read access to the bibqual settings in the registry."""

from bibqual.controlpanels.lines import parse_group_mapping
from bibqual.controlpanels.schema import IBibqualSettings
from bibqual.ids import REGISTRY_PREFIX
from bibqual.vocabularies.frameworks import DEFAULT_FRAMEWORK
from plone.registry.interfaces import IRegistry
from zope.component import queryUtility


def get_settings():
    """Return the settings proxy, or ``None`` when bibqual is not installed."""
    registry = queryUtility(IRegistry)
    if registry is None:
        return None
    return registry.forInterface(IBibqualSettings, prefix=REGISTRY_PREFIX, check=False)


def active_framework():
    """The id of the active norm framework."""
    settings = get_settings()
    return getattr(settings, "active_framework", None) or DEFAULT_FRAMEWORK


def extra_norm_elements():
    """The administrator's extra element lines."""
    settings = get_settings()
    return list(getattr(settings, "extra_norm_elements", None) or [])


def norm_field_groups():
    """``{norm token: (group id, ...)}`` from the settings; malformed lines are skipped."""
    settings = get_settings()
    mapping = {}
    for line in getattr(settings, "norm_field_groups", None) or []:
        try:
            token, groups = parse_group_mapping(line)
        except ValueError:
            continue
        mapping.setdefault(token, [])
        mapping[token].extend(group for group in groups if group not in mapping[token])
    return {token: tuple(groups) for token, groups in mapping.items()}
