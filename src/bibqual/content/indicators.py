"""Indicators of a SMART project: what is measured, the target and the result."""

from bibqual import _
from bibqual.content.fields import Line
from bibqual.content.fields import Number
from bibqual.content.fields import Rows
from bibqual.validation import ClearValidationError
from collections.abc import Mapping
from collective.z3cform.datagridfield.row import DictRow
from plone.autoform.interfaces import WIDGETS_KEY
from zope.interface import Interface
from zope.interface import implementer
from zope.schema.interfaces import IList


ROW_ID = "@id"
"""The key by which Volto's ``object_list`` widget tells rows apart (it shows no row
without one). REST gives one out with every row (``indicator-<position>``); it is
never stored."""


class IIndicator(Interface):
    """One row of the indicators grid."""

    name = Line(title=_("Indicator"), required=True)
    target = Number(title=_("Target"), required=True)
    actual = Number(title=_("Actual"), required=False)
    unit = Line(title=_("Unit"), required=False)


# The number cells of the grid read numbers as the budget does (``parse_number``).
IIndicator.setTaggedValue(
    WIDGETS_KEY,
    {name: "bibqual.content.widgets.NumberFieldWidget" for name in ("target", "actual")},
)


# What the grid says about a row it refuses, naming the row as the person sees it.
ROW_ERRORS = {
    ("name", "missing"): _("Indicator ${row}: the name is missing."),
    ("target", "missing"): _("Indicator ${row}: the target is missing."),
    ("target", "invalid"): _(
        "Indicator ${row}: the target must be a number (for example 1500 or 12,5)."
    ),
    ("actual", "invalid"): _(
        "Indicator ${row}: the actual value must be a number (for example 1500 or 12,5)."
    ),
}
ROW_ERROR = _("Indicator ${row}: ${error}")


def row_error(position, name, kind, error=None):
    """The refusal of the cell ``name`` of row ``position`` (1-based): ``kind`` is
    "missing" or "invalid"; ``error`` the field's own message, if it has one."""
    message = ROW_ERRORS.get((name, kind)) or ROW_ERROR  # ROW_ERROR: e.g. a name too long
    return ClearValidationError(_(message, mapping={"row": position, "error": error or ""}))


class IIndicatorRows(IList):
    """A list of indicator rows (``IIndicator``): a grid in Classic, Volto's
    ``object_list`` in REST's JSON schema (``bibqual.restapi.serializers``)."""


@implementer(IIndicatorRows)
class IndicatorRows(Rows):
    """The field of a project's indicators."""


def indicators_field(**kwargs):
    """A list of at most ``MAX_INDICATORS`` indicator rows, editable as a grid and as JSON."""
    return IndicatorRows(
        value_type=DictRow(title=_("Indicator"), schema=IIndicator),
        default=[],
        missing_value=[],
        required=False,
        **kwargs,
    )


def indicator_rows(indicators):
    """The indicator rows as plain ``{name, target, actual, unit}`` dicts: rows that
    are not mappings are left out, a missing name or unit is ``""``."""
    return [
        {
            "name": row.get("name") or "",
            "target": row.get("target"),
            "actual": row.get("actual"),
            "unit": row.get("unit") or "",
        }
        for row in indicators or ()
        if isinstance(row, Mapping)
    ]


def without_result(indicators):
    """The indicators that have no result (``actual``) yet, each by its name or, when
    it has none, its position (1-based, as text). Empty when every indicator has a
    result, or when there are none: the one rule of "ready to complete" that the
    workflow guard and the coordinator's waiting list share."""
    return [
        row["name"] or str(position)
        for position, row in enumerate(indicator_rows(indicators), 1)
        if row["actual"] is None
    ]


def reset_indicators(indicators):
    """The rows a copy of a project starts with: names, targets and units, no results yet."""
    return [{**row, "actual": None} for row in indicator_rows(indicators)]


def indicator_progress(indicators):
    """Mean progress (0-100) of the indicators with a non-zero target, or None.

    Progress of one indicator is actual/target, capped at 100%; an indicator
    without an actual value counts as 0%.
    """
    ratios = []
    for row in indicator_rows(indicators):
        target = row["target"]
        if not target:
            continue
        actual = row.get("actual") or 0
        ratios.append(max(0.0, min(actual / target, 1.0)))
    if not ratios:
        return None
    return round(100 * sum(ratios) / len(ratios))
