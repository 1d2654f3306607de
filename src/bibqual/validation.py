"""Input rules shared by the schemas, the REST deserializers, the services and the pages.

One home for: how long lists and texts may be, which links may be stored and
rendered (web addresses only), that numbers are finite, that dates are written
``YYYY-MM-DD``, and that a Word template is a Word file. A leaf module: it
imports nothing else of bibqual but its message factory, so content, REST,
reports and audit can all use it.
"""

from bibqual import _
from decimal import Decimal
from docx import Document
from io import BytesIO
from urllib.parse import urlsplit
from zope.schema.interfaces import ValidationError
import datetime
import math
import re


# -- Size limits (a stored list or text is read back on every page and REST call) --------

MAX_INDICATORS = 50
MAX_LIST_ITEMS = 50
MAX_LINE_LENGTH = 300
MAX_URL_LENGTH = 2000
MAX_TEXT_LENGTH = 20000
MAX_COMMENT_LENGTH = 5000

# ``${field}`` is the field's title in a form, its JSON key in REST.
TOO_MANY_ITEMS = _("${field}: at most ${max} items.")
TOO_LONG = _("${field}: at most ${max} characters.")
LINE_TOO_LONG = _("${field}: at most ${max} characters per line.")
NOT_A_WEB_LINK = _("${field}: only web addresses that start with http:// or https:// are allowed.")
NOT_A_NUMBER = _("${field} must be a number.")
NOT_A_TYPED_NUMBER = _("${field} must be a number (for example 1500 or 12,5).")
NOT_A_DATE = _("'${value}' is not a date for ${field}; write it as YYYY-MM-DD.")


class ClearValidationError(ValidationError):
    """A validation error whose message is a translatable message id.

    z3c.form shows ``doc()`` next to the field; plone.restapi puts it in the
    400's ``message``.
    """

    def doc(self):
        return self.args[0]


def clear_error(message, field, **mapping):
    """A :class:`ClearValidationError` of ``message`` about ``field`` (title or key)."""
    return ClearValidationError(_(message, mapping={"field": field, **mapping}))


def too_long(field, value, limit):
    """The refusal of ``value`` (a str or a list) when it is longer than ``limit``, else None."""
    if limit is None or not isinstance(value, (str, list, tuple)) or len(value) <= limit:
        return None
    return clear_error(TOO_LONG if isinstance(value, str) else TOO_MANY_ITEMS, field, max=limit)


def line_too_long(field, lines, limit):
    """The refusal of a list of lines of which one is longer than ``limit``, else None."""
    if limit is None or not isinstance(lines, (list, tuple)):
        return None
    if any(isinstance(line, str) and len(line) > limit for line in lines):
        return clear_error(LINE_TOO_LONG, field, max=limit)
    return None


# -- Links -----------------------------------------------------------------------------

# Only these schemes are stored as links and rendered in an ``href``: no
# ``javascript:``, ``data:``, ``vbscript:``, ``file:``, ``mailto:`` or relative links.
WEB_SCHEMES = ("http", "https")


def safe_link(value):
    """``value`` when it may be put in an ``href``, else ``None``.

    Safe is an absolute ``http://`` or ``https://`` address with a host and no
    white space or control characters anywhere (a browser drops tabs and
    newlines inside a URL, so ``java\\tscript:`` would still run).
    """
    if not isinstance(value, str):
        return None
    link = value.strip()
    if not link or len(link) > MAX_URL_LENGTH:
        return None
    if any(char.isspace() or ord(char) < 32 or ord(char) == 127 for char in link):
        return None
    try:
        parts = urlsplit(link)
    except ValueError:
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        return None
    return link


# -- Numbers -------------------------------------------------------------------------


def is_finite(number):
    """Whether ``number`` is a real number that JSON can carry (not NaN or Infinity)."""
    try:
        return math.isfinite(number)
    except (TypeError, OverflowError):
        return False


# The one rule for a number a person types (budget, indicator target and result, a
# self-evaluation score): a decimal comma or a decimal point, and points between
# thousands when a comma follows or there are several (``1.500,25``, ``1.500.000``).
# ``1.500`` alone could be either, so it is refused, not guessed.
_PLAIN = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")
_GROUPED = re.compile(r"[+-]?[1-9][0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?")


def parse_number(text):
    """The number typed as ``text``: ``None`` when blank, an ``int`` when written
    without decimals, else a ``float``; ``ValueError`` when it is no number (or an
    ambiguous one such as ``1.500``, or not finite)."""
    text = (text or "").strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    plain = _PLAIN.fullmatch(text)
    grouped = _GROUPED.fullmatch(text)
    if plain and grouped:
        raise ValueError(text)
    if grouped:
        text = text.replace(".", "")
    elif not plain:
        raise ValueError(text)
    text = text.replace(",", ".")
    number = float(text) if "." in text else int(text)
    if not is_finite(number):
        raise ValueError(text)
    return number


def typed_number(number):
    """``number`` as a person types it in a form: a decimal comma, no points between
    thousands, no ``,0`` for a whole number (``12,5``, ``38500``); ``""`` for None.
    ``parse_number`` reads it back as the same number."""
    if number is None or isinstance(number, bool):
        return ""
    if isinstance(number, float) and number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    text = repr(number) if isinstance(number, float) else str(number)
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text.replace(".", ",")


# -- Dates ---------------------------------------------------------------------------

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_iso_date(value):
    """The date written as ``YYYY-MM-DD`` in ``value``, else ``ValueError``.

    Nothing else: no ``20270601``, no time of day, no ISO week dates, no numbers,
    no spaces around it.
    """
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        raise ValueError(value)
    return datetime.date.fromisoformat(value)


# -- Files ---------------------------------------------------------------------------------


def is_word_document(data):
    """Whether ``data`` (bytes) opens as a Word document (``.docx``)."""
    try:
        Document(BytesIO(data))
    except Exception:
        return False
    return True
