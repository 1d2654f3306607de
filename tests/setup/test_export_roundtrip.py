"""Back up and move a site: a plone.exportimport export imported into a fresh site.

Issue 11, item 5. The demo site, plus what the demo lacks (a setting changed by the
administrator, an item tagged with an extra element of that setting and with an
element of the other framework, a copied project, a running audit grant, a sharing
block, a done project whose evaluation was emptied afterwards), is exported with
plone.exportimport's exporter, the programmatic side of ``@export``, and imported into
a second, fresh site with bibqual installed, as ``@import`` does. Every bibqual item
(by UID) must come back the same: every field, workflow state and history, the
permissions of its state, local roles and blocks, relations, catalog entries,
annotations (copy history); the settings and the audit grants too, and the import
reports no item as incomplete.
"""

from AccessControl.Permission import getPermissionIdentifier
from Acquisition import aq_base
from bibqual.audit.grants import grant
from bibqual.audit.grants import grants
from bibqual.audit.grants import restore_grants
from bibqual.audit.grants import settle_auditor_group
from bibqual.frameworks.site import current_framework
from bibqual.frameworks.site import site_frameworks
from bibqual.ids import BIBQUAL_TYPES
from bibqual.ids import LIBRARY
from bibqual.network.copy import copies_of
from bibqual.network.sources import copy_from_source
from bibqual.settings import get_settings
from DateTime import DateTime
from datetime import date
from datetime import datetime
from datetime import timedelta
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from plone.dexterity.utils import iterSchemata
from plone.exportimport.exporters import get_exporter
from plone.exportimport.importers import get_importer
from plone.exportimport.interfaces import IExportImportRequestMarker
from plone.exportimport.utils import request_provides
from plone.restapi.interfaces import IDeserializeFromJson
from Products.CMFPlone.factory import addPloneSite
from support.content import make_project
from support.content import make_user
from zExceptions import BadRequest
from zope.annotation.interfaces import IAnnotations
from zope.component import getMultiAdapter
from zope.component.hooks import setSite
from zope.schema import getFieldsInOrder
import pytest
import transaction


MAIN = "bibliotheek-westfriesland-noord"
OTHER = "bibliotheek-kop-van-noord"
GUEST_AUDITOR = "gastauditor"
EXTRA = "leesplezier"
TODAY = date(2026, 6, 1)
UNTIL = TODAY + timedelta(days=30)
# What plone.exportimport changes for every kind of content, by design: content without
# a language gets the site's language, a relation list comes back in UID order, times
# are kept to the second. Not compared either: what each site numbers or places itself,
# and Plone's "Date" index, which the source does not update on every change.
LANGUAGE = "language"
NOT_COMPARED = (
    "path",
    "getPath",
    "getURL",
    "getRID",
    "cmf_uid",
    "is_default_page",
    "getObjPositionInParent",
    "SearchableText",
    "Date",
)


@pytest.fixture
def clock(monkeypatch):
    """Freeze bibqual's clock; ``clock(day)`` moves it."""

    def freeze(day):
        monkeypatch.setattr("bibqual.clock.today", lambda: day)

    freeze(TODAY)
    return freeze


def _value(value):
    """A field value comparable between two sites (see ``_plain``)."""
    if hasattr(value, "to_object"):  # a relation: its target, in any order
        return ("relation", value.to_object.UID() if value.to_object else None)
    if hasattr(value, "filename") and hasattr(value, "data"):
        return (value.filename, value.contentType, value.data)
    if isinstance(value, (list, tuple)):
        values = [_value(item) for item in value]
        if values and all(isinstance(item, tuple) and item[0] == "relation" for item in values):
            return sorted(values)
        return values
    return _plain(value)


def _history(obj):
    return _plain(dict(getattr(aq_base(obj), "workflow_history", None) or {}))


def _permissions(obj, workflow_tool):
    found = {}
    for workflow in workflow_tool.getWorkflowsFor(obj):
        for permission in workflow.permissions:
            roles = getattr(aq_base(obj), getPermissionIdentifier(permission), None)
            found[permission] = (isinstance(roles, list), sorted(roles or ()))
    return found


def _plain(value):
    """``value`` comparable between two sites: times to the second, persistent mappings
    and lists as dicts and lists."""
    if isinstance(value, DateTime):
        value = value.asdatetime()
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    if isinstance(value, (dict, PersistentMapping)):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, PersistentList)):
        return [_plain(item) for item in value]
    return value


def _catalog_entry(catalog, brain):
    rid = brain.getRID()
    indexes = {}
    for name in catalog.indexes():
        if name not in NOT_COMPARED:
            entry = _plain(catalog._catalog.getIndex(name).getEntryForObject(rid))
            indexes[name] = sorted(entry, key=repr) if isinstance(entry, list) else entry
    metadata = {name: _plain(getattr(brain, name)) for name in catalog.schema()}
    for name in NOT_COMPARED:
        metadata.pop(name, None)
    return {"indexes": indexes, "metadata": metadata}


def snapshot(site):
    """Everything of every bibqual item in ``site``, by UID."""
    setSite(site)
    catalog = site.portal_catalog
    workflow_tool = site.portal_workflow
    items = {}
    for brain in catalog.unrestrictedSearchResults(portal_type=BIBQUAL_TYPES):
        obj = brain._unrestrictedGetObject()
        fields = {
            name: _value(field.get(schema(obj)))
            for schema in iterSchemata(obj)
            for name, field in getFieldsInOrder(schema)
            if name != LANGUAGE
        }
        items[brain.UID] = {
            "path": "/".join(obj.getPhysicalPath()[2:]),
            "portal_type": obj.portal_type,
            "fields": fields,
            "review_state": workflow_tool.getInfoFor(obj, "review_state"),
            "workflow_history": _history(obj),
            "permissions": _permissions(obj, workflow_tool),
            "local_roles": sorted((user, sorted(roles)) for user, roles in obj.get_local_roles()),
            "blocked": bool(getattr(aq_base(obj), "__ac_local_roles_block__", False)),
            "annotations": {
                key: _plain(value)
                for key, value in IAnnotations(obj).items()
                if key.startswith("bibqual.")
            },
            "copies": copies_of(obj),
            "catalog": _catalog_entry(catalog, brain),
        }
        if obj.portal_type == LIBRARY:
            items[brain.UID]["grants"] = grants(obj)
    return items


def differences(before, after, where=""):
    """``["where: before != after", ...]`` for every value that differs (dicts walked)."""
    if isinstance(before, dict) and isinstance(after, dict):
        found = []
        for key in sorted(set(before) | set(after), key=str):
            found += differences(before.get(key), after.get(key), f"{where}/{key}")
        return found
    return [] if before == after else [f"{where}: {before!r:.200} != {after!r:.200}"]


def settings_of(site):
    setSite(site)
    registry = site.portal_registry
    return {name: registry[name] for name in registry.records if name.startswith("bibqual.")}


def _other_framework_token():
    """An element of a framework that is not the active one."""
    active = set(current_framework().tokens())
    for framework in site_frameworks().values():
        for token in framework.tokens():
            if token not in active:
                return token


def plans(library):
    """The year plans of ``library``, oldest first."""
    return sorted(
        (obj for obj in library.objectValues() if obj.portal_type == "YearPlan"),
        key=lambda plan: plan.year,
    )


def add_what_the_demo_lacks(portal):
    """The data of the demo plus what it has not, made as a site administrator would."""
    main, other = portal[MAIN], portal[OTHER]
    settings = get_settings()
    api.group.create(groupname="collectieteam", title="Team collectie")
    settings.extra_norm_elements = [f"{EXTRA}|Leesplezier"]
    settings.norm_field_groups = ["collectie|collectieteam"]
    last_year, this_year = plans(main)
    tagged = make_project(
        this_year, "leesplezier-meten", norm_fields=["collectie", EXTRA, _other_framework_token()]
    )
    source = last_year["huis-voor-taal-met-taalmaatjes"]
    copy = copy_from_source(plans(other)[-1], source.UID())
    make_user(GUEST_AUDITOR, fullname="Gastauditor CBCT")
    grant(main, GUEST_AUDITOR, UNTIL)
    api.content.disable_roles_acquisition(obj=other)
    other.reindexObjectSecurity()
    done = portal.portal_catalog(portal_type="SmartProject", review_state="done")[0].getObject()
    done.evaluation = None  # emptied after the project was adjusted and completed
    done.reindexObject()
    return tagged, source, copy, done


def new_site(app, site_id):
    site = addPloneSite(
        app,
        site_id,
        title="Verhuisde bibliotheek",
        default_language="nl",
        setup_content=False,
        extension_ids=("plone.app.contenttypes:default", "bibqual:default"),
    )
    transaction.commit()
    return site


def sees(site, user_id, obj):
    """Whether ``user_id`` finds ``obj`` in the catalog and may view it."""
    setSite(site)
    with api.env.adopt_user(username=user_id):
        found = [brain.UID for brain in site.portal_catalog(UID=obj.UID())]
        return bool(found) and api.user.has_permission("View", obj=obj)


def test_a_full_export_imports_into_a_fresh_site_unchanged(demo_functional, clock, tmp_path):
    app, portal = demo_functional["app"], demo_functional["portal"]
    login(app, SITE_OWNER_NAME)
    setSite(portal)
    tagged, source, copy, done = add_what_the_demo_lacks(portal)
    assert portal[MAIN]["jaarlijkse-evaluatie-collectieplan"].cycle == 3
    transaction.commit()
    before, settings_before = snapshot(portal), settings_of(portal)

    setSite(portal)
    get_exporter(portal).export_site(tmp_path)
    target = new_site(app, "verhuisd")
    setSite(target)
    importer = get_importer(target)
    importer.import_site(tmp_path)

    after = snapshot(target)
    assert sorted(item["path"] for item in after.values()) == sorted(
        item["path"] for item in before.values()
    )
    found = differences(before, after)
    assert found == [], "\n".join(found)
    assert importer.incomplete == {}
    assert settings_of(target) == settings_before
    # the cases the issue names, spelled out
    moved = {uid: item["fields"] for uid, item in after.items()}
    collectieplan = portal[MAIN]["jaarlijkse-evaluatie-collectieplan"]
    assert moved[collectieplan.UID()]["cycle"] == 3
    assert moved[copy.UID()]["copied_from"] == source.UID()
    assert [entry["uid"] for entry in after[source.UID()]["copies"]] == [copy.UID()]
    assert moved[tagged.UID()]["norm_fields"] == tagged.norm_fields
    assert after[done.UID()]["review_state"] == "done"
    setSite(target)
    assert [b.UID for b in target.portal_catalog(norm_fields=EXTRA)] == [tagged.UID()]

    # the running grant: the auditor sees the library up to its end date, then no more
    library = target[MAIN]
    assert sees(target, GUEST_AUDITOR, library)
    clock(UNTIL + timedelta(days=1))
    assert not sees(target, GUEST_AUDITOR, library)


def test_an_import_keeps_every_token_and_refuses_text_that_is_no_token(portal, project):
    """What plone.exportimport's import does with one item's tags: a token the active
    vocabulary lacks is kept; a hand-edited value that is no token is refused with a
    message naming field and value (plone.exportimport logs it and lists the item as
    imported with errors), and the tags stay as they were."""
    request = portal.REQUEST
    with request_provides(request, IExportImportRequestMarker):
        deserializer = getMultiAdapter((project, request), IDeserializeFromJson)
        deserializer(data={"norm_fields": ["collectie", "niet-in-dit-kader"]})
        assert project.norm_fields == ["collectie", "niet-in-dit-kader"]
        with pytest.raises(BadRequest) as refused:
            deserializer(data={"norm_fields": ["collectie", "Geen token!"]})
    assert project.norm_fields == ["collectie", "niet-in-dit-kader"]
    (error,) = refused.value.args[0]
    assert error["field"] == "norm_fields"
    assert "'Geen token!' in norm_fields is not a norm element token." in error["message"]


def test_an_auditor_group_whose_id_is_taken_here_gives_that_group_nothing(portal, library):
    """Importing grants into a site where an ordinary group already has the exported
    auditor group's id: the library gets a new auditor group, and the ordinary group
    loses the Auditor role the imported local roles gave it."""
    api.group.create(groupname="bibqual-audit-bestaat", title="Groep van de gastsite")
    make_user(GUEST_AUDITOR)
    group = restore_grants(library.UID(), "bibqual-audit-bestaat", [(GUEST_AUDITOR, UNTIL)])
    library.manage_setLocalRoles("bibqual-audit-bestaat", ["Auditor"])  # as exported
    settle_auditor_group(library, "bibqual-audit-bestaat")
    assert group != "bibqual-audit-bestaat"
    assert "bibqual-audit-bestaat" not in dict(library.get_local_roles())
    assert library.get_local_roles_for_userid(group) == ("Auditor",)
    assert [entry["user"] for entry in grants(library)] == [GUEST_AUDITOR]
