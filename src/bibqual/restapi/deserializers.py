"""JSON field deserializers that give bibqual's REST clients clear messages.

plone.restapi's defaults answer a wrong token with "Constraint not satisfied"
and a wrong date with a Python parser message. These adapters are more
specific (bibqual content, bibqual browser layer) and say what is wrong,
naming the JSON key and, for sizes, the limit (``bibqual.validation``).
Sizes are checked before anything else, so a huge list is refused at once.
"""

from bibqual import _
from bibqual.content.indicators import ROW_ID
from bibqual.content.indicators import IIndicator
from bibqual.content.interfaces import IBibqualContent
from bibqual.interfaces import IBibqualLayer
from bibqual.validation import MAX_LIST_ITEMS
from bibqual.validation import MAX_TEXT_LENGTH
from bibqual.validation import NOT_A_DATE
from bibqual.validation import NOT_A_NUMBER
from bibqual.validation import ClearValidationError
from bibqual.validation import clear_error
from bibqual.validation import is_finite
from bibqual.validation import line_too_long
from bibqual.validation import parse_iso_date
from bibqual.validation import too_long
from plone.restapi.deserializer.dxfields import CollectionFieldDeserializer
from plone.restapi.deserializer.dxfields import DefaultFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from z3c.relationfield.interfaces import IRelationChoice
from zope.component import adapter
from zope.interface import implementer
from zope.schema import getFields
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IFloat
from zope.schema.interfaces import IInt
from zope.schema.interfaces import IList
from zope.schema.interfaces import IText
from zope.schema.interfaces import TooBig
from zope.schema.interfaces import TooSmall
from zope.schema.vocabulary import getVocabularyRegistry
import numbers


def _vocabulary(field, context):
    bound = field.bind(context)
    vocabulary = bound.vocabulary
    if vocabulary is None and bound.vocabularyName:
        vocabulary = getVocabularyRegistry().get(context, bound.vocabularyName)
    return vocabulary


def _term_value(vocabulary, value):
    """The vocabulary value for a token or value, else raise LookupError."""
    if isinstance(value, dict) and "token" in value:
        value = value["token"]
    try:
        return vocabulary.getTermByToken(value).value
    except (LookupError, TypeError):
        pass
    if value in vocabulary:
        return value
    raise LookupError(value)


@implementer(IFieldDeserializer)
@adapter(IChoice, IBibqualContent, IBibqualLayer)
class ChoiceDeserializer(DefaultFieldDeserializer):
    """A single choice: the value or token must be in the field's vocabulary."""

    def __call__(self, value):
        if value in (None, ""):
            value = None if not self.field.required else value
            self.field.validate(value)
            return value
        vocabulary = _vocabulary(self.field, self.context)
        try:
            value = _term_value(vocabulary, value)
        except LookupError:
            raise ClearValidationError(
                _(
                    "'${value}' is not a valid choice for ${field}. Choose one of: ${choices}.",
                    mapping={
                        "value": value,
                        "field": self.field.__name__,
                        "choices": ", ".join(term.token for term in vocabulary) or "-",
                    },
                )
            )
        self.field.validate(value)
        return value


def _row_number(value):
    """A number of an indicator row; number text (Volto's number widget sends text)
    is read as a number, empty text is no number (``None``)."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if not text:
        return None
    for parse in (int, float):
        try:
            return parse(text)
        except ValueError:
            continue
    return value


@implementer(IFieldDeserializer)
@adapter(IList, IBibqualContent, IBibqualLayer)
class ListDeserializer(CollectionFieldDeserializer):
    """Lists: choices checked against their vocabulary, indicators row by row."""

    def __call__(self, value):
        if value is None:
            value = []
        if not isinstance(value, list):
            raise ClearValidationError(
                _("${field} must be a list.", mapping={"field": self.field.__name__})
            )
        name = self.field.__name__
        value_type = self.field.value_type
        error = too_long(name, value, self.field.max_length or MAX_LIST_ITEMS) or line_too_long(
            name, value, getattr(value_type, "max_length", None)
        )
        if error is not None:
            raise error
        if IRelationChoice.providedBy(value_type):
            # relations: plone.restapi resolves UIDs, URLs and {"@id": ...}
            return super().__call__(value)
        if getattr(value_type, "schema", None) is IIndicator:
            rows = [self._indicator(index, row) for index, row in enumerate(value)]
            self.field.validate(rows)
            return rows
        if IChoice.providedBy(value_type):
            vocabulary = _vocabulary(value_type, self.context)
            result = []
            for item in value:
                try:
                    result.append(_term_value(vocabulary, item))
                except LookupError:
                    raise ClearValidationError(
                        _(
                            "Unknown value '${value}' for ${field}. Known values: ${choices}.",
                            mapping={
                                "value": item,
                                "field": self.field.__name__,
                                "choices": ", ".join(t.token for t in vocabulary) or "-",
                            },
                        )
                    )
            self.field.validate(result)
            return result
        return super().__call__(value)

    def _indicator(self, index, row):
        position = index + 1
        if not isinstance(row, dict):
            raise ClearValidationError(
                _(
                    "Indicator ${position} must be an object with name, target, actual and unit.",
                    mapping={"position": position},
                )
            )
        fields = getFields(IIndicator)
        # Volto's object_list widget keys every row with an "@id": not stored
        unknown = sorted(set(row) - set(fields) - {ROW_ID})
        if unknown:
            raise ClearValidationError(
                _(
                    "Indicator ${position} has unknown keys: ${keys}.",
                    mapping={"position": position, "keys": ", ".join(unknown)},
                )
            )
        name = row.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ClearValidationError(
                _("Indicator ${position} needs a name.", mapping={"position": position})
            )
        self._indicator_length(position, "name", name.strip(), fields)
        clean = {"name": name.strip()}
        for key in ("target", "actual"):
            number = _row_number(row.get(key))
            if number is None and key == "actual":
                clean[key] = None
                continue
            if (
                isinstance(number, bool)
                or not isinstance(number, numbers.Real)
                or not is_finite(number)
            ):
                raise ClearValidationError(
                    _(
                        "The ${key} of indicator ${position} must be a number.",
                        mapping={"key": key, "position": position},
                    )
                )
            clean[key] = number
        unit = row.get("unit")
        if unit is not None and not isinstance(unit, str):
            raise ClearValidationError(
                _(
                    "The unit of indicator ${position} must be text.",
                    mapping={"position": position},
                )
            )
        clean["unit"] = unit or ""
        self._indicator_length(position, "unit", clean["unit"], fields)
        return clean

    def _indicator_length(self, position, key, text, fields):
        limit = fields[key].max_length
        if limit is not None and len(text) > limit:
            raise ClearValidationError(
                _(
                    "The ${key} of indicator ${position} may have at most ${max} characters.",
                    mapping={"key": key, "position": position, "max": limit},
                )
            )


@implementer(IFieldDeserializer)
@adapter(IDate, IBibqualContent, IBibqualLayer)
class DateDeserializer(DefaultFieldDeserializer):
    """Dates as ``YYYY-MM-DD`` only (the contract); anything else is refused clearly:
    ``20270601``, a date with a time, an ISO week date, a number."""

    def __call__(self, value):
        if value in (None, ""):
            self.field.validate(None)
            return None
        try:
            parsed = parse_iso_date(value)
        except ValueError:
            raise clear_error(NOT_A_DATE, self.field.__name__, value=value)
        self.field.validate(parsed)
        return parsed


@implementer(IFieldDeserializer)
@adapter(IText, IBibqualContent, IBibqualLayer)
class TextDeserializer(DefaultFieldDeserializer):
    """Texts (also Plone's description): a required text may not be empty or only
    spaces, and a text has a maximum length (the field's, else ``MAX_TEXT_LENGTH``).

    Single lines (``ITextLine``: titles, ``responsible``, the evidence link) go to
    plone.restapi's more specific line deserializer; bibqual's line fields refuse
    a value that is too long, or a link that is not a web address, themselves
    (``bibqual.content.fields``).
    """

    def __call__(self, value):
        error = too_long(self.field.__name__, value, self.field.max_length or MAX_TEXT_LENGTH)
        if error is not None:
            raise error
        if self.field.required and (
            value is None or (isinstance(value, str) and not value.strip())
        ):
            raise ClearValidationError(
                _(
                    "${field} is required and cannot be empty.",
                    mapping={"field": self.field.__name__},
                )
            )
        return super().__call__(value)


def _plain(number):
    """2000 rather than 2000.0 in messages."""
    return int(number) if float(number).is_integer() else number


class NumberDeserializer(DefaultFieldDeserializer):
    """Numbers: say which field wants a number and what its limits are."""

    kind = (int,)
    parse = int  # a number sent as text

    def __call__(self, value):
        if value is None or value == "":
            self.field.validate(None if not self.field.required else value)
            return None
        if isinstance(value, str):
            try:
                value = self.parse(value.strip())
            except ValueError:
                value = None
        if (
            value is None
            or isinstance(value, bool)
            or not isinstance(value, self.kind)
            or not is_finite(value)
        ):
            raise clear_error(NOT_A_NUMBER, self.field.__name__)
        try:
            self.field.validate(value)
        except TooSmall:
            raise ClearValidationError(
                _(
                    "${field} must be at least ${min}.",
                    mapping={"field": self.field.__name__, "min": _plain(self.field.min)},
                )
            )
        except TooBig:
            raise ClearValidationError(
                _(
                    "${field} must be at most ${max}.",
                    mapping={"field": self.field.__name__, "max": _plain(self.field.max)},
                )
            )
        return value


@implementer(IFieldDeserializer)
@adapter(IInt, IBibqualContent, IBibqualLayer)
class IntDeserializer(NumberDeserializer):
    """Whole numbers (year, interval_months)."""

    kind = (int,)


@implementer(IFieldDeserializer)
@adapter(IFloat, IBibqualContent, IBibqualLayer)
class FloatDeserializer(NumberDeserializer):
    """Amounts (budget); whole numbers are accepted too."""

    kind = (int, float)
    parse = float
