"""Library: one library organisation, holding its year plans and evidence."""

from bibqual import _
from bibqual.content.fields import Line
from bibqual.content.fields import Lines
from bibqual.content.interfaces import IBibqualContent
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from plone.z3cform.textlines import TextLinesFieldWidget
from zope import schema
from zope.interface import implementer


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


@implementer(ILibrary, IBibqualContent)
class Library(Container):
    """A library organisation."""
