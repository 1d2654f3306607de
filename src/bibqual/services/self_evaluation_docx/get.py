"""``GET {selfassessment}/@self-evaluation-docx`` and ``GET {certification}/@self-evaluation-docx``:
the self-evaluation as a Word file (``documents.selfevaluation``)."""

from bibqual import _
from bibqual import clock
from bibqual.certification import rounds
from bibqual.certification.framework import round_of
from bibqual.documents.filenames import download_name
from bibqual.documents.selfevaluation import self_evaluation_document
from bibqual.documents.word import DOCX_TYPE
from bibqual.documents.word import to_bytes
from bibqual.errors import BibqualError
from bibqual.ids import SELF_ASSESSMENT
from bibqual.services.download import DownloadView
from bibqual.services.download import File
from bibqual.utils import find_library
from plone import api


def self_evaluation_file(self_assessment, request):
    """The ``.docx`` of ``self_assessment``, named
    ``zelfevaluatie-<library>-<audit year, else today's date>.docx``."""
    certification = round_of(self_assessment)
    library = find_library(self_assessment)
    audit_date = getattr(certification, "audit_date", None)
    filename = download_name(
        "zelfevaluatie",
        library.Title() if library is not None else "",
        audit_date.year if audit_date else clock.today().isoformat(),
        extension="docx",
    )
    body = to_bytes(self_evaluation_document(self_assessment, request))
    return File(filename, DOCX_TYPE, body)


class SelfEvaluationDocx(DownloadView):
    """``@self-evaluation-docx`` on a SelfAssessment. Who: anyone who may view it
    (staff and the coordinator; an auditor with a running grant once it is
    submitted). Returns the Word file of what that user may see."""

    def download(self):
        return self_evaluation_file(self.context, self.request)


class RoundSelfEvaluationDocx(DownloadView):
    """``@self-evaluation-docx`` on a Certification: the Word file of the round's
    newest self-evaluation the user may see. 404 when the round has none, 403 when
    it has one the user may not read (an auditor before it is submitted)."""

    def download(self):
        brain = rounds.latest_self_assessment(self.context)
        if brain is not None:
            return self_evaluation_file(brain.getObject(), self.request)
        catalog = api.portal.get_tool("portal_catalog")
        path = "/".join(self.context.getPhysicalPath())
        hidden = catalog.unrestrictedSearchResults(
            portal_type=SELF_ASSESSMENT, path={"query": path, "depth": -1}
        )
        if hidden:
            raise BibqualError(_("You may not read the self-evaluation of this round."), 403)
        raise BibqualError(_("This round has no self-evaluation."), 404)
