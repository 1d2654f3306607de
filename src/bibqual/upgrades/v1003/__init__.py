"""Upgrade to 1003: a good guest that Volto can drive (issue 11).

Each part of this step lives in its own module of this folder; ``upgrade`` runs
them in order. Every part touches bibqual's own objects and records only.
"""

from bibqual.upgrades.v1003.actions import show_my_audits_to_auditors
from bibqual.upgrades.v1003.assets import keep_assets_to_bibqual
from bibqual.upgrades.v1003.evaluation import move_evaluations
from bibqual.upgrades.v1003.querystring import add_querystring_fields
import logging


logger = logging.getLogger("bibqual.upgrades")

PARTS = (
    move_evaluations,
    add_querystring_fields,
    keep_assets_to_bibqual,
    show_my_audits_to_auditors,
)


def upgrade(context):
    """Run every part of the 1003 upgrade."""
    for part in PARTS:
        part(context)
        logger.info("bibqual 1003: %s done", part.__module__)
