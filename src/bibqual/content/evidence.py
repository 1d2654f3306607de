"""Evidence: a document (file or link) an auditor may ask for."""

from bibqual import _
from bibqual.content.fields import WebURI
from bibqual.content.interfaces import IBibqualContent
from bibqual.ids import ASSURANCE_PROJECT
from bibqual.ids import SMART_PROJECT
from bibqual.ids import VOCAB_DOCUMENT_TYPES
from bibqual.validation import MAX_LIST_ITEMS
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import Invalid
from zope.interface import implementer
from zope.interface import invariant


RELATED_TYPES = [SMART_PROJECT, ASSURANCE_PROJECT]


class IEvidence(model.Schema):
    """A bewijsstuk: a file or a link, typed and with a validity date."""

    model.primary("file")
    file = NamedBlobFile(
        title=_("File"),
        required=False,
    )
    remote_url = WebURI(
        title=_("Link"),
        description=_(
            "Address of the document when it lives elsewhere: a web address "
            "that starts with http:// or https://."
        ),
        required=False,
    )
    document_type = schema.Choice(
        title=_("Document type"),
        vocabulary=VOCAB_DOCUMENT_TYPES,
        default="overig",
        required=True,
    )
    valid_until = schema.Date(
        title=_("Valid until"),
        description=_("After this date the document no longer counts as evidence."),
        required=False,
    )

    directives.widget(
        "related_projects",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": RELATED_TYPES},
    )
    related_projects = RelationList(
        title=_("Related projects"),
        description=_("Projects and assurance projects this document supports."),
        value_type=RelationChoice(vocabulary="plone.app.vocabularies.Catalog"),
        max_length=MAX_LIST_ITEMS,
        default=[],
        missing_value=[],
        required=False,
    )

    @invariant
    def file_or_link(data):
        """Evidence is either an uploaded file or a link."""
        if not getattr(data, "file", None) and not getattr(data, "remote_url", None):
            raise Invalid(_("Upload a file or give a link."))


@implementer(IEvidence, IBibqualContent)
class Evidence(Item):
    """An evidence document."""
