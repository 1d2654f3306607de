"""Norm coverage of a library: per norm element the projects, evidence and gaps.

The numbers are ``reports.readiness.norm_readiness``'s (the one readiness answer);
this module only shapes them for ``@norm-coverage``, ``@@norm-coverage`` and the
dashboard.
"""

from bibqual.reports.readiness import counts
from bibqual.reports.readiness import norm_readiness
from bibqual.reports.readiness import other_frameworks
from bibqual.reports.readiness import summary


def norm_coverage(library):
    """Per element of the active framework: projects per state, released evidence
    that is still valid, assurance projects, and ``gap`` (with ``gap_reasons``)
    where there is no such evidence or no project past ``plan`` (a cancelled
    project does not count); ``other_frameworks``: the tags of other frameworks,
    counted under the framework they belong to (``readiness.other_frameworks``)."""
    answer = norm_readiness(library)
    items = [counts(element) for element in answer["elements"]]
    return {
        "@id": f"{library.absolute_url()}/@norm-coverage",
        "library": {"@id": library.absolute_url(), "title": library.Title()},
        "date": answer["date"],
        "framework": answer["framework"],
        "items": items,
        "gaps": answer["gaps"],
        "other_frameworks": other_frameworks(answer["other_tags"]),
    }


def coverage_summary(coverage):
    """``{total, covered, gaps}`` of a ``norm_coverage`` result; ``gaps`` lists the
    elements without coverage (their items)."""
    return summary(coverage["items"])
