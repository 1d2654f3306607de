"""Certification: one certification round of a library (folderish: its self-evaluation
and audit report live inside)."""

from bibqual import _
from bibqual.certification import milestones
from bibqual.content.interfaces import IBibqualContent
from bibqual.ids import VOCAB_NORM_FRAMEWORKS
from bibqual.ids import VOCAB_OUTCOMES
from bibqual.settings import active_framework
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import Invalid
from zope.interface import implementer
from zope.interface import invariant
from zope.interface import provider
from zope.schema.interfaces import IContextAwareDefaultFactory


@provider(IContextAwareDefaultFactory)
def default_framework(context):
    """A new round is judged against the site's active framework."""
    return active_framework()


class ICertification(model.Schema):
    """A certification round: the certificate that ends, the audit and the decision."""

    framework = schema.Choice(
        title=_("Norm framework"),
        description=_("The norm the library is audited against in this round."),
        vocabulary=VOCAB_NORM_FRAMEWORKS,
        defaultFactory=default_framework,
        required=True,
    )
    certified_until = schema.Date(
        title=_("Current certificate valid until"),
        description=_("The audit is planned in the quarter in which the certificate ends."),
        required=True,
    )
    audit_date = schema.Date(title=_("Audit date"), required=False)
    outcome = schema.Choice(
        title=_("Outcome"),
        vocabulary=VOCAB_OUTCOMES,
        required=False,
    )
    decision_date = schema.Date(title=_("Decision date"), required=False)
    new_certified_until = schema.Date(title=_("New certificate valid until"), required=False)
    audit_quarter = schema.TextLine(title=_("Audit quarter"), readonly=True, required=False)
    self_assessment_due = schema.Date(
        title=_("Self-evaluation due"),
        description=_("Six weeks before the audit."),
        readonly=True,
        required=False,
    )

    @invariant
    def dates_in_order(data):
        """The decision follows the audit, the new certificate ends after the decision."""
        audit = getattr(data, "audit_date", None)
        decision = getattr(data, "decision_date", None)
        new_end = getattr(data, "new_certified_until", None)
        if audit and decision and decision < audit:
            raise Invalid(_("The decision date cannot be before the audit date."))
        if decision and new_end and new_end <= decision:
            raise Invalid(_("The new certificate must end after the decision date."))


@implementer(ICertification, IBibqualContent)
class Certification(Container):
    """A certification round."""

    @property
    def audit_quarter(self):
        return milestones.audit_quarter(getattr(self, "certified_until", None))

    @property
    def self_assessment_due(self):
        return milestones.self_assessment_due(getattr(self, "audit_date", None))
