"""AssuranceProject: an agreement that is checked again on a fixed cycle."""

from bibqual import _
from bibqual.content.fields import Line
from bibqual.content.fields import LongText
from bibqual.content.interfaces import IBibqualContent
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IAssuranceProject(model.Schema):
    """A borgingsproject: made once, then repeated every interval."""

    agreement = LongText(
        title=_("Agreement"),
        description=_(
            "The agreement that is secured, e.g. 'the collection plan is evaluated every year'."
        ),
        required=True,
    )
    interval_months = schema.Int(
        title=_("Interval (months)"),
        description=_("How often the agreement is checked again."),
        min=1,
        max=60,
        default=12,
        required=True,
    )
    next_review = schema.Date(
        title=_("Next review"),
        required=False,
    )
    cycle = schema.Int(
        title=_("Cycle"),
        description=_("Which round of the cycle this is; it goes up by one with every new cycle."),
        default=1,
        readonly=True,
    )
    responsible = Line(
        title=_("Responsible"),
        description=_("User id or name of the person who secures the agreement."),
        required=False,
    )


@implementer(IAssuranceProject, IBibqualContent)
class AssuranceProject(Container):
    """An assurance project."""
