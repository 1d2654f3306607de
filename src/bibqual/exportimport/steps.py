"""bibqual's steps in a plone.exportimport export and import (``@export``/``@import``,
``plone-exporter``/``plone-importer``).

The export writes ``bibqual.json`` (``bibqual.exportimport.data``). The import reads it
twice: ``bibqual.importer.site`` runs first, so the settings (norm vocabulary, editor
groups) and the audit grants with their auditor groups are in place before the users
and the content arrive (plone.exportimport's principals step then finds each auditor
group as the group it is, instead of making it an ordinary group whose members never
lose access); ``bibqual.importer.content`` runs after the content: the annotations
(copy history), the Auditor role of each auditor group, and each item's permissions
as its workflow state gives them.

plone.exportimport runs the exporters and importers named in its lists
``EXPORTER_NAMES`` and ``IMPORTER_NAMES``; this module adds bibqual's names there when
it is loaded (by this package's ``configure.zcml``).
"""

from bibqual.content.interfaces import IBibqualContent
from bibqual.exportimport import data as bibqual_data
from plone import api
from plone.exportimport import exporters
from plone.exportimport import importers
from plone.exportimport import logger
from plone.exportimport.exporters.base import BaseExporter
from plone.exportimport.importers.base import BaseImporter
from plone.exportimport.interfaces import INamedExporter
from plone.exportimport.interfaces import INamedImporter
from zope.interface import implementer


EXPORTER = "bibqual.exporter"
SITE_IMPORTER = "bibqual.importer.site"
CONTENT_IMPORTER = "bibqual.importer.content"
FILE_NAME = "bibqual"  # bibqual.json


def _add_name(names, name, before=None, after=None):
    if name in names:
        return
    if before in names:
        names.insert(names.index(before), name)
    elif after in names:
        names.insert(names.index(after) + 1, name)
    else:
        names.append(name)


_add_name(exporters.EXPORTER_NAMES, EXPORTER)
_add_name(importers.IMPORTER_NAMES, SITE_IMPORTER, before="plone.importer.principals")
_add_name(importers.IMPORTER_NAMES, CONTENT_IMPORTER, after="plone.importer.content")


@implementer(INamedExporter)
class BibqualExporter(BaseExporter):
    """Settings, audit grants and annotations; a partial export (a query) keeps the
    grants and annotations of the exported content and leaves the settings out."""

    name = FILE_NAME

    def dump(self):
        content = self.exported_content()
        uids = None if content is None else set(content)
        found = {
            "audit_grants": bibqual_data.export_grants(uids),
            "annotations": bibqual_data.export_annotations(uids),
        }
        if uids is None:
            found["settings"] = bibqual_data.export_settings()
        filepath = self._dump(found, self.filepath)
        logger.debug(f"- bibqual: wrote settings, grants and annotations to {filepath}")
        return [filepath]


class _BibqualImporter(BaseImporter):
    name = FILE_NAME

    def do_import(self):
        # An export without bibqual.json (made before bibqual had these steps) may still
        # hold bibqual content: its permissions are put right all the same.
        found = self._read() or {}
        label = self.__class__.__name__
        problems = self.restore(found)
        for problem in problems:
            logger.error(f"- bibqual: not imported: {problem}")
        self._commit(f"{label}: imported")
        report = f"{label}: Imported {self.summary(found)}"
        if problems:
            report += f"; not imported: {'; '.join(problems)}"
        return report


@implementer(INamedImporter)
class BibqualSiteImporter(_BibqualImporter):
    """Before the users and the content: settings and audit grants."""

    def restore(self, found):
        return bibqual_data.restore_settings(
            found.get("settings") or {}
        ) + bibqual_data.restore_audit_grants(found.get("audit_grants") or {})

    def summary(self, found):
        grants = sum(
            len(entry.get("grants", ())) for entry in found.get("audit_grants", {}).values()
        )
        return f"{len(found.get('settings') or {})} settings and {grants} audit grants"


@implementer(INamedImporter)
class BibqualContentImporter(_BibqualImporter):
    """After the content: annotations, auditor groups' roles, workflow permissions."""

    def restore(self, found):
        problems = bibqual_data.restore_annotations(found.get("annotations") or {})
        bibqual_data.settle_audit_grants(found.get("audit_grants") or {})
        update_workflow_permissions()
        return problems

    def summary(self, found):
        return f"the annotations of {len(found.get('annotations') or {})} items"


def update_workflow_permissions():
    """Give every bibqual item the permissions of its workflow state.

    plone.exportimport replays transitions to reach an item's state and then puts the
    exported history back; a guard may refuse such a replayed step (a project whose
    evaluation was emptied after it was adjusted), so the state comes from the history
    while the permissions are still those of an earlier state.
    """
    workflow_tool = api.portal.get_tool("portal_workflow")
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(object_provides=IBibqualContent.__identifier__):
        obj = brain._unrestrictedGetObject()
        changed = False
        for workflow in workflow_tool.getWorkflowsFor(obj):
            changed = workflow.updateRoleMappingsFor(obj) or changed
        state = workflow_tool.getInfoFor(obj, "review_state", None)
        if changed:
            obj.reindexObjectSecurity()
        if changed or state != brain.review_state:
            obj.reindexObject(idxs=["review_state"])
