"""Vocabularies of the norm framework: its elements and the frameworks."""

from bibqual.settings import active_framework
from bibqual.settings import extra_norm_elements
from bibqual.vocabularies.frameworks import FRAMEWORKS
from bibqual.vocabularies.frameworks import framework_elements
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


@provider(IVocabularyFactory)
def norm_fields(context):
    """The elements of the active norm framework, extras included."""
    elements = framework_elements(active_framework(), extra_norm_elements())
    return SimpleVocabulary(
        [SimpleTerm(value=token, token=token, title=title) for token, title in elements]
    )


@provider(IVocabularyFactory)
def norm_frameworks(context):
    """The norm frameworks bibqual ships."""
    return SimpleVocabulary(
        [SimpleTerm(value=key, token=key, title=data["title"]) for key, data in FRAMEWORKS.items()]
    )
