"""1006: libraries can be found: in the navigation and sitemap, and "My library".

Library joins the site's displayed types (the one site setting bibqual changes
for this, for its own type only; the uninstall takes it out again), and the
"My library" user action joins the user menu (shown only to users with a
library of their own: ``browser/menu.py``).
"""

from bibqual.setuphandlers.navigation import show_libraries
from bibqual.upgrades.steps import import_steps


def show_libraries_in_navigation(context):
    """Add Library to ``plone.displayed_types`` (once)."""
    show_libraries()


def add_my_library_action(context):
    """Import bibqual's actions again (its own actions only: the file names no other)."""
    import_steps("actions")
