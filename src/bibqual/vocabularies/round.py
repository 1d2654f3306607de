"""Vocabularies of the certification round: outcomes and kinds of findings."""

from bibqual import _
from bibqual.ids import CERTIFIED
from bibqual.ids import CONDITIONAL
from bibqual.ids import IMPROVEMENT
from bibqual.ids import NOT_CERTIFIED
from bibqual.ids import SHORTCOMING
from bibqual.ids import STRENGTH
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


OUTCOME_TITLES = (
    (CERTIFIED, _("Certified")),
    (CONDITIONAL, _("Conditionally certified (recovery plan)")),
    (NOT_CERTIFIED, _("Not certified")),
)

FINDING_KIND_TITLES = (
    (STRENGTH, _("Strength")),
    (IMPROVEMENT, _("Point for improvement")),
    (SHORTCOMING, _("Shortcoming")),
)


def _vocabulary(pairs):
    return SimpleVocabulary([SimpleTerm(value=t, token=t, title=title) for t, title in pairs])


@provider(IVocabularyFactory)
def outcomes(context):
    """The outcomes of a certification round."""
    return _vocabulary(OUTCOME_TITLES)


@provider(IVocabularyFactory)
def finding_kinds(context):
    """The kinds of audit findings."""
    return _vocabulary(FINDING_KIND_TITLES)
