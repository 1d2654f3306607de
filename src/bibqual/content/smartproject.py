"""SmartProject: a SMART project in a year plan that runs round the PDCA cycle."""

from bibqual import _
from bibqual.content.fields import Number
from bibqual.content.indicators import indicators_field
from bibqual.content.interfaces import IBibqualContent
from bibqual.ids import VOCAB_SPEARHEADS
from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidgetFactory
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from plone.z3cform.textlines import TextLinesFieldWidget
from zope import schema
from zope.interface import Invalid
from zope.interface import implementer
from zope.interface import invariant


DEADLINE_BEFORE_START = _("The deadline cannot be before the start date.")


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
    specific = schema.Text(
        title=_("Specific goal"),
        description=_("What exactly do we want to achieve, and for whom?"),
        required=True,
    )
    directives.widget("target_groups", TextLinesFieldWidget)
    target_groups = schema.List(
        title=_("Target groups"),
        description=_("Who the project is for, one group per line."),
        value_type=schema.TextLine(),
        default=[],
        missing_value=[],
        required=False,
    )

    model.fieldset(
        "smart_m",
        label=_("M: Measurable"),
        fields=["measurable", "indicators"],
    )
    measurable = schema.Text(
        title=_("Measurable"),
        description=_("How will we know the goal is reached?"),
        required=False,
    )
    directives.widget("indicators", DataGridFieldWidgetFactory, allow_reorder=True)
    indicators = indicators_field(
        title=_("Indicators"),
        description=_("What is measured, the target value, the result and its unit."),
    )

    model.fieldset(
        "smart_a",
        label=_("A: Achievable"),
        fields=["achievable", "responsible", "partners"],
    )
    achievable = schema.Text(
        title=_("Achievable"),
        description=_("Why is there support for this, inside and outside the library?"),
        required=False,
    )
    responsible = schema.TextLine(
        title=_("Responsible"),
        description=_("User id or name of the person who owns the project."),
        required=False,
    )
    directives.widget("partners", TextLinesFieldWidget)
    partners = schema.List(
        title=_("Partners"),
        description=_("Organisations the library works with, one per line."),
        value_type=schema.TextLine(),
        default=[],
        missing_value=[],
        required=False,
    )

    model.fieldset(
        "smart_r",
        label=_("R: Realistic"),
        fields=["realistic", "budget"],
    )
    realistic = schema.Text(
        title=_("Realistic"),
        description=_("Which people, time and money make this feasible?"),
        required=False,
    )
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
    evaluation = schema.Text(
        title=_("Evaluation"),
        description=_("Check: what did the measurements show?"),
        required=False,
    )
    improvements = schema.Text(
        title=_("Improvements"),
        description=_("Act: what do we change or secure as a result?"),
        required=False,
    )
    copied_from = schema.TextLine(
        title=_("Copied from"),
        description=_("The project this one was copied from."),
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


@implementer(ISmartProject, IBibqualContent)
class SmartProject(Container):
    """A SMART project."""
