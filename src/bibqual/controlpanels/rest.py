"""``@controlpanels/bibqual-settings``: the bibqual settings over REST.

plone.restapi's ``@controlpanels`` service (permission: Plone Site Setup:
Overview) looks the panel up by name. Without a panel of that name it failed
with a 500 and a traceback; this module gives it one.

``GET`` answers the settings and their schema, ``PATCH`` changes them. Both
need ``bibqual: Manage settings`` on the site, like the Classic form (the
settings hold the partner sites' passwords). A ``PATCH`` body is a JSON object
of settings; bad input (not an object, an unknown setting, a wrong type, a
malformed line) answers 400 with a message that names the setting, and nothing
is stored: the values are only written once every one of them is valid.
"""

from AccessControl import Unauthorized
from bibqual import _
from bibqual.controlpanels.schema import IBibqualSettings
from bibqual.ids import REGISTRY_PREFIX
from bibqual.interfaces import IBibqualLayer
from bibqual.permissions import MANAGE_SETTINGS
from plone import api
from plone.registry.interfaces import IRegistry
from plone.rest.interfaces import IAPIRequest
from plone.restapi.controlpanels import IControlpanel
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.interfaces import IDeserializeFromJson
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.controlpanels import ControlpanelSerializeToJson
from Products.Five.browser import BrowserView
from zExceptions import BadRequest
from zope.component import adapter
from zope.component import getUtility
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import implementer
from zope.schema import getFields
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine
from zope.schema.interfaces import ValidationError
import json


PANEL_NAME = "bibqual-settings"


class IBibqualSettingsControlpanel(IControlpanel):
    """The REST control panel of the bibqual settings."""


@implementer(IBibqualSettingsControlpanel)
@adapter(Interface, IBibqualLayer)
class BibqualSettingsControlpanel(RegistryConfigletPanel):
    """The settings of ``IBibqualSettings`` at ``@controlpanels/bibqual-settings``."""

    schema = IBibqualSettings
    schema_prefix = REGISTRY_PREFIX
    configlet_id = PANEL_NAME
    configlet_category_id = "plone-general"
    title = None
    group = None


class SettingsRefused(BadRequest):
    """A PATCH of the settings was refused; ``errors`` say why, per setting."""

    def __init__(self, message, errors=()):
        super().__init__(message)
        self.message = message
        self.errors = list(errors)


def _require_manage_settings():
    """Unauthorized unless the user holds ``bibqual: Manage settings`` on the site."""
    if not api.user.has_permission(MANAGE_SETTINGS, obj=api.portal.get()):
        raise Unauthorized("bibqual: Manage settings")


@implementer(ISerializeToJson)
@adapter(IBibqualSettingsControlpanel)
class BibqualSettingsSerializer(ControlpanelSerializeToJson):
    """GET: plone.restapi's answer, for holders of ``bibqual: Manage settings`` only."""

    def __call__(self):
        _require_manage_settings()
        return super().__call__()


def _body(request):
    """The PATCH body as a dict, else ``SettingsRefused``."""
    raw = request.get("BODY") or b""
    try:
        data = json.loads(raw) if raw.strip() else None
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise SettingsRefused(_("The settings must be sent as a JSON object."))
    return data


def _is_line(value):
    return isinstance(value, str) and "\n" not in value and "\r" not in value


@implementer(IDeserializeFromJson)
@adapter(IBibqualSettingsControlpanel)
class BibqualSettingsDeserializer:
    """PATCH: check every given setting, then store them all or none."""

    def __init__(self, controlpanel):
        self.controlpanel = controlpanel
        self.request = controlpanel.request

    def __call__(self):
        _require_manage_settings()
        data = _body(self.request)
        fields = getFields(IBibqualSettings)
        unknown = sorted(name for name in data if name not in fields or fields[name].readonly)
        if unknown:
            raise SettingsRefused(
                _("Unknown setting: ${names}.", mapping={"names": ", ".join(unknown)}),
                [
                    {
                        "field": name,
                        "message": translate(
                            _("Unknown setting: ${names}.", mapping={"names": name}),
                            context=self.request,
                        ),
                    }
                    for name in unknown
                ],
            )
        portal = api.portal.get()
        values, errors = {}, []
        for name, raw in data.items():
            field = fields[name].bind(portal)
            try:
                values[name] = self.value(name, field, raw)
            except (ValidationError, Invalid, ValueError) as error:
                errors.append({"field": name, "message": self.message(name, error)})
        if errors:
            raise SettingsRefused(" ".join(error["message"] for error in errors), errors)
        proxy = getUtility(IRegistry).forInterface(IBibqualSettings, prefix=REGISTRY_PREFIX)
        for name, value in values.items():
            setattr(proxy, name, value)

    def value(self, name, field, raw):
        """The stored value of ``raw`` (JSON) for ``field``, validated."""
        if IChoice.providedBy(field):
            if isinstance(raw, dict):  # as GET answers it: {"token": ..., "title": ...}
                raw = raw.get("token")
            vocabulary = field.vocabulary
            try:
                value = vocabulary.getTermByToken(raw).value if isinstance(raw, str) else None
            except LookupError:
                value = None
            if value is None:
                tokens = ", ".join(term.token for term in vocabulary)
                raise ValueError(
                    _(
                        "${field} must be one of: ${tokens}.",
                        mapping={"field": name, "tokens": tokens},
                    )
                )
        elif ICollection.providedBy(field):
            value = field.missing_value if raw is None else raw
            if IChoice.providedBy(field.value_type) and isinstance(value, list):
                value = [item.get("token") if isinstance(item, dict) else item for item in value]
            lines = ITextLine.providedBy(field.value_type) or not IText.providedBy(field.value_type)
            if not isinstance(value, list) or not all(
                _is_line(item) if lines else isinstance(item, str) for item in value
            ):
                message = (
                    _("${field} must be a list of text lines.", mapping={"field": name})
                    if lines
                    else _("${field} must be a list of texts.", mapping={"field": name})
                )
                raise ValueError(message)
            for number, item in enumerate(value, 1):
                try:
                    field.value_type.validate(item)
                except (ValidationError, Invalid) as error:
                    mapping = {"field": name, "line": number, "message": self.translate(error)}
                    raise ValueError(
                        _("${field}, line ${line}: ${message}", mapping=mapping)
                        if lines
                        else _("${field}, item ${line}: ${message}", mapping=mapping)
                    )
            value = list(value)
        else:  # pragma: no cover - every setting is a choice or a list
            value = raw
        field.validate(value)
        return value

    def translate(self, error):
        message = error.doc() if isinstance(error, ValidationError) else error.args[0]
        return translate(message, context=self.request)

    def message(self, name, error):
        if isinstance(error, (ValidationError, Invalid)):
            return translate(
                _(
                    "${field}: ${message}",
                    mapping={"field": name, "message": self.translate(error)},
                ),
                context=self.request,
            )
        return translate(error.args[0], context=self.request)


@adapter(SettingsRefused, IAPIRequest)
class SettingsRefusedView(BrowserView):
    """The 400 of a refused PATCH: plone.restapi's error shape, no traceback.

    The publisher aborts the transaction after this view.
    """

    def __call__(self):
        error = self.context
        response = self.request.response
        response.setHeader("Content-Type", "application/json")
        response.setStatus(400, lock=1)
        body = {
            "error": {
                "type": "BadRequest",
                "message": translate(error.message, context=self.request),
                "errors": error.errors,
            }
        }
        response.setBody(json.dumps(body, indent=2, sort_keys=True), lock=1)
