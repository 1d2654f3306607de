"""Upgrade to 1007: audit season on several instances (issue 16).

- ``versions``: bibqual's versioned types lose Plone's ``at_edit_autoversion`` policy, because
  bibqual now versions them itself with history ids of their own (``content/history.py``), so
  that adding items never writes CMF's one site-wide counter; their versions so far stay.
"""

from bibqual.upgrades.v1007.versions import version_without_the_counter
import logging


logger = logging.getLogger("bibqual.upgrades")

PARTS = (version_without_the_counter,)


def upgrade(context):
    """Run every part of the 1007 upgrade."""
    for part in PARTS:
        part(context)
        logger.info("bibqual 1007: %s.%s done", part.__module__, part.__name__)
