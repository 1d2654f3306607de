"""1003: "My audits" only in the menu of users who audit a library (issue 11, item 7).

On an existing site only the condition of bibqual's user action
``bibqual-audit-overview`` changes; it is read from the default profile's
``actions.xml``, so a new and an upgraded site ask the same question. Its title,
address, permissions and every other action stay as they are.
"""

from lxml import etree
from plone import api
import bibqual
import logging
import os


logger = logging.getLogger("bibqual.upgrades")

ACTIONS_FILE = os.path.join(os.path.dirname(bibqual.__file__), "profiles", "default", "actions.xml")
CATEGORY = "user"
ACTION = "bibqual-audit-overview"


def profile_condition():
    """The ``available_expr`` of the action in the default profile."""
    tree = etree.parse(ACTIONS_FILE)
    (value,) = tree.xpath(
        f"//object[@name='{CATEGORY}']/object[@name='{ACTION}']"
        "/property[@name='available_expr']/text()"
    )
    return value.strip()


def show_my_audits_to_auditors(context):
    """Give the "My audits" action the profile's condition (users who audit a library)."""
    category = api.portal.get_tool("portal_actions").get(CATEGORY)
    action = category.get(ACTION) if category is not None else None
    if action is None:
        logger.info("bibqual 1003: no action %s/%s, nothing to change", CATEGORY, ACTION)
        return
    action.manage_changeProperties(available_expr=profile_condition())
