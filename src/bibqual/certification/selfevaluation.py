"""The self-evaluation as its page and its Word document show it: per norm element
(framework order) and aspect the score with the scale's label, the explanation
and the linked evidence and projects; the percentage with band and consequence.

One home for the self-evaluation page (``browser.selfassessment``), its scoring
form and the Word document (``documents.selfevaluation``). Links are read from
catalog brains with the current user's rights: an item the user may not see is
left out. The self-evaluation itself is the only object read.
"""

from bibqual.certification.scores import LINKS
from bibqual.certification.scores import linked_uids
from bibqual.reports.queries import BrainURLs
from plone import api


def linked_items(uids):
    """``{uid: {uid, title, url, review_state}}`` of the items the user may see."""
    if not uids:
        return {}
    url = BrainURLs()
    brains = api.portal.get_tool("portal_catalog")(UID=list(uids))
    return {
        brain.UID: {
            "uid": brain.UID,
            "title": brain.Title,
            "url": url(brain),
            "review_state": brain.review_state,
        }
        for brain in brains
    }


def score_text(score):
    """A score as the select's value: ``3`` rather than ``3.0``; text (refused input
    shown again) as it is; ``""`` for none."""
    if score is None:
        return ""
    if isinstance(score, str):
        return score
    return str(int(score)) if float(score).is_integer() else str(score)


def scale_label(framework, score):
    """``3 – Voldoet``: the score with the label the framework's scale gives it."""
    if score is None or framework is None:
        return ""
    label = framework.scale.label(score)
    return f"{score_text(score)} – {label}" if label else score_text(score)


def stored_rows(self_assessment):
    """``{(element, aspect): row}`` of the scores stored on ``self_assessment``."""
    return {
        (row.get("element"), row.get("aspect")): row
        for row in getattr(self_assessment, "scores", None) or ()
        if isinstance(row, dict)
    }


def element_rows(self_assessment, framework):
    """Per element of ``framework`` (in order): ``{token, title, aspects}``, each
    aspect ``{token, title, score (with label), explanation, evidence, projects}``;
    ``evidence`` and ``projects`` are ``linked_items`` the user may see."""
    if framework is None:
        return []
    stored = stored_rows(self_assessment)
    items = linked_items(linked_uids(list(stored.values())))
    result = []
    for element in framework.elements:
        aspects = []
        for aspect in element.aspects:
            row = stored.get((element.token, aspect.token)) or {}
            aspects.append(
                {
                    "token": aspect.token,
                    "title": aspect.title,
                    "score": scale_label(framework, row.get("score")),
                    "explanation": row.get("explanation") or "",
                    **{
                        key: [items[uid] for uid in row.get(key) or () if uid in items]
                        for key in LINKS
                    },
                }
            )
        result.append({"token": element.token, "title": element.title, "aspects": aspects})
    return result


def result_summary(self_assessment):
    """``{percentage, band, band_title, consequence}`` of ``self_assessment``
    (``certification.scoring``; ``percentage`` None while nothing is scored)."""
    percentage, band = self_assessment.result()
    return {
        "percentage": percentage,
        "band": band.token if band is not None else None,
        "band_title": band.title if band is not None else "",
        "consequence": band.consequence if band is not None else "",
    }
