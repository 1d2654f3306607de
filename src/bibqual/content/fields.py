"""Field types shared by the bibqual schemas.

Every text and list field of bibqual content has a maximum (``bibqual.validation``)
and says, when it is exceeded, which field it is and what the limit is, in the
Classic form as in REST. Links are web addresses only; numbers are finite.
"""

from bibqual.validation import MAX_INDICATORS
from bibqual.validation import MAX_LINE_LENGTH
from bibqual.validation import MAX_LIST_ITEMS
from bibqual.validation import MAX_TEXT_LENGTH
from bibqual.validation import MAX_URL_LENGTH
from bibqual.validation import NOT_A_NUMBER
from bibqual.validation import NOT_A_TYPED_NUMBER
from bibqual.validation import NOT_A_WEB_LINK
from bibqual.validation import clear_error
from bibqual.validation import is_finite
from bibqual.validation import line_too_long
from bibqual.validation import parse_number
from bibqual.validation import safe_link
from bibqual.validation import too_long
from zope.interface import implementer
from zope.schema import URI
from zope.schema import Float
from zope.schema import List
from zope.schema import Text
from zope.schema import TextLine
from zope.schema.interfaces import IURI
from zope.schema.interfaces import IFloat
from zope.schema.interfaces import WrongType


def _label(field):
    return field.title or field.__name__


class _Bounded:
    """Refuses a value longer than ``max_length`` with a message naming the field
    and the limit (zope.schema only says "Value is too long")."""

    def _rule_error(self, value):
        """The refusal of ``value`` by bibqual's rule for this field, else None."""
        return too_long(_label(self), value, self.max_length)

    def _validate(self, value):
        # before the items are validated: 100,000 rows are refused at once
        error = self._rule_error(value)
        if error is not None:
            raise error.with_field_and_value(self, value)
        super()._validate(value)


class Line(_Bounded, TextLine):
    """One line of text, at most ``MAX_LINE_LENGTH`` characters unless told."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", MAX_LINE_LENGTH)
        super().__init__(**kwargs)


class LongText(_Bounded, Text):
    """A text of several paragraphs, at most ``MAX_TEXT_LENGTH`` characters unless told."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", MAX_TEXT_LENGTH)
        super().__init__(**kwargs)


class Lines(_Bounded, List):
    """A list (edited one item per line), at most ``MAX_LIST_ITEMS`` items of at most
    ``MAX_LINE_LENGTH`` characters; optional, empty by default."""

    def __init__(self, **kwargs):
        kwargs.setdefault("value_type", Line())
        kwargs.setdefault("max_length", MAX_LIST_ITEMS)
        kwargs.setdefault("default", [])
        kwargs.setdefault("missing_value", [])
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def _rule_error(self, value):
        # a line too long is named here, not as the List's "Wrong contained type"
        limit = getattr(self.value_type, "max_length", None)
        return super()._rule_error(value) or line_too_long(_label(self), value, limit)


class Rows(_Bounded, List):
    """A list of grid rows (indicators), at most ``MAX_INDICATORS`` unless told."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", MAX_INDICATORS)
        super().__init__(**kwargs)


class IWebURI(IURI):
    """A link field whose value is only ever given out as a web address."""


@implementer(IWebURI)
class WebURI(_Bounded, URI):
    """A link to a web page: only ``http://`` and ``https://`` addresses.

    ``javascript:``, ``data:`` and other schemes would run in the browser of
    whoever clicks the link, so they are refused (see ``safe_link``).
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", MAX_URL_LENGTH)
        super().__init__(**kwargs)

    def _rule_error(self, value):
        # before zope.schema's own URI check, so every bad link gets this message
        error = super()._rule_error(value)
        if error is None and isinstance(value, str) and safe_link(value) is None:
            error = clear_error(NOT_A_WEB_LINK, _label(self))
        return error


@implementer(IFloat)
class Number(Float):
    """A float field that also accepts whole numbers (``100`` as well as ``100.0``).

    JSON clients write ``"budget": 5000``; a plain ``Float`` would refuse that.
    Booleans are refused although Python counts them as integers, and so are
    NaN and Infinity, which JSON cannot carry back to the client. Typed as text
    (``fromUnicode``, REST's string values) it follows ``parse_number``: ``12,5``.
    """

    _type = (float, int)

    def fromUnicode(self, value):
        try:
            number = parse_number(value)
        except ValueError:
            error = clear_error(NOT_A_TYPED_NUMBER, _label(self))
            raise error.with_field_and_value(self, value) from None
        self.validate(number)
        return number

    def _validate(self, value):
        if isinstance(value, bool):
            raise WrongType(value, self._type, self.__name__).with_field_and_value(self, value)
        if isinstance(value, float) and not is_finite(value):
            raise clear_error(NOT_A_NUMBER, _label(self)).with_field_and_value(self, value)
        super()._validate(value)
