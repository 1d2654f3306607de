"""The spearheads of the year plan a project belongs to."""

from bibqual.utils import find_year_plan
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


@provider(IVocabularyFactory)
def spearheads(context):
    """Spearheads of the enclosing year plan (empty outside a year plan)."""
    plan = find_year_plan(context)
    values = list(getattr(plan, "spearheads", None) or []) if plan is not None else []
    return SimpleVocabulary(
        [SimpleTerm(value=value, title=value) for value in dict.fromkeys(values)]
    )
