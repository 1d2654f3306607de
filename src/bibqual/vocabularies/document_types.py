"""Kinds of evidence documents an auditor asks for."""

from bibqual import _
from bibqual.ids import DOCUMENT_ANNUAL_REPORT
from bibqual.ids import DOCUMENT_AUDIT_DAY_PROPOSAL
from bibqual.ids import DOCUMENT_POLICY_PLAN
from bibqual.ids import DOCUMENT_SELF_EVALUATION
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


DOCUMENT_TYPES = (
    (DOCUMENT_POLICY_PLAN, _("Policy plan")),
    ("jaarplan", _("Year plan")),
    (DOCUMENT_ANNUAL_REPORT, _("Annual report")),
    (DOCUMENT_SELF_EVALUATION, _("Self-evaluation")),
    (DOCUMENT_AUDIT_DAY_PROPOSAL, _("Audit day proposal")),
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
