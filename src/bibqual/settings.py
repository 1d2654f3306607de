"""Read access to the bibqual settings in the registry.

The site's norm frameworks and the active one are read in ``frameworks.site``
(``site_frameworks()``, ``current_framework()``); ``active_framework()`` here
answers the active framework's token.
"""

from bibqual.controlpanels.lines import parse_group_mapping
from bibqual.controlpanels.norm_lines import parse_mapping_line
from bibqual.controlpanels.schema import IBibqualSettings
from bibqual.frameworks.model import Mapping
from bibqual.frameworks.site import active_token
from bibqual.frameworks.site import site_frameworks
from bibqual.frameworks.store import shipped_mappings
from bibqual.ids import REGISTRY_PREFIX
from plone.registry.interfaces import IRegistry
from zope.component import queryUtility


MAPPINGS_RECORD = f"{REGISTRY_PREFIX}.norm_mappings"


def get_settings():
    """Return the settings proxy, or ``None`` when bibqual is not installed."""
    registry = queryUtility(IRegistry)
    if registry is None:
        return None
    return registry.forInterface(IBibqualSettings, prefix=REGISTRY_PREFIX, check=False)


def active_framework():
    """The token of the active norm framework."""
    return active_token()


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


def norm_mappings():
    """The mappings between frameworks of the settings (``frameworks.model.Mapping``),
    one per framework pair, in the order of their first line; malformed lines are
    skipped. A site without the setting (not yet upgraded) has the shipped mappings."""
    registry = queryUtility(IRegistry)
    lines = registry.get(MAPPINGS_RECORD, None) if registry is not None else None
    if lines is None:
        return shipped_mappings()
    frameworks = site_frameworks()
    pairs = {}
    for line in lines:
        try:
            parsed = parse_mapping_line(line, frameworks)
        except ValueError:
            continue
        targets = pairs.setdefault((parsed.source, parsed.target), {}).setdefault(parsed.token, [])
        targets.extend(token for token in parsed.targets if token not in targets)
    return tuple(
        Mapping(
            source,
            target,
            f"{frameworks[source].title} -> {frameworks[target].title}",
            {token: tuple(targets) for token, targets in elements.items()},
        )
        for (source, target), elements in pairs.items()
    )


# Reminder mails: the schema's defaults answer while a site lacks the records
# (installed before 1005 and not yet upgraded).
def _reminder_setting(name):
    settings = get_settings()
    value = getattr(settings, name, None) if settings is not None else None
    return IBibqualSettings[name].default if value is None else value


def reminders_enabled():
    """Whether the site sends reminder mails (``reminders_enabled``)."""
    return bool(_reminder_setting("reminders_enabled"))


def reminder_deadline_days():
    """Days before a project's deadline (and a round's milestone) that its reminder goes out."""
    return int(_reminder_setting("reminder_deadline_days"))


def reminder_review_days():
    """Days before an assurance project's next review that its reminder goes out."""
    return int(_reminder_setting("reminder_review_days"))


def reminder_expiry_days():
    """Days before evidence expires that the coordinators hear of it."""
    return int(_reminder_setting("reminder_expiry_days"))
