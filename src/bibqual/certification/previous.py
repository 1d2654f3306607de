"""Start a self-evaluation from the previous round's.

The texts (ambitions, bottlenecks, the explanation per aspect) and the links to
evidence and projects are copied; the scores are cleared, as the library judges
itself again. Rows of elements or aspects the new round's framework does not
know are left out, and so are links to items that are gone or that the user
may not see. Only a self-evaluation without content is filled this way.
"""

from bibqual import _
from bibqual.certification import rounds
from bibqual.certification.framework import framework_of
from bibqual.certification.framework import round_of
from bibqual.certification.scores import LINKS
from bibqual.certification.scores import linked_uids
from bibqual.certification.scores import visible_uids
from bibqual.errors import BibqualError
from bibqual.utils import find_library
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent


class PreviousRoundError(BibqualError):
    """Starting from the previous round is refused; the message says why."""


def has_content(self_assessment):
    """Whether ``self_assessment`` holds any text, score or link."""
    if (getattr(self_assessment, "ambitions", None) or "").strip():
        return True
    if (getattr(self_assessment, "bottlenecks", None) or "").strip():
        return True
    for row in getattr(self_assessment, "scores", None) or ():
        if row.get("score") is not None or (row.get("explanation") or "").strip():
            return True
        if any(row.get(key) for key in LINKS):
            return True
    return False


def previous_self_assessment(certification):
    """The brain of the newest self-evaluation of the round before ``certification``
    in the same library, or ``None``."""
    earlier = rounds.previous_round(certification, find_library(certification))
    if earlier is None:
        return None
    return next(iter(rounds.self_assessments(earlier, sort_limit=1)), None)


def carried_rows(rows, framework, library):
    """``rows`` (of an earlier self-evaluation) as rows of ``framework``: texts and
    visible links of known aspects, no scores."""
    visible = {
        key: visible_uids(library, linked_uids(rows, key), types) for key, types in LINKS.items()
    }
    carried = []
    seen = set()
    for row in rows or ():
        element = framework.element(row.get("element"))
        aspect = row.get("aspect")
        if element is None or aspect not in {a.token for a in element.aspects}:
            continue
        if (element.token, aspect) in seen:
            continue
        seen.add((element.token, aspect))
        entry = {
            "element": element.token,
            "aspect": aspect,
            "score": None,
            "explanation": row.get("explanation") or "",
        }
        for key in LINKS:
            entry[key] = [uid for uid in row.get(key) or () if uid in visible[key]]
        carried.append(entry)
    return carried


def start_from_previous(self_assessment):
    """Fill ``self_assessment`` from the previous round's; returns ``{"source": brain,
    "rows": copied, "skipped": left out}``. Refuses with ``PreviousRoundError``."""
    if has_content(self_assessment):
        raise PreviousRoundError(
            _(
                "This self-evaluation already has content; start from the previous round only on a new one."  # noqa: E501
            )
        )
    certification = round_of(self_assessment)
    framework = framework_of(certification)
    source_brain = previous_self_assessment(certification) if certification else None
    if source_brain is None or framework is None:
        raise PreviousRoundError(
            _("There is no self-evaluation of an earlier round to start from.")
        )
    source = source_brain.getObject()
    rows = list(getattr(source, "scores", None) or ())
    carried = carried_rows(rows, framework, find_library(self_assessment))
    self_assessment.ambitions = getattr(source, "ambitions", None)
    self_assessment.bottlenecks = getattr(source, "bottlenecks", None)
    self_assessment.scores = carried
    notify(ObjectModifiedEvent(self_assessment))
    return {"source": source_brain, "rows": len(carried), "skipped": len(rows) - len(carried)}
