"""Library: one library organisation, holding its year plans and evidence."""

from bibqual import _
from bibqual.content.fields import Line
from bibqual.content.fields import Lines
from bibqual.content.interfaces import IBibqualContent
from bibqual.validation import ClearValidationError
from bibqual.validation import is_word_document
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from plone.z3cform.textlines import TextLinesFieldWidget
from zope import schema
from zope.interface import implementer


NOT_A_WORD_TEMPLATE = _(
    "The Word template must be a Word document (.docx); this file does not open as one."
)


def word_document(value):
    """Constraint of ``word_template``: only a file that opens as a Word document
    (``.docx``); refused with a message that says so, in the form and in REST."""
    if value is not None and not is_word_document(value.data):
        raise ClearValidationError(NOT_A_WORD_TEMPLATE)
    return True


class ILibrary(model.Schema):
    """A library organisation (bibliotheek), possibly with several branches."""

    directives.widget("municipalities", TextLinesFieldWidget)
    municipalities = Lines(
        title=_("Municipalities"),
        description=_("The municipalities the library works for, one per line."),
    )

    network = Line(
        title=_("Regional network"),
        description=_("The regional network or support organisation it belongs to."),
        required=False,
    )

    share_with_network = schema.Bool(
        title=_("Share projects with the network"),
        description=_(
            "Other libraries may find this library's projects and copy them "
            "into their own year plans."
        ),
        default=False,
        required=False,
    )

    model.fieldset("documents", label=_("Documents"), fields=["word_template"])
    word_template = NamedBlobFile(
        title=_("Word template"),
        description=_(
            "A Word document (.docx) that gives the library's reports its house style: "
            "its styles, headers, footers and logo are used, its text is not. Without "
            "one, bibqual's own template is used."
        ),
        required=False,
        constraint=word_document,
    )


@implementer(ILibrary, IBibqualContent)
class Library(Container):
    """A library organisation."""
