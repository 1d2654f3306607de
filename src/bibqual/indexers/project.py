"""Indexers of SMART projects: progress and full text."""

from bibqual.content.indicators import indicator_progress as progress_of
from bibqual.content.smartproject import ISmartProject
from plone.indexer import indexer


SMART_TEXT_FIELDS = (
    "specific",
    "measurable",
    "achievable",
    "realistic",
    "evaluation",
    "improvements",
    "responsible",
    "spearhead",
)
SMART_LIST_FIELDS = ("partners", "target_groups", "policy_topics")


@indexer(ISmartProject)
def indicator_progress(obj):
    """Mean indicator progress in percent (0-100)."""
    value = progress_of(getattr(obj, "indicators", None))
    if value is None:
        raise AttributeError("indicator_progress")
    return value


@indexer(ISmartProject)
def searchable_text(obj):
    """Title, description, the SMART texts, indicator names, partners, target groups."""
    parts = [obj.Title(), obj.Description()]
    parts.extend(getattr(obj, name, None) or "" for name in SMART_TEXT_FIELDS)
    for name in SMART_LIST_FIELDS:
        parts.extend(getattr(obj, name, None) or [])
    parts.extend((row or {}).get("name") or "" for row in getattr(obj, "indicators", None) or [])
    parts.extend(getattr(obj, "Subject", lambda: ())())
    return " ".join(part for part in parts if part)
