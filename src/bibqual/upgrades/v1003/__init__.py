"""Upgrade to 1003: a good guest that Volto can drive (issue 11).

Each part of this step lives in its own module of this folder; ``upgrade`` runs
them in order. Every part touches bibqual's own objects and records only.
"""

import logging


logger = logging.getLogger("bibqual.upgrades")

PARTS = ()


def upgrade(context):
    """Run every part of the 1003 upgrade."""
    for part in PARTS:
        part(context)
        logger.info("bibqual 1003: %s done", part.__module__)
