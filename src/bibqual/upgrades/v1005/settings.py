"""1005: the settings of the reminder mails join the registry.

``registerInterface`` adds the records the site lacks with their defaults
(reminders on; 14, 30 and 90 days) and keeps the value of every record that is
there already.
"""

from bibqual.controlpanels.schema import IBibqualSettings
from bibqual.ids import REGISTRY_PREFIX
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
import logging


logger = logging.getLogger("bibqual.upgrades")

REMINDER_RECORDS = (
    "reminders_enabled",
    "reminder_deadline_days",
    "reminder_review_days",
    "reminder_expiry_days",
)


def add_reminder_settings(context):
    """Register the missing records of the settings; keep every stored value."""
    registry = getUtility(IRegistry)
    missing = [name for name in REMINDER_RECORDS if f"{REGISTRY_PREFIX}.{name}" not in registry]
    registry.registerInterface(IBibqualSettings, prefix=REGISTRY_PREFIX)
    logger.info("bibqual 1005: reminder settings added: %s", ", ".join(missing) or "none")
