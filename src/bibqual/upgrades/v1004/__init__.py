"""Upgrade to 1004: the certification round (issue 12).

Each part of this step lives in its own module of this folder; ``upgrade`` runs
them in order. Every part touches bibqual's own objects and records only.

- ``frameworks``: the settings of the norm frameworks (added framework files, the
  optional modules, the mapping between frameworks) join the registry, and the
  site keeps the norm framework it uses (new sites start on CBCT Kwaliteit in
  Beeld);
- ``round``: the round's types, workflows and permissions; bibqual's objects get
  the new permission tables (the coordinator may start a round in a library);
- ``catalog``: the round's metadata columns and the ``action_uids`` index, filled
  for bibqual's objects (nothing is emptied, nothing else is reindexed).
"""

from bibqual.upgrades.v1004.catalog import add_columns
from bibqual.upgrades.v1004.catalog import index_content
from bibqual.upgrades.v1004.frameworks import keep_framework
from bibqual.upgrades.v1004.round import add_round_types
from bibqual.upgrades.v1004.round import update_security
import logging


logger = logging.getLogger("bibqual.upgrades")

PARTS = (keep_framework, add_round_types, update_security, add_columns, index_content)


def upgrade(context):
    """Run every part of the 1004 upgrade."""
    for part in PARTS:
        part(context)
        logger.info("bibqual 1004: %s.%s done", part.__module__, part.__name__)
