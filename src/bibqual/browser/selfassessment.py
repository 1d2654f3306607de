"""The self-evaluation's pages: reading it, filling it in, starting from the previous round."""

from bibqual import _
from bibqual.browser.base import BibqualView
from bibqual.browser.certification import RoundStates
from bibqual.browser.transitions import WorkflowView
from bibqual.certification.framework import framework_of
from bibqual.certification.framework import round_of
from bibqual.certification.previous import PreviousRoundError
from bibqual.certification.previous import has_content
from bibqual.certification.previous import previous_self_assessment
from bibqual.certification.previous import start_from_previous
from bibqual.certification.scores import LINKS
from bibqual.certification.scores import linked_uids
from bibqual.reports.queries import BrainURLs
from plone import api
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.statusmessages.interfaces import IStatusMessage


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


class SelfAssessmentPage(RoundStates):
    """What both pages need: the round's framework and the stored rows per aspect."""

    @memoize
    def framework(self):
        return framework_of(round_of(self.context))

    @memoize
    def stored(self):
        """``{(element, aspect): row}`` of the stored scores."""
        return {
            (row.get("element"), row.get("aspect")): row
            for row in getattr(self.context, "scores", None) or ()
            if isinstance(row, dict)
        }

    def scale_label(self, score):
        framework = self.framework()
        if score is None or framework is None:
            return ""
        label = framework.scale.label(score)
        return f"{score_text(score)} – {label}" if label else score_text(score)


class SelfAssessmentView(SelfAssessmentPage, WorkflowView):
    """Default view of a SelfAssessment (``@@self-assessment-view``): ambitions and
    bottlenecks, the percentage with band and consequence, per norm element and
    aspect the score, explanation and linked evidence and projects, the steps the
    user may take. Who: anyone who may view it (an auditor once it is submitted).
    Links come from the catalog: what the user may not see is not listed.
    """

    def result(self):
        percentage, band = self.context.result()
        return {
            "percentage": percentage,
            "band": band.token if band is not None else None,
            "band_title": band.title if band is not None else "",
            "consequence": band.consequence if band is not None else "",
        }

    @memoize
    def elements(self):
        framework = self.framework()
        if framework is None:
            return []
        stored = self.stored()
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
                        "score": self.scale_label(row.get("score")),
                        "explanation": row.get("explanation") or "",
                        **{
                            key: [items[uid] for uid in row.get(key) or () if uid in items]
                            for key in LINKS
                        },
                    }
                )
            result.append({"token": element.token, "title": element.title, "aspects": aspects})
        return result

    def round_url(self):
        certification = round_of(self.context)
        return certification.absolute_url() if certification is not None else ""

    @memoize
    def can_start_from_previous(self):
        if not self.can_edit() or has_content(self.context):
            return False
        certification = round_of(self.context)
        return certification is not None and previous_self_assessment(certification) is not None


class StartFromPreviousView(BibqualView):
    """``@@start-from-previous`` (POST): fill a new self-evaluation with the texts and
    links of the previous round's, scores cleared (``certification.previous``).
    Permission: Modify portal content; a refusal is shown as a message."""

    def __call__(self):
        messages = IStatusMessage(self.request)
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        try:
            copied = start_from_previous(self.context)
        except PreviousRoundError as error:
            messages.add(self.tr(error.message), type="error")
            return self.request.response.redirect(self.context.absolute_url())
        messages.add(
            self.tr(
                _(
                    "Started from ${title}: ${rows} aspects with their explanations and links; the scores are empty.",  # noqa: E501
                    mapping={"title": copied["source"].Title, "rows": copied["rows"]},
                )
            ),
            type="info",
        )
        return self.request.response.redirect(
            f"{self.context.absolute_url()}/@@self-assessment-form"
        )
