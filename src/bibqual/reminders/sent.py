"""Which reminders were sent: one record per item, threshold and recipient.

One ``OOBTree`` in a site annotation maps ``(item UID, threshold key,
recipient user id)`` to the date the mail went out (the key names the date that
triggered the reminder, see ``items.Item.key``). A run leaves out what is in it,
so a second run sends nothing; a changed date or a new threshold is a new key
and is sent again. Reading never wakes the items, and never writes: the tree is
made by the first ``mark_sent``. Nothing here checks who asks: ``run.py`` is
called by the Manager's view and service and by the console script.
"""

from BTrees.OOBTree import OOBTree
from zope.annotation.interfaces import IAnnotations


KEY = "bibqual.reminders.sent"


def _tree(portal, create=False):
    annotations = IAnnotations(portal)
    tree = annotations.get(KEY)
    if tree is None and create:
        tree = annotations[KEY] = OOBTree()
    return tree


def sent_on(portal, item, userid):
    """The date ``item`` (an ``items.Item``) was mailed to ``userid``, or ``None``."""
    tree = _tree(portal)
    return tree.get((item.uid, item.key, userid)) if tree is not None else None


def unsent(portal, userid, items):
    """The ``items`` not yet mailed to ``userid``, in their order."""
    tree = _tree(portal)
    if tree is None:
        return list(items)
    return [item for item in items if (item.uid, item.key, userid) not in tree]


def mark_sent(portal, userid, items, day):
    """Remember that ``items`` were mailed to ``userid`` on ``day``."""
    tree = _tree(portal, create=True)
    for item in items:
        tree[(item.uid, item.key, userid)] = day


def forget(portal):
    """Remove every record (uninstall)."""
    IAnnotations(portal).pop(KEY, None)
