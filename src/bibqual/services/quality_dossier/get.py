"""GET {library}/@quality-dossier."""

from bibqual.browser.base import STATE_TITLES
from bibqual.reports.dossier import quality_dossier
from bibqual.restapi.plain import plain
from bibqual.services.base import BibqualService


class QualityDossierGet(BibqualService):
    """The evidence of a library the caller may see (an auditor: released and
    archived only), per element of the active norm framework in the framework's
    order with the element's readiness (released, valid evidence, projects past
    Plan, ``gap`` and ``gap_reasons``: the numbers of ``@norm-coverage``), per
    element of another framework it is tagged with (``other_frameworks``),
    evidence without any norm tag (``unassigned``), and per policy topic. Each item
    with its state and its title. Anyone who may view the library (as
    ``@@quality-dossier``).
    """

    def answer(self):
        dossier = quality_dossier(self.context)
        others = [e for group in dossier["other_frameworks"] for e in group["elements"]]
        groups = [*dossier["elements"], *others, *dossier["topics"]]
        items = [item for group in groups for item in group["items"]]
        for item in [*items, *dossier["unassigned"], *dossier["no_topic"]]:
            item["review_state_title"] = STATE_TITLES.get(
                item["review_state"], item["review_state"]
            )
        return plain(dossier, self.request)
