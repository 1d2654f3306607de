"""Each user's reminder preferences, kept by bibqual on the site (an annotation).

Per user id: whether reminder mails are off (``opted_out``) and the secret of the
personal calendar link (``calendar_secret``), with the reverse look-up from secret
to user, so a calendar program's request finds its user without a login.
Renewing the secret forgets the old one: the old link stops working at once.
Nothing here checks who asks; the views that call it declare their permissions.
"""

from BTrees.OOBTree import OOBTree
from persistent.mapping import PersistentMapping
from zope.annotation.interfaces import IAnnotations
import secrets


KEY = "bibqual.reminders.preferences"
USERS = "users"
SECRETS = "secrets"


def _storage(portal, create=False):
    """The site's preference storage (``None`` when there is none and ``create``
    is false: reading never writes)."""
    annotations = IAnnotations(portal)
    storage = annotations.get(KEY)
    if storage is None and create:
        storage = annotations[KEY] = PersistentMapping({USERS: OOBTree(), SECRETS: OOBTree()})
    return storage


def _user(portal, userid, create=False):
    storage = _storage(portal, create)
    if storage is None:
        return None
    record = storage[USERS].get(userid)
    if record is None and create:
        record = storage[USERS][userid] = PersistentMapping()
    return record


def opted_out(portal, userid):
    """Whether ``userid`` asked for no reminder mails."""
    record = _user(portal, userid)
    return bool(record and record.get("opted_out"))


def set_opted_out(portal, userid, value):
    """Switch ``userid``'s reminder mails off (``True``) or on."""
    _user(portal, userid, create=True)["opted_out"] = bool(value)


def calendar_secret(portal, userid):
    """The current secret of ``userid``'s calendar link, or ``None``."""
    record = _user(portal, userid)
    return record.get("calendar_secret") if record else None


def renew_calendar_secret(portal, userid):
    """A new secret for ``userid``'s calendar link; the old one stops working."""
    storage = _storage(portal, create=True)
    record = _user(portal, userid, create=True)
    old = record.get("calendar_secret")
    if old is not None and old in storage[SECRETS]:
        del storage[SECRETS][old]
    secret = secrets.token_urlsafe(24)
    record["calendar_secret"] = secret
    storage[SECRETS][secret] = userid
    return secret


def user_of_secret(portal, secret):
    """The user id whose current calendar secret is ``secret``, or ``None``."""
    storage = _storage(portal)
    if storage is None or not secret:
        return None
    return storage[SECRETS].get(secret)


def forget(portal):
    """Remove every preference (uninstall)."""
    IAnnotations(portal).pop(KEY, None)
