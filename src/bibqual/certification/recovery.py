"""The recovery plan (herstelplan) of a round or an audit report: its findings
with their actions, soonest due first.

One home for the recovery page (``browser.recovery``) and its Word document
(``documents.recovery``). The page lists the open findings; the document lists
them too and, after them, the closed ones that asked for work (points for
improvement and shortcomings), marked as closed. Everything comes from catalog
brains the current user may see (``certification.findings.finding_rows``).
"""

from bibqual.certification import rounds
from bibqual.certification.findings import finding_rows
from bibqual.ids import FINDING
from bibqual.ids import STRENGTH
from bibqual.ids import VOCAB_NORM_FIELDS
from bibqual.workflows.ids import CLOSED
from bibqual.workflows.ids import OPEN
from datetime import date
from zope.component import getUtility
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory


def by_due_date(row):
    """Open ones first, then soonest due first, findings without a due date last,
    then by title."""
    return (
        row["review_state"] != OPEN,
        row["due"] is None,
        row["due"] or date.max,
        row["title"].casefold(),
    )


def recovery_findings(context, closed=False):
    """The brains of the open findings in ``context`` (a Certification or an
    AuditReport); with ``closed`` also the closed ones that asked for work."""
    states = [OPEN, CLOSED] if closed else [OPEN]
    return [
        brain
        for brain in rounds.in_round(context, FINDING, review_state=states)
        if brain.review_state == OPEN or brain.kind != STRENGTH
    ]


def _element_titles(rows, context):
    """A norm element the round's framework does not know gets its title from the
    norm elements vocabulary (a tag of another framework), translated."""
    vocabulary = None
    for row in rows:
        if row["norm_field_title"] != row["norm_field"] or not row["norm_field"]:
            continue
        if vocabulary is None:
            vocabulary = getUtility(IVocabularyFactory, VOCAB_NORM_FIELDS)(context)
        try:
            term = vocabulary.getTermByToken(row["norm_field"])
        except (LookupError, TypeError):
            continue
        row["norm_field_title"] = translate(term.title or term.token, context=getRequest())


def recovery_rows(brains, framework, context):
    """``finding_rows`` of ``brains`` (kind, element and its title, due, overdue,
    state, actions with PDCA state, deadline and valid evidence), in the recovery
    plan's order (``by_due_date``)."""
    rows = finding_rows(brains, framework)
    _element_titles(rows, context)
    return sorted(rows, key=by_due_date)
