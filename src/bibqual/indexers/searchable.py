"""Full text (SearchableText) of bibqual items: what people type in the search box."""

from bibqual.content.assuranceproject import IAssuranceProject
from bibqual.content.evidence import IEvidence
from bibqual.content.indicators import indicator_rows
from bibqual.content.smartproject import ISmartProject
from plone.indexer import indexer


def _join(obj, text_fields=(), list_fields=()):
    parts = [obj.Title(), obj.Description()]
    parts.extend(getattr(obj, name, None) or "" for name in text_fields)
    for name in list_fields + ("policy_topics",):
        parts.extend(getattr(obj, name, None) or [])
    parts.extend(obj.Subject())
    return " ".join(part for part in parts if isinstance(part, str) and part)


@indexer(ISmartProject)
def project_text(obj):
    """Title, description, the SMART texts, indicator names, partners, target groups."""
    text = _join(
        obj,
        (
            "specific",
            "measurable",
            "achievable",
            "realistic",
            "evaluation",
            "improvements",
            "responsible",
            "spearhead",
        ),
        ("partners", "target_groups"),
    )
    names = [row["name"] for row in indicator_rows(getattr(obj, "indicators", None))]
    return " ".join([text, *names]).strip()


@indexer(IAssuranceProject)
def assurance_text(obj):
    """Title, description, the agreement and who secures it."""
    return _join(obj, ("agreement", "responsible"))


@indexer(IEvidence)
def evidence_text(obj):
    """Title, description, policy topics and the file name or link."""
    file = getattr(obj, "file", None)
    return _join(obj, ("remote_url",)) + " " + (getattr(file, "filename", None) or "")
