"""GET {library}/@norm-mapping."""

from bibqual.norms.mapping import mapping_preview
from bibqual.services.base import BibqualService


class NormMappingGet(BibqualService):
    """The preview of carrying norm tags over to the active framework: per item of
    the library, the elements the settings' mapping would add. Changes nothing.

    Permission: Review portal content on the library (the coordinator).
    """

    def answer(self):
        return mapping_preview(self.context)
