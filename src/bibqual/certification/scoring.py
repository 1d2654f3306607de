"""The self-evaluation's result: percentage of the maximum and the outcome band.

Percentage = sum of the scores given / (number of aspects scored x the scale's
maximum) x 100; aspects without a score do not count (CONTRACT.md).

The band is taken from the exact fraction, and the percentage is shown floored
to one decimal, so the number a user sees always lies in the band next to it:
79.96 % shows as 79.9 and is ``conditional``, never "80.0, conditional". (The
bands' lower bounds are whole tenths; flooring never crosses one of them.)
Scores are read as the decimals they were written as (``2.9`` is 29/10, not
the float just below it), so sums of decimals cannot fall just short of an edge.
"""

from decimal import Decimal
from fractions import Fraction
import math


def exact(number):
    """``number`` (int, float or Decimal) as an exact fraction of its written value."""
    if isinstance(number, float):
        return Fraction(Decimal(repr(number)))
    return Fraction(number)


def scored_rows(rows, framework):
    """The rows of ``rows`` that score an aspect of ``framework`` (one per aspect)."""
    seen = set()
    result = []
    for row in rows or ():
        element = framework.element(row.get("element"))
        if element is None or row.get("aspect") not in {a.token for a in element.aspects}:
            continue
        key = (element.token, row["aspect"])
        if key in seen or row.get("score") is None:
            continue
        seen.add(key)
        result.append(row)
    return result


def exact_percentage(rows, framework):
    """The percentage as an exact ``Fraction``; ``None`` when no aspect is scored."""
    if framework is None:
        return None
    given = [exact(row["score"]) for row in scored_rows(rows, framework)]
    if not given:
        return None
    return sum(given) * 100 / (len(given) * framework.scale.max)


def shown(percentage):
    """An exact percentage floored to one decimal, as a float (``None`` stays ``None``)."""
    if percentage is None:
        return None
    return math.floor(percentage * 10) / 10


def result(rows, framework):
    """``(percentage shown, Band or None)`` of ``rows`` under ``framework``."""
    percentage = exact_percentage(rows, framework)
    if percentage is None:
        return None, None
    return shown(percentage), framework.band_for(percentage)
