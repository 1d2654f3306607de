"""What a reminder is about: one item due, of one kind, at one threshold.

An ``Item`` is built from a catalog brain (never the object). Its ``key`` names
the threshold with the date that triggered it (``"deadline:soon:2026-12-10"``),
so ``sent.py`` remembers a reminder per item, threshold, date and recipient: a
changed date or a new threshold (soon -> overdue) is a new reminder.
"""

from dataclasses import dataclass
from dataclasses import field
from datetime import date


# Kinds of reminders, in the order a digest lists them.
DEADLINE = "deadline"  # a SMART project's deadline (to its responsible person)
REVIEW = "review"  # an assurance project's next review (to its responsible person)
EXPIRY = "expiry"  # evidence expiring or expired (to the coordinators)
COMPLETE = "complete"  # a project in Act ready to be completed (to the coordinators)
RELEASE = "release"  # draft evidence waiting to be released (to the coordinators)
MILESTONE = "milestone"  # the next milestone of the running round (to the coordinators)
NO_ADDRESS = "no-address"  # a responsible person bibqual cannot mail (to the coordinators)
KINDS = (DEADLINE, REVIEW, EXPIRY, COMPLETE, RELEASE, MILESTONE, NO_ADDRESS)

# Thresholds.
SOON = "soon"  # the date lies within the setting's period
OVERDUE = "overdue"  # the date has passed
EXPIRES_SOON = "expires-soon"  # evidence: valid for at most the period more
EXPIRED = "expired"  # evidence: no longer valid
WAITING = "waiting"  # waits for the coordinator (no date)


@dataclass(frozen=True)
class Item:
    """One reminder: ``uid`` of the item, ``kind`` and ``threshold`` (above), the
    date that triggered it (``None`` for waiting items), title and URL, its library;
    ``detail``: the milestone's id, or for ``no-address`` the kind it stands for;
    ``name``: for ``no-address``, the responsible name that has no mail address."""

    uid: str
    kind: str
    threshold: str
    day: date | None
    title: str
    url: str
    library_uid: str
    library_title: str
    detail: str = ""
    name: str = ""

    @property
    def key(self):
        """The threshold and its date, e.g. ``"deadline:soon:2026-12-10"``."""
        parts = [self.kind, self.detail, self.threshold, self.day.isoformat() if self.day else ""]
        return ":".join(part for part in parts if part)

    def order(self):
        """Sort key within a digest: library, kind, date, title."""
        return (
            self.library_title,
            KINDS.index(self.kind),
            self.day or date.max,
            self.title,
        )

    def as_json(self):
        """The item as REST answers it."""
        return {
            "@id": self.url,
            "UID": self.uid,
            "title": self.title,
            "kind": self.kind,
            "threshold": self.threshold,
            "date": self.day,
            "key": self.key,
            "library": self.library_title,
            "detail": self.detail or None,
            "responsible": self.name or None,
        }


@dataclass
class Recipient:
    """A person a digest goes to: user id, full name, mail address ("" when the
    user has none) and the items due for them."""

    userid: str
    fullname: str
    email: str
    items: list = field(default_factory=list)
    _seen: set = field(default_factory=set, repr=False)

    def add(self, item):
        """Add ``item`` once (a coordinator may reach it twice, e.g. also via a group)."""
        if item not in self._seen:
            self._seen.add(item)
            self.items.append(item)
