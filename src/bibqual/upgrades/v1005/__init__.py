"""Upgrade to 1005: reminder mails (issue 14).

Each part of this step lives in its own module of this folder; ``upgrade`` runs
them in order. Every part touches bibqual's own records only.

- ``settings``: the reminder settings (``reminders_enabled`` and the periods in
  days) join the registry; every setting a site already has keeps its value.
"""

from bibqual.upgrades.v1005.settings import add_reminder_settings
import logging


logger = logging.getLogger("bibqual.upgrades")

PARTS = (add_reminder_settings,)


def upgrade(context):
    """Run every part of the 1005 upgrade."""
    for part in PARTS:
        part(context)
        logger.info("bibqual 1005: %s.%s done", part.__module__, part.__name__)
