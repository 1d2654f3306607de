"""Kinds of evidence documents an auditor asks for."""

from bibqual import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


DOCUMENT_TYPES = (
    ("beleidsplan", _("Policy plan")),
    ("jaarplan", _("Year plan")),
    ("jaarverslag", _("Annual report")),
    ("evaluatie", _("Evaluation")),
    ("klanttevredenheidsonderzoek", _("Customer satisfaction survey")),
    ("procedure", _("Procedure")),
    ("overeenkomst", _("Agreement")),
    ("overig", _("Other")),
)


@provider(IVocabularyFactory)
def document_types(context):
    """Vocabulary of evidence document types."""
    return SimpleVocabulary(
        [SimpleTerm(value=token, token=token, title=title) for token, title in DOCUMENT_TYPES]
    )
