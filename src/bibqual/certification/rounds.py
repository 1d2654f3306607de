"""The items of certification rounds, found through the catalog (nothing is woken).

One home for "the self-evaluation of this round", "its final report", "its open
findings", "the running round of a library" and "the round before this one".
Queries are restricted: the current user finds what they may see.
"""

from bibqual.ids import AUDIT_REPORT
from bibqual.ids import CERTIFICATION
from bibqual.ids import FINDING
from bibqual.ids import SELF_ASSESSMENT
from bibqual.reports.queries import as_date
from bibqual.reports.queries import library_brains
from bibqual.workflows.ids import AUDITED
from bibqual.workflows.ids import FINAL
from bibqual.workflows.ids import OPEN
from bibqual.workflows.ids import PREPARING
from datetime import date
from plone import api


# Metadata columns the round's screens read (catalog.xml); the indexes they
# query (portal_type, review_state, path, library_uid) are Plone's and bibqual's.
CERTIFIED_UNTIL = "certified_until"
FINDING_COLUMNS = ("norm_field", "kind", "due")
# A round runs until it is decided.
RUNNING_STATES = (PREPARING, AUDITED)


def _path(certification):
    """The catalog path of a round (the object or its brain)."""
    if hasattr(certification, "getPhysicalPath"):
        return "/".join(certification.getPhysicalPath())
    return certification.getPath()


def in_round(certification, portal_type, **query):
    """Brains of ``portal_type`` anywhere inside ``certification`` (the round or its
    brain), newest first."""
    catalog = api.portal.get_tool("portal_catalog")
    query.setdefault("sort_on", "created")
    query.setdefault("sort_order", "descending")
    return catalog(
        portal_type=portal_type, path={"query": _path(certification), "depth": -1}, **query
    )


def self_assessments(certification, **query):
    """The round's self-evaluations, newest first."""
    return in_round(certification, SELF_ASSESSMENT, **query)


def latest_self_assessment(certification):
    """The brain of the round's newest self-evaluation, or ``None``."""
    for brain in self_assessments(certification, sort_limit=1):
        return brain
    return None


def reports(certification, **query):
    """The round's audit reports, newest first."""
    return in_round(certification, AUDIT_REPORT, **query)


def final_report(certification):
    """The brain of the round's newest final audit report, or ``None``."""
    for brain in reports(certification, review_state=FINAL, sort_limit=1):
        return brain
    return None


def findings(certification, **query):
    """The findings in the round's audit reports, oldest first."""
    query.setdefault("sort_on", "created")
    query.setdefault("sort_order", "ascending")
    return in_round(certification, FINDING, **query)


def open_findings(certification):
    return findings(certification, review_state=OPEN)


def _round_order(brain):
    """Rounds in time: by the end of the certificate, then by creation."""
    return (as_date(getattr(brain, CERTIFIED_UNTIL, None)) or date.min, brain.created)


def library_rounds(library, **query):
    """The rounds of ``library``, oldest first."""
    return sorted(library_brains(library, CERTIFICATION, **query), key=_round_order)


def running_round(library):
    """The brain of the latest round of ``library`` that is not decided, or ``None``."""
    running = library_rounds(library, review_state=RUNNING_STATES)
    return running[-1] if running else None


def previous_round(certification, library):
    """The brain of the round of ``library`` just before ``certification``, or ``None``."""
    uid = certification.UID()
    rounds = library_rounds(library)
    for index, brain in enumerate(rounds):
        if brain.UID == uid:
            return rounds[index - 1] if index else None
    return None
