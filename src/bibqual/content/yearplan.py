"""YearPlan: the year plan (jaarplan) of one library for one year."""

from Acquisition import aq_base
from bibqual import _
from bibqual.content.fields import Lines
from bibqual.content.interfaces import IBibqualContent
from bibqual.ids import YEAR_MAX
from bibqual.ids import YEAR_MIN
from bibqual.ids import YEAR_PLAN
from bibqual.utils import find_library
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from plone.z3cform.textlines import TextLinesFieldWidget
from zope import schema
from zope.interface import Invalid
from zope.interface import implementer
from zope.interface import invariant


def year_taken(library, year, own=None):
    """Whether another YearPlan of ``library`` already has ``year``."""
    if library is None or year is None:
        return False
    for plan in library.objectValues():
        if getattr(plan, "portal_type", None) != YEAR_PLAN or aq_base(plan) is own:
            continue
        if getattr(plan, "year", None) == year:
            return True
    return False


class IYearPlan(model.Schema):
    """A year plan of SMART projects, grouped under spearheads."""

    year = schema.Int(
        title=_("Year"),
        description=_("The calendar year the plan is for."),
        min=YEAR_MIN,
        max=YEAR_MAX,
        required=True,
    )

    directives.widget("spearheads", TextLinesFieldWidget)
    spearheads = Lines(
        title=_("Spearheads"),
        description=_("The spearheads (speerpunten) of this year, one per line."),
    )

    @invariant
    def year_unique_in_library(data):
        """A library has one year plan per year."""
        context = getattr(data, "__context__", None)
        year = getattr(data, "year", None)
        own = context if getattr(context, "portal_type", None) == YEAR_PLAN else None
        if own is not None:
            own = aq_base(own)
        library = find_library(context)
        if year_taken(library, year, own):
            raise Invalid(
                _(
                    "This library already has a year plan for ${year}.",
                    mapping={"year": year},
                )
            )


@implementer(IYearPlan, IBibqualContent)
class YearPlan(Container):
    """A year plan."""
