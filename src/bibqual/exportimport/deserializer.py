"""Import bibqual content from a plone.exportimport export as it was exported.

plone.exportimport creates each item with plone.restapi's deserializer, which is made
for editing: it skips read-only fields and checks tags against today's vocabulary. An
import must restore, not edit, so while plone.exportimport imports (its request marker)
bibqual's items also get back

- their read-only fields (``cycle`` of an assurance project, ``copied_from`` of a
  copied project): the exported values;
- their norm tags exactly as exported, also tokens the active vocabulary does not
  offer (an element of another framework, or an extra element whose setting is
  imported later). A tag is never lost (CONTRACT.md); only text that is no token is
  refused, with a message, and then nothing of that field is stored.
"""

from Acquisition import aq_base
from bibqual import _
from bibqual.content.interfaces import IBibqualContent
from bibqual.controlpanels.lines import TOKEN_RE
from bibqual.ids import VOCAB_NORM_FIELDS
from plone.dexterity.utils import iterSchemata
from plone.exportimport.interfaces import IExportImportRequestMarker
from plone.restapi.deserializer import json_body
from plone.restapi.deserializer.dxcontent import DeserializeFromJson
from plone.restapi.interfaces import IDeserializeFromJson
from plone.restapi.interfaces import IFieldDeserializer
from zExceptions import BadRequest
from zope.component import adapter
from zope.component import queryMultiAdapter
from zope.i18n import translate
from zope.interface import implementer
from zope.schema import getFields
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ValidationError


def _is_norm_tags(field):
    value_type = getattr(field, "value_type", None)
    return IChoice.providedBy(value_type) and value_type.vocabularyName == VOCAB_NORM_FIELDS


# Fields kept as exported, checked for their shape only: a self-evaluation's score rows
# link to evidence and projects that may be imported after it.
AS_EXPORTED = ("scores",)


def _computed(obj, name):
    """Whether the class computes ``name`` (a read-only field that is no stored value)."""
    return isinstance(getattr(type(aq_base(obj)), name, None), property)


def _tokens(value):
    """The tokens of an exported tag list, in order, once each; ``ValueError`` else."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(value)
    tokens = []
    for item in value:
        token = item.get("token") if isinstance(item, dict) else item
        if not isinstance(token, str) or not TOKEN_RE.match(token):
            raise ValueError(item)
        if token not in tokens:
            tokens.append(token)
    return tokens


@implementer(IDeserializeFromJson)
@adapter(IBibqualContent, IExportImportRequestMarker)
class ImportedContentDeserializer(DeserializeFromJson):
    """plone.restapi's deserializer, plus read-only fields and tags as exported."""

    def __call__(self, validate_all=False, data=None, create=False, mask_validation_errors=True):
        if data is None:
            data = json_body(self.request)
        data = dict(data)
        errors = []
        for schema in iterSchemata(self.context):
            target = schema(self.context)
            for name, field in getFields(schema).items():
                if name not in data:
                    continue
                before = getattr(target, name, None)
                if _is_norm_tags(field):
                    problem = self._restore_tags(target, field, data.pop(name))
                elif field.readonly and not _computed(self.context, name):
                    problem = self._restore_readonly(target, field, data[name])
                elif name in AS_EXPORTED:
                    problem = self._restore_rows(target, field, data.pop(name))
                else:
                    continue
                if problem:
                    errors.append({"field": name, "message": problem})
                elif getattr(target, name, None) != before:
                    self.mark_field_as_changed(schema, name)  # in the modified event
        try:
            result = super().__call__(
                validate_all=validate_all,
                data=data,
                create=create,
                mask_validation_errors=mask_validation_errors,
            )
        except BadRequest as error:
            result = None
            refused = error.args[0] if error.args else None
            errors = (refused if isinstance(refused, list) else [{"message": refused}]) + errors
        if errors:
            raise BadRequest(errors)
        return result

    def _restore_tags(self, target, field, value):
        try:
            tokens = _tokens(value)
        except ValueError as error:
            message = _(
                "'${value}' in ${field} is not a norm element token.",
                mapping={"value": error.args[0], "field": field.__name__},
            )
            return translate(message, context=self.request)
        setattr(target, field.__name__, tokens)
        return None

    def _restore_rows(self, target, field, value):
        if value is not None and not (
            isinstance(value, list) and all(isinstance(row, dict) for row in value)
        ):
            return f"{field.__name__}: a list of rows was expected"
        setattr(target, field.__name__, field.missing_value if value is None else value)
        return None

    def _restore_readonly(self, target, field, value):
        if value is not None:
            deserializer = queryMultiAdapter(
                (field, self.context, self.request), IFieldDeserializer
            )
            try:
                value = deserializer(value) if deserializer is not None else value
                field.bind(self.context).validate(value)
            except (ValueError, ValidationError) as error:
                return str(error)
        setattr(target, field.__name__, field.missing_value if value is None else value)
        return None
