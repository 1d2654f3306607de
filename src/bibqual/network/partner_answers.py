"""Checking what a partner site answered, strictly, before anything is shown or created.

A partner's JSON is never trusted: every value used must have the expected type, and a
hit must lie under the partner's own URL. A value of the wrong type raises ``ShapeError``.
"""

from bibqual.content.indicators import reset_indicators
from bibqual.ids import VOCAB_CORE_FUNCTIONS
from bibqual.ids import VOCAB_NORM_FIELDS
from zope.component import queryUtility
from zope.schema.interfaces import IVocabularyFactory
import datetime


class ShapeError(ValueError):
    """The partner's JSON has not the shape bibqual expects."""


def _text(value, required=False):
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        raise ShapeError(value)
    return value


def _number(value):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ShapeError(value)
    return value


def _int(value):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ShapeError(value)
    return value


def _texts(value):
    if value is None:
        return []
    if not isinstance(value, list):
        raise ShapeError(value)
    return [_text(item, required=True) for item in value]


def _tokens(value):
    """Tokens from a list of strings or of ``{"token": ..., "title": ...}``."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise ShapeError(value)
    tokens = []
    for item in value:
        if isinstance(item, dict):
            item = item.get("token")
        tokens.append(_text(item, required=True))
    return tokens


def _indicators(value):
    if value is None:
        return []
    if not isinstance(value, list):
        raise ShapeError(value)
    rows = []
    for row in value:
        if not isinstance(row, dict):
            raise ShapeError(row)
        rows.append(
            {
                "name": _text(row.get("name")) or "",
                "target": _number(row.get("target")),
                "unit": _text(row.get("unit")) or "",
            }
        )
    return rows


def _date(value):
    value = _text(value)
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        raise ShapeError(value)


# -- Search --------------------------------------------------------------------------------


def _hit(site, item):
    """A normalized search hit, or ``None`` for one not under the partner's URL."""
    if not isinstance(item, dict):
        raise ShapeError(item)
    url = _text(item.get("@id"), required=True)
    hit = {
        "@id": url,
        "UID": _text(item.get("UID")),
        "title": _text(item.get("title"), required=True),
        "library": _text(item.get("library")) or "",
        "library_uid": None,
        "own_library": False,
        "year": _int(item.get("year")),
        "review_state": _text(item.get("review_state")),
        "specific": _text(item.get("specific")) or "",
        "indicators": _indicators(item.get("indicators")),
        "copy_count": _int(item.get("copy_count")) or 0,
        "score": _number(item.get("score")),
        "partner": site.name,
        "partner_url": site.url,
    }
    return hit if site.owns(url) else None


def search_hits(site, data, limit):
    """The hits of the partner's ``@similar-projects`` answer ``data``, marked with the
    partner; hits outside the partner's URL are dropped."""
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise ShapeError(data)
    hits = [_hit(site, item) for item in data["items"]]
    return [hit for hit in hits if hit is not None][:limit]


# -- Copy ----------------------------------------------------------------------------------


def _known(vocabulary, context, tokens):
    """The values of ``tokens`` the local vocabulary accepts (its ``in`` rule: for the
    norm fields every element of any framework of the site, not only the offered
    ones); unknown tokens are dropped."""
    factory = queryUtility(IVocabularyFactory, name=vocabulary)
    if factory is None:
        return []
    accepted = factory(context)
    values = []
    for token in tokens:  # a token is its term's value in bibqual's vocabularies
        if token in accepted and token not in values:
            values.append(token)
    return values


def partner_copy_data(data, context):
    """``(fields, spearhead token)`` a copy of the partner project ``data`` starts with.

    The same reset as ``bibqual.network.copy.project_data``: SMART texts, indicators
    (name, target, unit; no actual value), known norm and core-function tokens,
    partners, target groups, policy topics and budget; no evaluation or improvements.
    The responsible person is a user of the partner, so is left out.
    """
    budget = _number(data.get("budget"))
    if budget is not None and budget < 0:
        raise ShapeError(budget)
    spearhead = data.get("spearhead")
    if isinstance(spearhead, dict):
        spearhead = spearhead.get("token")
    values = {
        "title": _text(data.get("title"), required=True),
        "description": _text(data.get("description")) or "",
        "specific": _text(data.get("specific")),
        "measurable": _text(data.get("measurable")),
        "achievable": _text(data.get("achievable")),
        "realistic": _text(data.get("realistic")),
        "partners": _texts(data.get("partners")),
        "target_groups": _texts(data.get("target_groups")),
        "policy_topics": _texts(data.get("policy_topics")),
        "budget": budget,
        "indicators": reset_indicators(_indicators(data.get("indicators"))),
        "norm_fields": _known(VOCAB_NORM_FIELDS, context, _tokens(data.get("norm_fields"))),
        "core_functions": _known(
            VOCAB_CORE_FUNCTIONS, context, _tokens(data.get("core_functions"))
        ),
        "deadline": _date(data.get("deadline")),
    }
    return values, _text(spearhead)
