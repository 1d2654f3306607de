"""JSON field serializers: what bibqual content gives out over REST."""

from bibqual.content.fields import IWebURI
from bibqual.content.interfaces import IBibqualContent
from bibqual.validation import safe_link
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.serializer.dxfields import DefaultFieldSerializer
from zope.component import adapter
from zope.interface import Interface
from zope.interface import implementer


@implementer(IFieldSerializer)
@adapter(IWebURI, IBibqualContent, Interface)
class WebLinkSerializer(DefaultFieldSerializer):
    """A link only when it is a web address: a ``javascript:`` or ``data:`` value
    stored before input was checked is given out as ``null``, so no client
    (Volto's URL widget, a partner site) turns it into a clickable link."""

    def __call__(self):
        return safe_link(self.get_value())
