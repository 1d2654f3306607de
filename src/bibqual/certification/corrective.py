"""Corrective projects: a new SMART project or assurance project made from an open
finding, in one step, linked back to it.

``create_corrective_project(finding, data)`` is what ``POST
{finding}/@corrective-project`` and the button on the finding's page call:

- a ``SmartProject`` lands in the library's year plan of this year
  (``clock.today().year``, ``planning.plans.plan_for_year``); without one the
  refusal says "make the year plan for YYYY first". An ``AssuranceProject``
  lands in the library (where the contract allows it);
- it is tagged with the finding's norm element (and the elements ``data``
  names), ``specific`` (an assurance project's ``agreement``) is the finding's
  text unless given, and the deadline (an assurance project's ``next_review``)
  is the one given, else the finding's ``due``; a SMART project without either
  is refused;
- the finding's ``actions`` gets the relation (the project's page then shows
  "from finding ...").

Who: whoever may change the finding (its actions are part of it: the quality
coordinator) and may add that type where it lands; an auditor editing findings
of a draft report may not add projects, staff may not change findings. The
fields are checked exactly as a REST ``POST`` of that type checks them, before
anything is added: a refusal is a ``CorrectiveProjectError`` with a status and
nothing is stored.
"""

from AccessControl import getSecurityManager
from Acquisition import aq_base
from bibqual import _
from bibqual import clock
from bibqual.content.finding import IFinding
from bibqual.errors import BibqualError
from bibqual.ids import ASSURANCE_PROJECT
from bibqual.ids import SMART_PROJECT
from bibqual.permissions import ADD_ASSURANCE_PROJECT
from bibqual.permissions import ADD_SMART_PROJECT
from bibqual.permissions import MODIFY_CONTENT
from bibqual.planning.plans import plan_for_year
from bibqual.utils import find_library
from bibqual.validation import MAX_LIST_ITEMS
from bibqual.workflows.ids import OPEN
from plone import api
from plone.restapi.exceptions import DeserializationError
from plone.restapi.interfaces import IDeserializeFromJson
from plone.restapi.services.content.utils import add
from plone.restapi.services.content.utils import create
from z3c.relationfield import RelationValue
from zExceptions import BadRequest
from zExceptions import Unauthorized
from zope.component import getMultiAdapter
from zope.component import getUtility
from zope.event import notify
from zope.globalrequest import getRequest
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectCreatedEvent
from zope.lifecycleevent import ObjectModifiedEvent
import ast


ACTION_KINDS = (SMART_PROJECT, ASSURANCE_PROJECT)
ADD_PERMISSIONS = {SMART_PROJECT: ADD_SMART_PROJECT, ASSURANCE_PROJECT: ADD_ASSURANCE_PROJECT}
# what a client may not set through this call (the rest is the type's own fields)
IGNORED_KEYS = ("type", "@type", "id", "UID", "layout", "ordering")


class CorrectiveProjectError(BibqualError):
    """The corrective project cannot be made; the message says why."""


def target_container(finding, portal_type):
    """Where a corrective project of ``portal_type`` lands: this year's plan (a SMART
    project) or the library (an assurance project). Raises when there is none."""
    library = find_library(finding)
    if library is None:
        raise CorrectiveProjectError(_("This finding belongs to no library."))
    if portal_type == ASSURANCE_PROJECT:
        return library
    year = clock.today().year
    plan = plan_for_year(library, year)
    if plan is None:
        raise CorrectiveProjectError(
            _(
                "There is no year plan for ${year}: make the year plan for ${year} first.",
                mapping={"year": year},
            )
        )
    return plan


def check_allowed(finding, portal_type, container):
    """Refuse (403) a user who may not change the finding or add the project there."""
    security = getSecurityManager()
    if not security.checkPermission(MODIFY_CONTENT, finding):
        raise CorrectiveProjectError(
            _("You may not change this finding, so you cannot add projects to it."), status=403
        )
    if not security.checkPermission(ADD_PERMISSIONS[portal_type], container):
        raise CorrectiveProjectError(
            _(
                "You may not add a project to ${container}.",
                mapping={"container": container.Title()},
            ),
            status=403,
        )


def _portal_type(data):
    portal_type = data.get("type", SMART_PROJECT)
    if portal_type not in ACTION_KINDS:
        raise CorrectiveProjectError(
            _(
                "type must be one of: ${types}.",
                mapping={"types": ", ".join(ACTION_KINDS)},
            )
        )
    return portal_type


def project_values(finding, portal_type, data):
    """The fields of the new project: what ``data`` gives, filled in from the finding."""
    values = {key: value for key, value in data.items() if key not in IGNORED_KEYS}
    title = values.get("title")
    if title is None or (isinstance(title, str) and not title.strip()):
        values["title"] = finding.Title()
    given = values.get("norm_fields")
    tokens = [finding.norm_field] if getattr(finding, "norm_field", None) else []
    if isinstance(given, list):
        tokens += [token for token in given if token not in tokens]
    elif given is not None:
        tokens = given  # not a list: the field's own rule refuses it
    values["norm_fields"] = tokens
    due = finding.due.isoformat() if getattr(finding, "due", None) else None
    if portal_type == SMART_PROJECT:
        values.setdefault("specific", finding.text)
        if values.get("deadline") in (None, ""):
            values["deadline"] = due
        if values["deadline"] is None:
            raise CorrectiveProjectError(
                _("Give a deadline: this finding has no due date to take it from.")
            )
    else:
        values.setdefault("agreement", finding.text)
        if values.get("next_review") in (None, ""):
            values["next_review"] = values.get("deadline") or due
        values.pop("deadline", None)
    return values


def _messages(error):
    """The text of plone.restapi's validation errors (a list of dicts, or its repr)."""
    errors = error.args[0] if error.args else ""
    if isinstance(errors, str):
        try:
            errors = ast.literal_eval(errors)
        except (SyntaxError, ValueError):
            return errors
    if not isinstance(errors, list):
        return str(errors)
    return " ".join(str(item.get("message", item)) for item in errors if isinstance(item, dict))


def _build(container, portal_type, values):
    """The project made and checked like a REST POST, added only when valid."""
    request = getRequest()
    try:
        obj = create(container, portal_type, title=values.get("title"))
    except BadRequest as error:
        raise CorrectiveProjectError(_messages(error))
    except Unauthorized as error:
        raise CorrectiveProjectError(str(error), status=403)
    obj = obj.__of__(container)
    deserializer = getMultiAdapter((obj, request), IDeserializeFromJson)
    try:
        deserializer(validate_all=True, data=values, create=True)
    except (BadRequest, DeserializationError) as error:
        raise CorrectiveProjectError(_messages(error))
    obj = aq_base(obj)
    notify(ObjectCreatedEvent(obj))
    return add(container, obj, rename=True)


def link_action(finding, project):
    """Add ``project`` to the finding's actions (relation catalog and index follow)."""
    relations = list(getattr(finding, "actions", None) or [])
    relations.append(RelationValue(getUtility(IIntIds).getId(project)))
    finding.actions = relations
    notify(ObjectModifiedEvent(finding, Attributes(IFinding, "actions")))


def create_corrective_project(finding, data):
    """Make the corrective project ``data`` asks for (``{"type", "title", ...}``)
    from ``finding`` and link it; return the project (module docstring)."""
    if api.content.get_state(finding, default=None) != OPEN:
        raise CorrectiveProjectError(
            _("Only an open finding gets corrective projects; reopen it first.")
        )
    if len(getattr(finding, "actions", None) or ()) >= MAX_LIST_ITEMS:
        raise CorrectiveProjectError(
            _("This finding has ${max} actions already.", mapping={"max": MAX_LIST_ITEMS})
        )
    portal_type = _portal_type(data)
    container = target_container(finding, portal_type)
    check_allowed(finding, portal_type, container)
    project = _build(container, portal_type, project_values(finding, portal_type, data))
    link_action(finding, project)
    return project
