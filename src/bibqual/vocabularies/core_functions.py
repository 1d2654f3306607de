"""The five core functions of a public library (Wsob)."""

from bibqual import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


CORE_FUNCTIONS = (
    ("kennis-en-informatie", _("Knowledge and information")),
    ("ontwikkeling-en-educatie", _("Development and education")),
    ("lezen-en-literatuur", _("Reading and literature")),
    ("ontmoeting-en-debat", _("Meeting and debate")),
    ("kunst-en-cultuur", _("Art and culture")),
)


@provider(IVocabularyFactory)
def core_functions(context):
    """Vocabulary of the core functions."""
    return SimpleVocabulary(
        [SimpleTerm(value=token, token=token, title=title) for token, title in CORE_FUNCTIONS]
    )
