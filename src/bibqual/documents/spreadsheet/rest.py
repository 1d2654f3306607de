"""Storing one row the way plone.restapi stores a POST or a PATCH.

The import does not have rules of its own: each row goes through plone.restapi's
``IDeserializeFromJson`` for the item, with bibqual's field deserializers and
the schema's invariants, on the same request. So a bad cell is refused with
the very message a REST client sending that value would get.
"""

from Acquisition import aq_base
from Acquisition.interfaces import IAcquirer
from plone.restapi.exceptions import DeserializationError
from plone.restapi.interfaces import IDeserializeFromJson
from plone.restapi.services.content.utils import add
from plone.restapi.services.content.utils import create
from zExceptions import BadRequest
from zope.component import queryMultiAdapter
from zope.container.interfaces import INameChooser
from zope.event import notify
from zope.i18n import translate
from zope.lifecycleevent import ObjectCreatedEvent


def deserialize(obj, request, data, new):
    """Set ``data`` (REST JSON) on ``obj`` as REST does (a POST when ``new``, else a
    PATCH). Returns ``(refusals, changed)``: the refusals ``[(field or None,
    message, error or None)]``, messages translated for ``request``, empty when
    all is well; ``changed`` whether a value differed from the item's."""
    deserializer = queryMultiAdapter((obj, request), IDeserializeFromJson)
    try:
        if new:
            deserializer(validate_all=True, data=data, create=True, mask_validation_errors=False)
        else:
            deserializer(data=data, mask_validation_errors=False)
    except BadRequest as refusal:
        errors = refusal.args[0] if refusal.args else []
        if not isinstance(errors, list):
            return [(None, translate(str(errors), context=request), None)], True
        return [(e.get("field"), e.get("message"), e.get("error")) for e in errors], True
    except DeserializationError as refusal:
        return [(None, str(refusal), None)], True
    return [], bool(deserializer.modified)


def free_id(container, item_id, obj):
    """Whether ``item_id`` may be the id of ``obj`` in ``container``."""
    if not item_id:
        return False
    try:
        INameChooser(container).checkName(item_id, obj)
    except Exception:
        return False
    return True


def new_item(container, portal_type, item_id=None):
    """A new, not yet added item in ``container`` (acquisition-wrapped, as REST's
    POST validates it), with ``item_id`` when that id is free there."""
    obj = create(container, portal_type)
    wrapped = obj.__of__(container) if IAcquirer.providedBy(obj) else obj
    if item_id and free_id(container, item_id, wrapped):
        obj.id = item_id
        return wrapped, True
    return wrapped, False


def add_item(container, obj, keep_id):
    """Add ``obj`` (from ``new_item``, deserialized) to ``container`` as REST's POST
    does: created event, then added; its id from the title unless ``keep_id``."""
    obj = aq_base(obj)
    notify(ObjectCreatedEvent(obj))
    return add(container, obj, rename=not keep_id)
