"""Finding: one finding of an audit, with the projects that act on it."""

from Acquisition import aq_base
from bibqual import _
from bibqual.content.fields import LongText
from bibqual.content.interfaces import IBibqualContent
from bibqual.ids import ASSURANCE_PROJECT
from bibqual.ids import SMART_PROJECT
from bibqual.ids import VOCAB_FINDING_KINDS
from bibqual.ids import VOCAB_NORM_FIELDS
from bibqual.utils import find_library
from bibqual.validation import MAX_LIST_ITEMS
from bibqual.validation import ClearValidationError
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from z3c.relationfield.interfaces import IRelationValue
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import implementer


ACTION_TYPES = [SMART_PROJECT, ASSURANCE_PROJECT]


class ActionList(RelationList):
    """Relations to the projects and assurance projects of the finding's own library;
    anything else (evidence, a folder, another library's project) is refused by name,
    in the form and over REST."""

    def _validate(self, value):
        super()._validate(value)
        library = find_library(self.context)
        for item in value or ():
            target = item.to_object if IRelationValue.providedBy(item) else item
            other = find_library(target) if target is not None else None
            if getattr(target, "portal_type", None) in ACTION_TYPES and (
                library is None or (other is not None and aq_base(other) is aq_base(library))
            ):
                continue
            title = target.Title() if hasattr(target, "Title") else str(item)
            raise ClearValidationError(
                _(
                    "'${title}' is not a project or assurance project of this library.",
                    mapping={"title": title},
                )
            )


class IFinding(model.Schema):
    """A strength, a point for improvement or a shortcoming, per norm element."""

    norm_field = schema.Choice(
        title=_("Norm element"),
        vocabulary=VOCAB_NORM_FIELDS,
        required=True,
    )
    kind = schema.Choice(title=_("Kind"), vocabulary=VOCAB_FINDING_KINDS, required=True)
    text = LongText(title=_("Finding"), required=True)
    due = schema.Date(
        title=_("Due"),
        description=_("When the actions must be done."),
        required=False,
    )
    directives.widget(
        "actions",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ACTION_TYPES},
    )
    actions = ActionList(
        title=_("Actions"),
        description=_("The projects and assurance projects that act on this finding."),
        value_type=RelationChoice(vocabulary="plone.app.vocabularies.Catalog"),
        max_length=MAX_LIST_ITEMS,
        default=[],
        missing_value=[],
        required=False,
    )


@implementer(IFinding, IBibqualContent)
class Finding(Item):
    """An audit finding."""
