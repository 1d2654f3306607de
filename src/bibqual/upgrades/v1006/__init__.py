"""Upgrade to 1006: daily use without surprises (issue 15).

Each part of this step lives in its own module of this folder; ``upgrade`` runs
them in order. Every part touches bibqual's own objects, actions and type only.

- ``workflows``: bibqual's types again (their views changed, e.g. the evidence
  page), then the workflow tables again (only a site administrator may change a
  bibqual item's layout, "Modify view template", in every state; whatever else
  the tables gained for issue 15), applied to bibqual's existing objects;
- ``navigation``: libraries appear in the site's navigation and sitemap (Library
  joins ``plone.displayed_types``), and the "My library" user action is added.
"""

from bibqual.upgrades.v1006.navigation import add_my_library_action
from bibqual.upgrades.v1006.navigation import show_libraries_in_navigation
from bibqual.upgrades.v1006.workflows import update_types
from bibqual.upgrades.v1006.workflows import update_workflows
import logging


logger = logging.getLogger("bibqual.upgrades")

PARTS = (update_types, update_workflows, show_libraries_in_navigation, add_my_library_action)


def upgrade(context):
    """Run every part of the 1006 upgrade."""
    for part in PARTS:
        part(context)
        logger.info("bibqual 1006: %s.%s done", part.__module__, part.__name__)
