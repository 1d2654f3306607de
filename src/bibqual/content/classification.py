"""Behavior: norm fields, core functions and policy topics of an item."""

from bibqual import _
from bibqual.content.fields import Lines
from bibqual.ids import VOCAB_CORE_FUNCTIONS
from bibqual.ids import VOCAB_NORM_FIELDS
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from plone.z3cform.textlines import TextLinesFieldWidget
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class IClassification(model.Schema):
    """Where an item stands in the certification norm and the library's work."""

    model.fieldset(
        "classification",
        label=_("Norm and core functions"),
        fields=["norm_fields", "core_functions", "policy_topics"],
    )

    # The vocabulary offers the active framework's elements plus the tags the item
    # holds (an element of another framework with that framework's name), and accepts
    # every element the site knows (``vocabularies/norm.py``): a tag given under
    # another framework survives every save; a token no framework knows is refused.
    directives.widget("norm_fields", CheckBoxFieldWidget)
    norm_fields = schema.List(
        title=_("Norm elements"),
        description=_("The elements of the certification norm this item serves."),
        value_type=schema.Choice(vocabulary=VOCAB_NORM_FIELDS),
        default=[],
        missing_value=[],
        required=False,
    )

    directives.widget("core_functions", CheckBoxFieldWidget)
    core_functions = schema.List(
        title=_("Core functions"),
        description=_("The core functions of the library (Wsob) this item serves."),
        value_type=schema.Choice(vocabulary=VOCAB_CORE_FUNCTIONS),
        default=[],
        missing_value=[],
        required=False,
    )

    directives.widget("policy_topics", TextLinesFieldWidget)
    policy_topics = Lines(
        title=_("Policy topics"),
        description=_("One topic per line, for example 'Digitale inclusie'."),
    )
