"""How long evidence is valid: the one rule of expiry, by date.

Evidence is valid up to and including its ``valid_until`` day (or always, without
one); from the day after, it has ``expired``. It "expires soon" when its validity
ends within ``EXPIRY_WARNING_DAYS``. Only released evidence that has not expired
covers a norm element (``covers``, used by ``reports.readiness``).
"""

from bibqual.reports import queries
from bibqual.workflows.ids import DRAFT
from bibqual.workflows.ids import RELEASED
from datetime import timedelta


# Evidence "expires soon" when its validity ends within this many days.
EXPIRY_WARNING_DAYS = 90
EXPIRED = "expired"
EXPIRES_SOON = "expires-soon"


def expiry(valid_until, today, days=EXPIRY_WARNING_DAYS):
    """``"expired"`` when the date has passed, ``"expires-soon"`` within ``days``, else None."""
    if valid_until is None:
        return None
    if valid_until < today:
        return EXPIRED
    if valid_until <= today + timedelta(days=days):
        return EXPIRES_SOON
    return None


def covers(brain, today):
    """Whether the evidence ``brain`` covers its norm elements on ``today``: released
    (not a draft, not archived) and not expired."""
    if brain.review_state != RELEASED:
        return False
    return expiry(queries.as_date(brain.valid_until), today) != EXPIRED


def expiring_evidence(library, today, days=EXPIRY_WARNING_DAYS):
    """Brains of the evidence in ``library`` that is not archived (a draft or
    released) and whose validity ends within ``days`` from ``today`` or has ended
    (``expires-soon`` or ``expired`` by ``expiry``), soonest first. Archived
    evidence is never "expiring"."""
    return queries.evidence(
        library,
        review_state=(DRAFT, RELEASED),
        valid_until={"query": today + timedelta(days=days), "range": "max"},
        sort_on="valid_until",
    )
