"""What bibqual content gives out over REST: field values, items and JSON schemas.

The JSON schema of ``@types`` is what Volto builds its forms from: the indicators
get Volto's ``object_list`` widget with the schema of one row.
"""

from bibqual import _
from bibqual.content.assuranceproject import IAssuranceProject
from bibqual.content.assuranceproject import cycle_history
from bibqual.content.fields import IWebURI
from bibqual.content.indicators import ROW_ID
from bibqual.content.indicators import IIndicatorRows
from bibqual.content.indicators import indicator_rows
from bibqual.content.interfaces import IBibqualContent
from bibqual.validation import safe_link
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from plone.restapi.serializer.dxfields import DefaultFieldSerializer
from plone.restapi.types.adapters import ListJsonSchemaProvider
from plone.restapi.types.interfaces import IJsonSchemaProvider
from plone.restapi.types.utils import get_fieldset_infos
from plone.restapi.types.utils import get_fieldsets
from plone.restapi.types.utils import get_jsonschema_properties
from zope.component import adapter
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import implementer
from zope.schema import getFieldsInOrder


@implementer(IFieldSerializer)
@adapter(IWebURI, IBibqualContent, Interface)
class WebLinkSerializer(DefaultFieldSerializer):
    """A link only when it is a web address: a ``javascript:`` or ``data:`` value
    stored before input was checked is given out as ``null``, so no client
    (Volto's URL widget, a partner site) turns it into a clickable link."""

    def __call__(self):
        return safe_link(self.get_value())


@implementer(IFieldSerializer)
@adapter(IIndicatorRows, IBibqualContent, Interface)
class IndicatorRowsSerializer(DefaultFieldSerializer):
    """The indicators as ``{"@id", "name", "target", "actual", "unit"}`` rows; ``@id``
    is ``indicator-<position>``, only there for editors such as Volto."""

    def __call__(self):
        return [
            {ROW_ID: f"indicator-{position}", **row}
            for position, row in enumerate(indicator_rows(self.get_value()), start=1)
        ]


@implementer(IJsonSchemaProvider)
@adapter(IIndicatorRows, Interface, Interface)
class IndicatorRowsSchemaProvider(ListJsonSchemaProvider):
    """The indicators in ``@types``: an array of row objects, edited in Volto with
    its ``object_list`` widget, whose ``schema`` (title, fieldsets, properties,
    required) is made from the row interface as any content schema is."""

    _row_schema = None

    def get_widget(self):
        return "object_list"

    def row_schema(self):
        if self._row_schema is None:
            row = self.field.value_type
            fieldsets = get_fieldsets(self.context, self.request, row.schema)
            self._row_schema = {
                "title": translate(row.title, context=self.request),
                "addMessage": translate(_("Add an indicator"), context=self.request),
                "fieldsets": get_fieldset_infos(fieldsets),
                "properties": get_jsonschema_properties(self.context, self.request, fieldsets),
                "required": [
                    name for name, field in getFieldsInOrder(row.schema) if field.required
                ],
            }
        return self._row_schema

    def get_items(self):
        schema = self.row_schema()
        return {
            "type": "object",
            "title": schema["title"],
            "properties": schema["properties"],
            "required": schema["required"],
        }

    def additional(self):
        info = super().additional()
        info["schema"] = self.row_schema()
        return info


@implementer(ISerializeToJson)
@adapter(IAssuranceProject, Interface)
class AssuranceProjectSerializer(SerializeFolderToJson):
    """An assurance project with its read-only ``cycle_history``: every finished
    cycle, oldest first, as ``{"cycle", "evaluation", "date"}``."""

    def __call__(self, version=None, include_items=True):
        result = super().__call__(version=version, include_items=include_items)
        result["cycle_history"] = json_compatible(cycle_history(self.context))
        return result
