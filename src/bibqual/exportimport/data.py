"""What bibqual keeps outside its content's fields, as JSON for a site export and back.

- ``settings``: the records of ``IBibqualSettings`` (prefix ``bibqual``);
- ``audit_grants``: per library UID its auditor group and its time-limited grants;
- ``annotations``: per content UID the annotations bibqual stores on it (keys starting
  with ``bibqual.``: the copy history of a project, and whatever bibqual keeps there).

Each ``restore_*`` function returns the problems it met as text (what was skipped and
why); it never stops at one bad entry.
"""

from bibqual.audit.grants import grants_by_library
from bibqual.audit.grants import restore_grants
from bibqual.audit.grants import settle_auditor_group
from bibqual.content.interfaces import IBibqualContent
from bibqual.controlpanels.schema import IBibqualSettings
from bibqual.ids import REGISTRY_PREFIX
from bibqual.validation import parse_iso_date
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from plone.app.uuid.utils import uuidToObject
from zope.annotation.interfaces import IAnnotations
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import ValidationError
import datetime
import logging


logger = logging.getLogger("bibqual.exportimport")

ANNOTATION_PREFIX = "bibqual."
DATE = "@date"  # a date in an annotation: {"@date": "YYYY-MM-DD"}


def _record(name):
    return f"{REGISTRY_PREFIX}.{name}"


def export_settings():
    """``{field name: value}`` of the bibqual settings."""
    registry = api.portal.get_tool("portal_registry")
    return {
        name: registry.get(_record(name))
        for name, _field in getFieldsInOrder(IBibqualSettings)
        if _record(name) in registry.records
    }


def restore_settings(values):
    """Set the exported settings that this version knows and accepts."""
    registry = api.portal.get_tool("portal_registry")
    problems = []
    for name, field in getFieldsInOrder(IBibqualSettings):
        if name not in values or _record(name) not in registry.records:
            continue
        value = values[name]
        try:
            field.bind(api.portal.get()).validate(value)
        except (ValidationError, ValueError) as error:
            reason = error.doc() if isinstance(error, ValidationError) else error
            problems.append(f"setting {name}: {reason}")  # no value: it may hold a password
            continue
        registry[_record(name)] = value
    return problems


def export_grants(library_uids=None):
    """``{library UID: {"group": id, "grants": [{"user", "until"}]}}`` (of ``library_uids``)."""
    return {
        uid: {
            "group": group,
            "grants": [{"user": user, "until": until.isoformat()} for user, until in entries],
        }
        for uid, (group, entries) in grants_by_library().items()
        if library_uids is None or uid in library_uids
    }


def restore_audit_grants(data):
    """Restore the grants before the libraries exist (the principals come after)."""
    problems = []
    for uid, entry in data.items():
        try:
            entries = [(grant["user"], parse_iso_date(grant["until"])) for grant in entry["grants"]]
            if not all(isinstance(user, str) and user for user, _until in entries):
                raise ValueError("a grant without a user id")
        except (KeyError, TypeError, ValueError) as error:
            problems.append(f"audit grants of {uid}: {error!r}")
            continue
        restore_grants(uid, entry.get("group") or "", entries)
    return problems


def settle_audit_grants(data):
    """After the content import: each library's auditor group holds the Auditor role."""
    for uid, entry in data.items():
        library = uuidToObject(uid, unrestricted=True)
        if library is not None:
            settle_auditor_group(library, entry.get("group"))


def _to_json(value):
    if isinstance(value, datetime.datetime):
        raise TypeError(f"unsupported value {value!r}")
    if isinstance(value, datetime.date):
        return {DATE: value.isoformat()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple, PersistentList)):
        return [_to_json(item) for item in value]
    if isinstance(value, (dict, PersistentMapping)):
        return {str(key): _to_json(item) for key, item in value.items()}
    raise TypeError(f"unsupported value {value!r}")


def _from_json(value):
    if isinstance(value, list):
        return PersistentList(_from_json(item) for item in value)
    if isinstance(value, dict):
        if set(value) == {DATE}:
            return parse_iso_date(value[DATE])
        return PersistentMapping({key: _from_json(item) for key, item in value.items()})
    return value


def export_annotations(content_uids=None):
    """``{content UID: {annotation key: value}}`` of bibqual's annotations."""
    catalog = api.portal.get_tool("portal_catalog")
    found = {}
    for brain in catalog.unrestrictedSearchResults(object_provides=IBibqualContent.__identifier__):
        if content_uids is not None and brain.UID not in content_uids:
            continue
        ours = {}
        for key, value in IAnnotations(brain._unrestrictedGetObject()).items():
            if not key.startswith(ANNOTATION_PREFIX):
                continue
            try:
                ours[key] = _to_json(value)
            except TypeError as error:
                logger.warning("Not exported: annotation %s of %s: %s", key, brain.getPath(), error)
        if ours:
            found[brain.UID] = ours
    return found


def restore_annotations(data):
    """Put the exported annotations back on the imported content."""
    problems = []
    for uid, values in data.items():
        obj = uuidToObject(uid, unrestricted=True)
        if obj is None or not IBibqualContent.providedBy(obj):
            problems.append(f"annotations of {uid}: no such bibqual item")
            continue
        annotations = IAnnotations(obj)
        for key, value in values.items():
            if not key.startswith(ANNOTATION_PREFIX):
                continue
            try:
                annotations[key] = _from_json(value)
            except (TypeError, ValueError) as error:
                problems.append(f"annotation {key} of {uid}: {error!r}")
        # catalog metadata computed from annotations (copy_count)
        obj.reindexObject(idxs=["getId"])
    return problems
