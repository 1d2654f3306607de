"""YearPlan: the year plan (jaarplan) of one library for one year."""

from bibqual import _
from bibqual.content.fields import Lines
from bibqual.content.interfaces import IBibqualContent
from bibqual.ids import YEAR_MAX
from bibqual.ids import YEAR_MIN
from bibqual.ids import YEAR_PLAN
from bibqual.planning.plans import year_taken
from bibqual.utils import find_library
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from plone.z3cform.textlines import TextLinesFieldWidget
from zope import schema
from zope.interface import Invalid
from zope.interface import implementer
from zope.interface import invariant


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
