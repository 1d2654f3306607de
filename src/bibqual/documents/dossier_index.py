"""``index.docx`` of the audit dossier: what is in the ZIP and what the certifier asks for.

The title, the date, a checklist of the documents the certifier asks for before
the audit (present or missing), and the table of contents per element of the
active norm framework: every file of the ZIP tagged with that element (path,
title, type, valid until), the element marked as a gap when
``reports.readiness`` says it is one. Everything comes from the catalog (the
members of ``documents.dossier_zip``, the readiness answer, the running round's
self-evaluations), for the current user. In Dutch (``documents.dutch``).
"""

from bibqual import _
from bibqual.certification import rounds
from bibqual.documents import word
from bibqual.documents.dutch import dutch
from bibqual.documents.dutch import dutch_date
from bibqual.ids import DOCUMENT_ANNUAL_REPORT
from bibqual.ids import DOCUMENT_AUDIT_DAY_PROPOSAL
from bibqual.ids import DOCUMENT_POLICY_PLAN
from bibqual.ids import DOCUMENT_SELF_EVALUATION
from bibqual.reports.readiness import gap_text
from bibqual.workflows.ids import SUBMITTED


SELF_EVALUATION = "self-evaluation"
AUDIT_DAY_PROPOSAL = "audit-day-proposal"
ANNUAL_REPORT = "annual-report"
POLICY_PLAN = "policy-plan"
CHECKLIST = (
    (SELF_EVALUATION, _("Self-evaluation"), DOCUMENT_SELF_EVALUATION),
    (AUDIT_DAY_PROPOSAL, _("Audit day proposal"), DOCUMENT_AUDIT_DAY_PROPOSAL),
    (ANNUAL_REPORT, _("Annual report with financial account"), DOCUMENT_ANNUAL_REPORT),
    (POLICY_PLAN, _("Multi-year policy plan"), DOCUMENT_POLICY_PLAN),
)
"""What the certifier asks for: ``(key, title, document type token)``."""

PRESENT = _("present")
MISSING = _("missing")


def submitted_self_evaluation(library):
    """The brain of the running round of ``library`` (``certification.rounds``) when
    a self-evaluation of it is submitted, else ``None``."""
    running = rounds.running_round(library)
    if running is None or not rounds.self_assessments(running, review_state=SUBMITTED):
        return None
    return running


def checklist(library, members, tr):
    """``[{key, title, present, found}]``, one per document the certifier asks for
    (``CHECKLIST``): present when a file of the ZIP (``members``) has its document
    type; the self-evaluation also when the running round's is submitted.
    ``found`` lists what was found (paths in the ZIP); ``tr`` translates."""
    rows = []
    for key, title, token in CHECKLIST:
        found = [member.path for member in members if member.document_type == token]
        if key == SELF_EVALUATION:
            running = submitted_self_evaluation(library)
            if running is not None:
                submitted = _("Submitted in ${round}", mapping={"round": running.Title})
                found.insert(0, tr(submitted))
        rows.append({"key": key, "title": tr(title), "present": bool(found), "found": found})
    return rows


def _rows(members):
    return [
        (member.path, member.title, member.type_title, dutch_date(member.valid_until))
        for member in members
    ]


def index_document(library, request, answer, members):
    """``index.docx`` (bytes) of the dossier of ``library``: ``answer`` is
    ``reports.readiness.norm_readiness``, ``members`` the ZIP's files."""

    def tr(message):
        return dutch(message, request)

    document = word.new_document(library)
    title = _("Audit dossier — ${library}", mapping={"library": library.Title()})
    word.heading(document, tr(title), level=0)
    word.field(document, tr(_("Date")), dutch_date(answer["date"]))
    word.paragraph(
        document,
        tr(
            _(
                "The released, still valid evidence per norm element. "
                "manifest.csv lists the SHA-256 checksum of every file."
            )
        ),
    )
    word.heading(document, tr(_("What the certifier asks for")), level=1)
    word.table(
        document,
        [tr(_("Document")), tr(_("Status")), tr(_("In this dossier"))],
        [
            (row["title"], tr(PRESENT if row["present"] else MISSING), "\n".join(row["found"]))
            for row in checklist(library, members, tr)
        ],
    )
    word.heading(document, tr(_("Contents per norm element")), level=1)
    header = [tr(_("File")), tr(_("Title")), tr(_("Type")), tr(_("Valid until"))]
    for element in answer["elements"]:
        word.heading(document, element["title"], level=2)
        if element["gap"]:
            word.field(document, tr(_("Gap")), gap_text(element, tr))
        tagged = [member for member in members if element["token"] in member.norm_fields]
        if tagged:
            word.table(document, header, _rows(tagged))
        else:
            word.paragraph(document, tr(_("No evidence.")))
    tokens = {element["token"] for element in answer["elements"]}
    loose = [member for member in members if not tokens & set(member.norm_fields)]
    if loose:
        word.heading(document, tr(_("No norm element")), level=2)
        word.table(document, header, _rows(loose))
    return word.to_bytes(document)
