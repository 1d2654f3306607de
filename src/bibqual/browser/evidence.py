"""The page of an evidence item (``@@evidence-view``, the default view of Evidence)."""

from bibqual import _
from bibqual import clock
from bibqual.browser.display import document_type_terms
from bibqual.browser.display import norm_terms
from bibqual.browser.transitions import WorkflowView
from bibqual.ids import ASSURANCE_PROJECT
from bibqual.ids import SMART_PROJECT
from bibqual.indexers.evidence import RELATED_PROJECT_UIDS
from bibqual.reports.expiry import EXPIRED
from bibqual.reports.expiry import EXPIRES_SOON
from bibqual.reports.expiry import EXPIRY_WARNING_DAYS
from bibqual.reports.expiry import expiry
from bibqual.validation import safe_link
from plone import api
from plone.memoize.view import memoize


PROJECT_TYPES = (SMART_PROJECT, ASSURANCE_PROJECT)


class EvidenceView(WorkflowView):
    """Default view of an Evidence item, for everyone who may view it: its document
    type, validity (``31-12-2026``, marked expired or expiring soon), norm elements,
    the projects it supports (from the catalog, as far as the user may see them),
    the file or link, its state, and the workflow steps the user may take (the
    coordinator's "Release"; the workflow's permissions decide). No internals
    (short name, versioning) are shown."""

    @memoize
    def document_type(self):
        token = getattr(self.context, "document_type", None)
        return document_type_terms(self.context, self.request).title(token) if token else ""

    @memoize
    def norm_titles(self):
        return norm_terms(self.context, self.request).titles(
            getattr(self.context, "norm_fields", None)
        )

    @memoize
    def validity(self):
        """``{date, iso, status, label}`` of ``valid_until``; ``status`` is
        ``expired``, ``expires-soon`` or None; None without a date."""
        value = getattr(self.context, "valid_until", None)
        if value is None:
            return None
        status = expiry(value, clock.today())
        labels = {
            EXPIRED: _("expired"),
            EXPIRES_SOON: _("expires within ${days} days", mapping={"days": EXPIRY_WARNING_DAYS}),
        }
        return {
            "date": self.date(value),
            "iso": self.iso(value),
            "status": status,
            "label": self.tr(labels[status]) if status in labels else "",
        }

    @memoize
    def projects(self):
        """The projects and assurance projects this evidence supports, that the user
        may see: the one that holds it, then the linked ones (``related_projects``,
        from the catalog index): ``[{url, title, state_title, review_state, holds}]``."""
        catalog = api.portal.get_tool("portal_catalog")
        items = []
        parent = self.context.__parent__
        if getattr(parent, "portal_type", None) in PROJECT_TYPES:
            parent_path = "/".join(parent.getPhysicalPath())
            brains = catalog(path={"query": parent_path, "depth": 0})
            items.extend(self._item(brain, holds=True) for brain in brains)
        uids = self._linked_uids(catalog)
        if uids:
            brains = catalog(UID=uids, portal_type=PROJECT_TYPES, sort_on="sortable_title")
            seen = {item["url"] for item in items}
            items.extend(
                self._item(brain, holds=False) for brain in brains if brain.getURL() not in seen
            )
        return items

    def _linked_uids(self, catalog):
        """The UIDs the catalog indexed for this item's ``related_projects``."""
        if RELATED_PROJECT_UIDS not in catalog.indexes():
            return []
        rid = catalog.getrid("/".join(self.context.getPhysicalPath()))
        if rid is None:
            return []
        index = catalog._catalog.getIndex(RELATED_PROJECT_UIDS)
        return list(index.getEntryForObject(rid, default=None) or ())

    def _item(self, brain, holds):
        return {
            "url": brain.getURL(),
            "title": brain.Title,
            "review_state": brain.review_state,
            "state_title": self.state_title(brain.review_state),
            "holds": holds,
        }

    @memoize
    def file(self):
        """``{url, name, size}`` of the uploaded file, else None."""
        blob = getattr(self.context, "file", None)
        if blob is None or not getattr(blob, "filename", None):
            return None
        url = f"{self.context.absolute_url()}/@@download/file/{blob.filename}"
        return {"url": url, "name": blob.filename, "size": self.size(blob.getSize())}

    def link(self):
        """The evidence's web link (only http(s)), else an empty string."""
        return safe_link(getattr(self.context, "remote_url", None)) or ""

    @staticmethod
    def size(count):
        """``820 bytes``, ``12 KB`` or ``1,4 MB``."""
        if count < 1024:
            return f"{count} bytes"
        if count < 1024 * 1024:
            return f"{round(count / 1024)} KB"
        return f"{count / (1024 * 1024):.1f} MB".replace(".", ",")
