"""Snapshots of a Plone site as plain dicts, and their differences as readable lines.

``tests/setup/test_host_snapshot.py`` takes one of a populated intranet before
bibqual is installed and one after each phase (install and use, upgrade,
uninstall, reinstall), then calls ``assert_unchanged(before, after)``: a failure
lists every difference as ``path: before -> after``, ``+ path: added`` or
``- path: removed``.

- ``host_objects``: per content path the workflow state, local roles, the
  inheritance block, every permission setting and the catalog entry;
- ``pages``: status, title and loaded assets of each default page per visitor;
- ``site_state``: what an add-on may touch site-wide (catalog, actions, registry,
  PAS, roles, sharing tab, types, workflow chains, bundles, layers, configlets).
"""

from Acquisition import aq_base
from DateTime import DateTime
from hashlib import sha256
from plone import api
from plone.base.interfaces.resources import IBundleRegistry
from plone.browserlayer.utils import registered_layers
from support.reports import browser_for
from support.reports import tree as page_tree
from zope.i18n import translate
import Missing
import re


EMPTY = (None, Missing.Value, "", (), [], {})
# The interface of a type's generated schema is named after the site; plone.dexterity
# caches it per type for the whole Zope, so with two sites in one Zope (the tests) a
# site root may be indexed with the other site's name until that cache is cleared.
GENERATED_SCHEMA = "plone.dexterity.schema.generated."
# Cache-busting tokens in asset URLs (they change with a file's content, not with the page).
WEBRESOURCE = re.compile(r"\+\+webresource\+\+[^/]+/")


# differences


def changes(before, after, path=""):
    """Every difference between two nested dicts, one readable line each."""
    lines = []
    for key in sorted(set(before) | set(after), key=str):
        where = f"{path} / {key}" if path else str(key)
        if key not in after:
            lines.append(f"- {where}: {before[key]!r}")
        elif key not in before:
            lines.append(f"+ {where}: {after[key]!r}")
        elif isinstance(before[key], dict) and isinstance(after[key], dict):
            lines.extend(changes(before[key], after[key], where))
        elif before[key] != after[key]:
            lines.append(f"{where}: {before[key]!r} -> {after[key]!r}")
    return lines


def assert_unchanged(before, after):
    """Fail with every difference between ``before`` and ``after``, one per line."""
    lines = changes(before, after)
    if lines:
        raise AssertionError(f"{len(lines)} difference(s):\n" + "\n".join(lines))


def names(values):
    """A collection of names as ``{name: True}``, so a difference names what was added."""
    return dict.fromkeys(sorted(values), True)


def plain(value):
    """A catalog or property value as comparable, printable data."""
    if isinstance(value, DateTime):
        return value.ISO8601()
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if value is Missing.Value:
        return None
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return repr(value)


# content


def permission_settings(obj):
    """``{permission: {"roles": [...], "acquire": bool}}`` for every permission of ``obj``."""
    settings = {}
    for permission in obj.ac_inherited_permissions(1):
        name = permission[0]
        roles = sorted(role["name"] for role in obj.rolesOfPermission(name) if role["selected"])
        settings[name] = {"roles": roles, "acquire": bool(obj.acquiredRolesAreUsedBy(name))}
    return settings


def catalog_entry(catalog, path):
    """The catalog's metadata and index data of ``path``; empty values are left out, so
    a column or index added later shows only where it holds something for this object."""
    rid = catalog.getrid(path)
    if rid is None:
        return None
    metadata = catalog.getMetadataForRID(rid)
    index_data = dict(catalog.getIndexDataForRID(rid))
    index_data["object_provides"] = [
        name for name in index_data.get("object_provides") or () if GENERATED_SCHEMA not in name
    ]
    return {
        "metadata": {key: plain(value) for key, value in metadata.items() if value not in EMPTY},
        "indexes": {key: plain(value) for key, value in index_data.items() if value not in EMPTY},
    }


def object_state(obj):
    """What a host object is: type, state, local roles, inheritance, permissions, catalog entry."""
    path = "/".join(obj.getPhysicalPath())
    return {
        "portal_type": getattr(aq_base(obj), "portal_type", None),
        "review_state": api.portal.get_tool("portal_workflow").getInfoFor(
            obj, "review_state", None
        ),
        "local_roles": {principal: sorted(roles) for principal, roles in obj.get_local_roles()},
        "blocks_inherited_roles": bool(getattr(aq_base(obj), "__ac_local_roles_block__", False)),
        "permissions": permission_settings(obj),
        "catalog": catalog_entry(api.portal.get_tool("portal_catalog"), path),
    }


def host_objects(portal, paths):
    """``{path: object_state}`` for ``paths`` (relative to the site; ``""`` is the site)."""
    return {
        path or "(site)": object_state(portal.unrestrictedTraverse(path) if path else portal)
        for path in paths
    }


def content_paths(portal):
    """The site-relative paths of everything in the catalog, and the site itself."""
    site_path = "/".join(portal.getPhysicalPath())
    catalog = api.portal.get_tool("portal_catalog")
    found = catalog.unrestrictedSearchResults(path=site_path)
    return ["", *sorted(brain.getPath()[len(site_path) + 1 :] for brain in found)]


# users and groups


def principals(user_ids, group_ids):
    """Global roles and groups of ``user_ids``; title, roles and members of ``group_ids``."""
    users = {}
    for user_id in user_ids:
        user = api.user.get(userid=user_id)
        users[user_id] = {
            "roles": sorted(user.getRoles()) if user else None,
            "groups": sorted(user.getGroups()) if user else None,
        }
    groups = {}
    for group_id in group_ids:
        group = api.group.get(groupname=group_id)
        groups[group_id] = group and {
            "title": group.getProperty("title"),
            "roles": sorted(group.getRoles()),
            "members": sorted(group.getGroupMemberIds()),
        }
    return {"users": users, "groups": groups}


# pages


def status_browser(app, user=None):
    """``support.reports.browser_for`` that reads status codes itself: it follows no
    redirect and raises no HTTP error."""
    browser = browser_for(app, user)
    browser.raiseHttpErrors = False
    browser.followRedirects = False
    return browser


def page(browser, url, base_url):
    """Status, title, redirect target and loaded CSS/JS of ``url`` (paths relative to the site)."""
    browser.open(url)
    status = int(browser.headers["Status"].split(" ", 1)[0])
    result = {"status": status}
    if 300 <= status < 400:
        location = browser.headers.get("Location", "")
        result["location"] = location.split("?", 1)[0].replace(base_url, "")
        return result
    if "html" not in browser.headers.get("Content-Type", ""):
        return result
    tree = page_tree(browser)
    result["title"] = " ".join((tree.findtext(".//title") or "").split())
    assets = tree.xpath("//script/@src | //link[@rel='stylesheet']/@href")
    result["assets"] = names(
        WEBRESOURCE.sub("", asset.split("?", 1)[0]).replace(base_url, "") for asset in assets
    )
    return result


def pages(browsers, urls, base_url):
    """``{visitor: {url: page}}`` for every visitor's browser and every URL."""
    return {
        visitor: {url.replace(base_url, "") or "/": page(browser, url, base_url) for url in urls}
        for visitor, browser in browsers.items()
    }


def sharing_roles(folder, language="nl"):
    """``{role id: title}`` of the role columns of ``folder``'s sharing tab, as the current
    user sees them in ``language``."""
    view = folder.restrictedTraverse("@@sharing")
    return {role["id"]: translate(role["title"], target_language=language) for role in view.roles()}


# the site


def registry_state(registry):
    """``{record name: hash of its value}`` (short hashes keep a failing diff readable)."""
    return {
        name: sha256(repr(registry.records[name].value).encode()).hexdigest()[:12]
        for name in sorted(registry.records.keys())
    }


def bundles(registry):
    """The resource bundles as ``{name: {setting: value}}``."""
    found = registry.collectionOfInterface(IBundleRegistry, prefix="plone.bundles", check=False)
    return {
        name: {field: plain(getattr(bundle, field, None)) for field in IBundleRegistry.names()}
        for name, bundle in found.items()
    }


def visible_actions(portal, user_id):
    """``{category: {action id: True}}`` of the actions ``user_id`` sees on the site root."""
    actions = api.portal.get_tool("portal_actions")
    with api.env.adopt_user(username=user_id):
        found = actions.listFilteredActionsFor(portal)
    return {category: names(a["id"] for a in items) for category, items in found.items() if items}


def types_state(portal):
    """Every FTI's properties."""
    return {
        fti.getId(): {key: plain(value) for key, value in fti.propertyItems()}
        for fti in portal.portal_types.objectValues()
    }


def pas_state(portal):
    """PAS plugins (id: meta type) and, per plugin interface, the active plugins in order."""
    acl_users = portal.acl_users
    plugins = acl_users.plugins
    active = {}
    for interface in plugins.listPluginTypeInfo():
        ids = plugins.listPluginIds(interface["interface"])
        if ids:
            active[interface["id"]] = list(ids)
    return {
        "plugins": {plugin.getId(): plugin.meta_type for plugin in acl_users.objectValues()},
        "active": active,
    }


def site_state(portal, member_id):
    """What an add-on may change site-wide, as plain dicts."""
    catalog = api.portal.get_tool("portal_catalog")
    registry = portal.portal_registry
    workflow_tool = api.portal.get_tool("portal_workflow")
    with api.env.adopt_roles(["Manager"]):
        addable = [fti.getId() for fti in portal.allowedContentTypes()]
    return {
        "catalog indexes": {index.getId(): index.meta_type for index in catalog.getIndexObjects()},
        "catalog columns": names(catalog.schema()),
        "actions": {
            category.getId(): names(category.objectIds())
            for category in portal.portal_actions.objectValues()
        },
        "actions a member sees": visible_actions(portal, member_id),
        "registry": registry_state(registry),
        "resource bundles": bundles(registry),
        "PAS": pas_state(portal),
        "roles": names(portal.validRoles()),
        "types": types_state(portal),
        "workflow chains": {
            "(default)": list(workflow_tool.getDefaultChain()),
            **{type_id: list(chain) for type_id, chain in workflow_tool.listChainOverrides()},
        },
        "browser layers": names(layer.__identifier__ for layer in registered_layers()),
        "control panel": names(a.getId() for a in portal.portal_controlpanel.listActions()),
        "addable at the site root": names(addable),
    }
