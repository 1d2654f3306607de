"""JSON of bibqual's large answers (dossier, board, overviews), without a lookup per value.

plone.restapi's ``json_compatible`` looks up an adapter for every single value and translates a
message each time it meets it: for a dossier of a few hundred items that was two thirds of the
request. ``plain`` gives the same JSON (ISO dates as plone.restapi writes them, messages
translated for the request, each once) by type, and hands anything else to ``json_compatible``.
"""

from DateTime import DateTime
from datetime import date
from datetime import time
from plone.restapi.serializer.converters import datetimelike_to_iso
from plone.restapi.serializer.converters import json_compatible
from zope.i18n import translate
from zope.i18nmessageid import Message


NATIVE = (str, bool, int, float, type(None))
SEQUENCES = (list, tuple, set, frozenset)
DATES = (date, time, DateTime)  # datetime is a date


def plain(value, request):
    """``value`` (dicts, sequences, texts, numbers, dates, messages) as JSON-compatible data."""
    translated = {}

    def message(value):
        if value.mapping:
            return translate(value, context=request)
        key = (str(value), value.domain, value.default)
        if key not in translated:
            translated[key] = translate(value, context=request)
        return translated[key]

    def convert(value):
        if isinstance(value, Message):
            return message(value)
        if isinstance(value, NATIVE):
            return value
        if isinstance(value, dict):
            return {
                key
                if isinstance(key, str) and not isinstance(key, Message)
                else convert(key): convert(item)
                for key, item in value.items()
            }
        if isinstance(value, SEQUENCES):
            return [convert(item) for item in value]
        if isinstance(value, DATES):
            return datetimelike_to_iso(value)
        return json_compatible(value)

    return convert(value)
