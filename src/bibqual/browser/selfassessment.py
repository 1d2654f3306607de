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
from bibqual.certification.selfevaluation import element_rows
from bibqual.certification.selfevaluation import linked_items  # noqa: F401 (the form's)
from bibqual.certification.selfevaluation import result_summary
from bibqual.certification.selfevaluation import scale_label
from bibqual.certification.selfevaluation import score_text  # noqa: F401 (the form's)
from bibqual.certification.selfevaluation import stored_rows
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.statusmessages.interfaces import IStatusMessage


class SelfAssessmentPage(RoundStates):
    """What both pages need: the round's framework and the stored rows per aspect."""

    @memoize
    def framework(self):
        return framework_of(round_of(self.context))

    @memoize
    def stored(self):
        """``{(element, aspect): row}`` of the stored scores."""
        return stored_rows(self.context)

    def scale_label(self, score):
        return scale_label(self.framework(), score)


class SelfAssessmentView(SelfAssessmentPage, WorkflowView):
    """Default view of a SelfAssessment (``@@self-assessment-view``): ambitions and
    bottlenecks, the percentage with band and consequence, per norm element and
    aspect the score, explanation and linked evidence and projects, the steps the
    user may take. Who: anyone who may view it (an auditor once it is submitted).
    Links come from the catalog: what the user may not see is not listed.
    """

    def result(self):
        return result_summary(self.context)

    @memoize
    def elements(self):
        """Per norm element its aspects (``certification.selfevaluation.element_rows``)."""
        return element_rows(self.context, self.framework())

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
