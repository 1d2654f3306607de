"""The quality dossier of a library: its evidence per norm element and policy topic."""

from bibqual import _
from bibqual.browser.base import BibqualView
from bibqual.reports.dossier import EXPIRED
from bibqual.reports.dossier import EXPIRES_SOON
from bibqual.reports.dossier import quality_dossier
from plone.memoize.view import memoize


class QualityDossierView(BibqualView):
    """``@@quality-dossier`` on a Library: all evidence the user may see, grouped by
    norm element (gaps marked) and by policy topic. Permission: View; from brains.
    """

    EXPIRED = EXPIRED
    EXPIRES_SOON = EXPIRES_SOON

    @memoize
    def dossier(self):
        return quality_dossier(self.context)

    def type_title(self, item):
        return self.tr(item["document_type_title"])

    def gap_count(self):
        return len(self.dossier()["gaps"])

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
