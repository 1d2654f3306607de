"""POST {library}/@norm-mapping {"dry_run": bool}."""

from bibqual import _
from bibqual.errors import BibqualError
from bibqual.norms.mapping import apply_mapping
from bibqual.norms.mapping import mapping_preview
from bibqual.services.base import BibqualService


class NormMappingPost(BibqualService):
    """Carries the norm tags of other frameworks over to the active one: adds the
    mapped elements to every item the preview lists and keeps the item's other
    tags; answers the changed items. With ``"dry_run": true`` it answers the
    preview and changes nothing. 400 when ``dry_run`` is not a boolean.

    Permission: Review portal content on the library (the coordinator).
    """

    writes = True

    def answer(self):
        dry_run = self.json_body().get("dry_run", False)
        if not isinstance(dry_run, bool):
            raise BibqualError(_("dry_run must be true or false."))
        if dry_run:
            return mapping_preview(self.context)
        return apply_mapping(self.context)
