"""The quality dossier of a library: its evidence per norm element and policy topic."""

from bibqual import _
from bibqual.browser.base import BibqualView
from bibqual.reports.dossier import quality_dossier
from bibqual.reports.expiry import EXPIRED
from bibqual.reports.expiry import EXPIRES_SOON
from bibqual.reports.readiness import gap_text
from bibqual.reports.readiness import summary
from plone.memoize.view import memoize


# the badge of an item that expired or expires soon: (its classes, its text)
EXPIRY_BADGES = {
    EXPIRED: ("text-bg-danger bq-expired", _("expired")),
    EXPIRES_SOON: ("text-bg-warning bq-expires-soon", _("expires soon")),
}


class QualityDossierView(BibqualView):
    """``@@quality-dossier`` on a Library: all evidence the user may see, grouped by
    norm element of the active framework (with its readiness: released, valid
    evidence and projects past Plan, gaps marked, as on the dashboard and
    ``@@norm-coverage``), by the elements of other frameworks it is tagged with, and
    by policy topic. Permission: View; from brains (``reports.dossier``).
    """

    @memoize
    def dossier(self):
        return quality_dossier(self.context)

    @memoize
    def labels(self):
        """The texts every row repeats, translated once."""
        return {"download": self.tr(_("Download")), "link": self.tr(_("Open link"))}

    def rows(self, items):
        """The table rows of ``items``, as ready texts: an item listed under several elements
        and topics is prepared once, and each title is translated once per page."""
        return [self._row(item) for item in items]

    def _row(self, item):
        rows = self.__dict__.setdefault("_rows", {})
        if item["@id"] not in rows:
            expiry = EXPIRY_BADGES.get(item["expiry"])
            rows[item["@id"]] = {
                "url": item["@id"],
                "title": item["title"],
                "type": self.tr(item["document_type_title"]),
                "state": item["review_state"],
                "state_title": self.state_title(item["review_state"]),
                "valid_until": self.date(item["valid_until"]),
                "expiry_class": expiry[0] if expiry else "",
                "expiry_text": self.tr(expiry[1]) if expiry else "",
                "file": item["file"],
                "link": item["link"],
            }
        return rows[item["@id"]]

    def summary(self):
        """``{total, covered, gaps}`` of the elements (``gaps``: the uncovered ones)."""
        return summary(self.dossier()["elements"])

    def gap_reasons(self, element):
        """Why an element is a gap, as translated text (empty when covered)."""
        return gap_text(element, self.tr)

    def caption_for(self, group):
        return self.tr(_("Evidence for ${group}", mapping={"group": group}))

    def caption_unassigned(self):
        return self.tr(_("Evidence not linked to a norm element"))

    def caption_no_topic(self):
        return self.tr(_("Evidence without policy topic"))

    def items_label(self, count):
        if count == 1:
            return self.tr(_("1 item"))
        return self.tr(_("${count} items", mapping={"count": count}))

    def evidence_label(self, count):
        if count == 1:
            return self.tr(_("1 evidence item"))
        return self.tr(_("${count} evidence items", mapping={"count": count}))
