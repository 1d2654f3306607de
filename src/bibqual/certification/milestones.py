"""The dates of a certification round after CBCT's phases (pure date rules, no Zope).

- the audit is planned in the quarter in which the current certificate ends;
- the self-evaluation is finished at least six weeks before the audit;
- on a conditional outcome the library is judged again on a recovery plan three
  months after the decision.
"""

from datetime import date
from datetime import timedelta


SELF_ASSESSMENT_LEAD = timedelta(weeks=6)
RECOVERY_MONTHS = 3


def quarter_of(day):
    """``(year, quarter)`` of ``day``."""
    return day.year, (day.month - 1) // 3 + 1


def audit_quarter(certified_until):
    """The audit quarter as text, e.g. ``"2027-Q2"``; ``None`` without an end date."""
    if certified_until is None:
        return None
    year, quarter = quarter_of(certified_until)
    return f"{year}-Q{quarter}"


def quarter_bounds(certified_until):
    """First and last day of the audit quarter."""
    year, quarter = quarter_of(certified_until)
    first = date(year, 3 * quarter - 2, 1)
    following = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return first, following - timedelta(days=1)


def self_assessment_due(audit_date):
    """Six weeks before the audit; ``None`` while the audit date is unknown."""
    if audit_date is None:
        return None
    return audit_date - SELF_ASSESSMENT_LEAD


def add_months(day, months):
    """``day`` plus ``months`` calendar months (the last day of a shorter month when needed)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - 28 always exists


def recovery_plan_due(decision_date):
    """Three months after a conditional decision."""
    if decision_date is None:
        return None
    return add_months(decision_date, RECOVERY_MONTHS)
