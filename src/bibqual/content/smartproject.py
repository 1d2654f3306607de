"""SmartProject: a SMART project in a year plan that runs round the PDCA cycle."""

from bibqual import _
from bibqual.content.fields import Line
from bibqual.content.fields import Lines
from bibqual.content.fields import LongText
from bibqual.content.fields import Number
from bibqual.content.indicators import indicators_field
from bibqual.content.interfaces import IBibqualContent
from bibqual.content.widgets import BoundedDataGridFieldWidgetFactory
from bibqual.content.widgets import NumberFieldWidget
from bibqual.ids import VOCAB_SPEARHEADS
from bibqual.validation import MAX_URL_LENGTH
from bibqual.validation import too_long
from plone.app.z3cform.widgets.select import AjaxSelectFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from plone.z3cform.textlines import TextLinesFieldWidget
from zope import schema
from zope.interface import Invalid
from zope.interface import implementer
from zope.interface import invariant


DEADLINE_BEFORE_START = _("The deadline cannot be before the start date.")

# The Classic form's widget of ``responsible`` (here and on the assurance project):
# a search among the site's users (select2 on plone.app.vocabularies.Users), one
# person at most, and a typed name that is no user is kept as it is. The stored
# value stays a line of text: a user id, or the name (old data and REST too).
RESPONSIBLE_WIDGET = {
    "vocabulary": "plone.app.vocabularies.Users",
    "pattern_options": {"maximumSelectionSize": 1, "allowNewItems": "true"},
}


class ISmartProject(model.Schema):
    """A project written the SMART way: S, M, A, R and T, then Check and Act."""

    spearhead = schema.Choice(
        title=_("Spearhead"),
        description=_("The spearhead of the year plan this project belongs to."),
        vocabulary=VOCAB_SPEARHEADS,
        required=False,
    )

    model.fieldset(
        "smart_s",
        label=_("S: Specific"),
        fields=["specific", "target_groups"],
    )
    specific = LongText(
        title=_("Specific goal"),
        description=_("What exactly do we want to achieve, and for whom?"),
        required=True,
    )
    directives.widget("target_groups", TextLinesFieldWidget)
    target_groups = Lines(
        title=_("Target groups"),
        description=_("Who the project is for, one group per line."),
    )

    model.fieldset(
        "smart_m",
        label=_("M: Measurable"),
        fields=["measurable", "indicators"],
    )
    measurable = LongText(
        title=_("Measurable"),
        description=_("How will we know the goal is reached?"),
        required=False,
    )
    directives.widget("indicators", BoundedDataGridFieldWidgetFactory, allow_reorder=True)
    indicators = indicators_field(
        title=_("Indicators"),
        description=_("What is measured, the target value, the result and its unit."),
    )

    model.fieldset(
        "smart_a",
        label=_("A: Achievable"),
        fields=["achievable", "responsible", "partners"],
    )
    achievable = LongText(
        title=_("Achievable"),
        description=_("Why is there support for this, inside and outside the library?"),
        required=False,
    )
    directives.widget("responsible", AjaxSelectFieldWidget, **RESPONSIBLE_WIDGET)
    responsible = Line(
        title=_("Responsible"),
        description=_("User id or name of the person who owns the project."),
        required=False,
    )
    directives.widget("partners", TextLinesFieldWidget)
    partners = Lines(
        title=_("Partners"),
        description=_("Organisations the library works with, one per line."),
    )

    model.fieldset(
        "smart_r",
        label=_("R: Realistic"),
        fields=["realistic", "budget"],
    )
    realistic = LongText(
        title=_("Realistic"),
        description=_("Which people, time and money make this feasible?"),
        required=False,
    )
    directives.widget("budget", NumberFieldWidget)
    budget = Number(
        title=_("Budget (euro)"),
        min=0.0,
        required=False,
    )

    model.fieldset(
        "smart_t",
        label=_("T: Time-bound"),
        fields=["start", "deadline"],
    )
    start = schema.Date(title=_("Start"), required=False)
    deadline = schema.Date(
        title=_("Deadline"),
        description=_("The date the goal must be reached."),
        required=True,
    )

    model.fieldset(
        "check_act",
        label=_("Check and Act"),
        fields=["evaluation", "improvements", "copied_from"],
    )
    evaluation = LongText(
        title=_("Evaluation"),
        description=_("Check: what did the measurements show?"),
        required=False,
    )
    improvements = LongText(
        title=_("Improvements"),
        description=_("Act: what do we change or secure as a result?"),
        required=False,
    )
    copied_from = Line(
        title=_("Copied from"),
        description=_("The project this one was copied from."),
        max_length=MAX_URL_LENGTH,
        required=False,
        readonly=True,
    )

    @invariant
    def deadline_not_before_start(data):
        """The deadline may not lie before the start."""
        start = getattr(data, "start", None)
        deadline = getattr(data, "deadline", None)
        if start and deadline and deadline < start:
            raise Invalid(DEADLINE_BEFORE_START)

    @invariant
    def indicators_within_limit(data):
        """At most ``MAX_INDICATORS`` indicators. The field says so itself, but the
        Classic form's grid widget does not validate the list as a whole."""
        field = ISmartProject["indicators"]
        error = too_long(field.title, getattr(data, "indicators", None), field.max_length)
        if error is not None:
            raise error


@implementer(ISmartProject, IBibqualContent)
class SmartProject(Container):
    """A SMART project."""
