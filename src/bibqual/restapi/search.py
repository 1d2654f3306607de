"""plone.restapi's reading of ``@search`` queries on bibqual's own index classes.

plone.restapi picks a query parser per index class. For bibqual's
``IntegerIndex`` (year, indicator progress) and ``DayIndex`` (deadline, next
review, valid until) the parsers below check each value, ``not`` value included,
with the index's own conversion and pass the text on (the index reads it); a value
the index cannot hold is a 400 with a message, never a 500 or an empty answer.
"""

from bibqual import _
from bibqual.indexers.indexes import DayIndex
from bibqual.indexers.indexes import IntegerIndex
from bibqual.validation import NOT_A_DATE
from plone.restapi.exceptions import QueryParsingError
from plone.restapi.interfaces import IIndexQueryParser
from plone.restapi.search.query import ANY_TYPE
from plone.restapi.search.query import BaseIndexQueryParser
from zExceptions import BadRequest
from zope.component import adapter
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import implementer


NOT_A_WHOLE_NUMBER = _("'${value}' is not a whole number for ${field}.")
MISSING_QUERY = _("${field}: a search with options needs a value in '${field}.query'.")


class _CheckedQueryParser(BaseIndexQueryParser):
    """Values pass as they came once the index can read them; else a 400."""

    query_value_type = ANY_TYPE
    query_options = {"range": str}
    refusal = None  # the message id of a value the index cannot read

    def refuse(self, message, **mapping):
        mapping["field"] = self.index.getId()
        raise BadRequest(translate(_(message, mapping=mapping), context=self.request))

    def parse_query_value(self, query_value):
        if self.index._convert(query_value) is None:
            self.refuse(self.refusal, value=query_value)
        return query_value

    def parse_complex_query(self, idx_query):
        if "query" not in idx_query:
            self.refuse(MISSING_QUERY)
        idx_query = dict(idx_query)
        excluded = idx_query.pop("not", None)
        try:
            parsed = super().parse_complex_query(idx_query)
        except QueryParsingError as error:  # a bad option: plone.restapi's message
            raise BadRequest(str(error)) from error
        if excluded is not None:
            parsed["not"] = self.parse_simple_query(excluded)
        return parsed


@implementer(IIndexQueryParser)
@adapter(IntegerIndex, Interface, Interface)
class IntegerIndexQueryParser(_CheckedQueryParser):
    """``year=2026``, ``indicator_progress.query=20&indicator_progress.range=min``."""

    refusal = NOT_A_WHOLE_NUMBER


@implementer(IIndexQueryParser)
@adapter(DayIndex, Interface, Interface)
class DayIndexQueryParser(_CheckedQueryParser):
    """``deadline.query=2026-12-01&deadline.range=max``."""

    refusal = NOT_A_DATE
