"""The self-evaluation (zelfevaluatie) of a certification round as a Word document.

``self_evaluation_document(self_assessment, request)`` writes what the
self-evaluation page shows (``certification.selfevaluation``, the one home of
that data): the round's framework, audit date and the self-evaluation's state;
ambitions and bottlenecks; per norm element (``Heading 2``, framework order) a
table of its aspects with score and the scale's label, explanation and the titles
of the linked evidence and projects the requesting user may see (catalog
brains); then the percentage and the band with its consequence
(``certification.scoring``). In Dutch, whatever the request's language. Only
the self-evaluation and its round are read as objects: the user may view them
(the download's permission).
"""

from bibqual import _
from bibqual.certification.framework import framework_of
from bibqual.certification.framework import round_of
from bibqual.certification.selfevaluation import element_rows
from bibqual.certification.selfevaluation import result_summary
from bibqual.documents import word
from bibqual.documents.dutch import dutch
from bibqual.documents.dutch import dutch_date
from bibqual.documents.dutch import dutch_percentage
from bibqual.documents.dutch import state_title
from bibqual.utils import find_library
from plone import api


def _titles(items):
    return "\n".join(item["title"] for item in items)


def _head(document, self_assessment, certification, library, tr):
    """Title and the round's facts."""
    framework = framework_of(certification)
    name = library.Title() if library is not None else ""
    word.heading(document, tr(_("Self-evaluation — ${library}", mapping={"library": name})), 0)
    if framework is not None:
        word.field(document, tr(_("Norm framework")), framework.title)
    if certification is not None:
        word.field(document, tr(_("Certification round")), certification.Title())
        word.field(document, tr(_("Audit date")), dutch_date(certification.audit_date))
    state = api.content.get_state(self_assessment, default=None)
    if state:
        word.field(document, tr(_("State")), state_title(state, self_assessment.portal_type))


def _texts(document, self_assessment, tr):
    """Ambitions and bottlenecks (a note when not written yet)."""
    for label, name in ((_("Ambitions"), "ambitions"), (_("Bottlenecks"), "bottlenecks")):
        word.heading(document, tr(label), 1)
        text = getattr(self_assessment, name, None)
        word.paragraph(document, text or tr(_("Not written yet.")))


def _elements(document, elements, tr):
    """Per norm element a ``Heading 2`` and the table of its aspects."""
    word.heading(document, tr(_("Scores")), 1)
    header = [
        tr(_("Aspect")),
        tr(_("Score")),
        tr(_("Explanation")),
        tr(_("Evidence documents")),
        tr(_("Projects")),
    ]
    for element in elements:
        word.heading(document, element["title"], 2)
        rows = [
            (
                aspect["title"],
                aspect["score"],
                aspect["explanation"],
                _titles(aspect["evidence"]),
                _titles(aspect["projects"]),
            )
            for aspect in element["aspects"]
        ]
        word.table(document, header, rows)


def _result(document, result, tr):
    """The percentage, the band and its consequence."""
    word.heading(document, tr(_("Result")), 1)
    if result["percentage"] is None:
        word.paragraph(document, tr(_("No aspect has a score yet.")))
        return
    word.field(document, tr(_("Percentage")), dutch_percentage(result["percentage"]))
    word.field(document, tr(_("Band")), result["band_title"])
    word.field(document, tr(_("Consequence")), result["consequence"])
    word.paragraph(
        document, tr(_("Percentage of the maximum score over the aspects that have a score."))
    )


def self_evaluation_document(self_assessment, request):
    """The python-docx ``Document`` of ``self_assessment`` for the requesting user
    (anyone who may view it), in the house style of its library."""

    def tr(message):
        return dutch(message, request)

    certification = round_of(self_assessment)
    library = find_library(self_assessment)
    document = word.new_document(library)
    _head(document, self_assessment, certification, library, tr)
    _texts(document, self_assessment, tr)
    _elements(document, element_rows(self_assessment, framework_of(certification)), tr)
    _result(document, result_summary(self_assessment), tr)
    return document
