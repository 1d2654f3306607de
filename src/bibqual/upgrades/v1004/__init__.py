"""Upgrade to 1004: the certification round (issue 12).

Each part of this step lives in its own module of this folder; ``upgrade`` runs
them in order. Every part touches bibqual's own objects and records only.

- ``frameworks``: the settings of the norm frameworks (added framework files, the
  mapping between frameworks) join the registry, and the site keeps the norm
  framework it uses (new sites start on CBCT Kwaliteit in Beeld).
"""

from bibqual.upgrades.v1004.frameworks import keep_framework
import logging


logger = logging.getLogger("bibqual.upgrades")

PARTS = (keep_framework,)


def upgrade(context):
    """Run every part of the 1004 upgrade."""
    for part in PARTS:
        part(context)
        logger.info("bibqual 1004: %s done", part.__module__)
