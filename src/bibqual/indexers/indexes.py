"""bibqual's own catalog index classes: a year, a percentage and a date as every
search client sends them, as text.

A ``FieldIndex`` holding whole numbers finds nothing for ``"2026"`` (and logs an
error), and a range query with text fails; a ``DateIndex`` reads any text
``DateTime`` makes sense of ("20" is today at 20:00) and fails on a bad date. The
classes below turn the text of a query into what they hold, and a value they
cannot hold finds nothing instead of failing: Classic ``@@search``, collections,
listing blocks and ``@search`` all get the same answer. plone.restapi refuses such a
value with a 400 before searching (``restapi.search``).

They keep the meta types ``FieldIndex`` and ``DateIndex``: GenericSetup, the ZMI and
catalog exports see the indexes they know.
"""

from Acquisition import aq_base
from bibqual.validation import parse_iso_date
from BTrees.IIBTree import IISet
from BTrees.IIBTree import difference
from DateTime.interfaces import DateTimeError
from Products.PluginIndexes.DateIndex.DateIndex import DateIndex
from Products.PluginIndexes.FieldIndex.FieldIndex import FieldIndex
import datetime
import re


WHOLE_NUMBER = re.compile(r"-?[0-9]{1,18}")


def whole_number(value):
    """``value`` (an int or its text) as an int, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and WHOLE_NUMBER.fullmatch(value.strip()):
        return int(value.strip())
    return None


def day(text):
    """The day written in ``text``: ``YYYY-MM-DD``, or an ISO date and time
    (``YYYY-MM-DDTHH:MM...``: its day as written); else None."""
    text = text.strip()
    try:
        if len(text) > 10 and text[10] == "T":
            datetime.datetime.fromisoformat(text)  # the time must be valid too
            text = text[:10]
        return parse_iso_date(text)
    except ValueError:
        return None


class _QueryByConversion:
    """A query value the index cannot hold is found nowhere (an empty result, no
    error); a ``not`` value it cannot hold excludes nothing.

    ``UnIndex`` converts ``not`` values only when they come alone: with query
    values beside them (``year.query=2026&year.range=max&year.not=2025``) it
    would look the text up as it came, so they are applied here.
    """

    def query_index(self, record, resultset=None):
        if any(self._convert(key) is None for key in record.keys or ()):
            return IISet()
        excluded = [value for value in record.get("not") or () if self._convert(value) is not None]
        if not record.keys:
            record.set("not", excluded)
            return super().query_index(record, resultset)
        record.set("not", None)
        found = super().query_index(record, resultset)
        if not excluded:
            return found
        return difference(found, self._apply_not([self._convert(value) for value in excluded]))


class IntegerIndex(_QueryByConversion, FieldIndex):
    """A field index of whole numbers (a year, a percentage) that reads ``"2026"``
    in a query as 2026."""

    meta_type = "FieldIndex"

    def _convert(self, value, default=None):
        number = whole_number(value)
        return default if number is None else number


class DayIndex(_QueryByConversion, DateIndex):
    """A date index of days (deadlines, review and validity dates) that reads a
    query's ``YYYY-MM-DD`` as that day (as a date field is indexed, whatever the
    server's time zone) and refuses other text."""

    meta_type = "DateIndex"

    def _convert(self, value, default=None):
        if isinstance(value, str):
            value = day(value)
            if value is None:
                return default
        try:
            return super()._convert(value, default)
        except (DateTimeError, OverflowError, ValueError):
            # out of the index's range (after the year 4000) or not a date at all
            return default


def is_older_kind(index, kind):
    """Whether ``index`` is the stock index an older bibqual made where ``kind``
    (one of the classes above) belongs now: same meta type, other class."""
    return (
        isinstance(kind, type)
        and not isinstance(aq_base(index), kind)
        and index.meta_type == kind.meta_type
    )
