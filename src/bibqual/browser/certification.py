"""The certification round's page: milestones, the self-evaluation's result, the
report, the open findings and the round's steps."""

from bibqual import _
from bibqual.browser.transitions import WorkflowView
from bibqual.certification.status import certification_status
from bibqual.permissions import ADD_AUDIT_REPORT
from bibqual.permissions import ADD_SELF_ASSESSMENT
from bibqual.vocabularies.round import FINDING_KIND_TITLES
from bibqual.vocabularies.round import OUTCOME_TITLES
from plone import api
from plone.memoize.view import memoize
from zope.i18n import translate


class RoundStates:
    """State titles of the round's types, from their workflows (translated); mixed
    into a ``BibqualView`` whose context is an item of the round."""

    def round_state_title(self, state, portal_type):
        cache = self.__dict__.setdefault("_state_titles", {})
        if (state, portal_type) not in cache:
            tool = api.portal.get_tool("portal_workflow")
            title = tool.getTitleForStateOnType(state, portal_type)
            cache[state, portal_type] = translate(
                title or state, domain="bibqual", context=self.request
            )
        return cache[state, portal_type]

    def state_title(self, state):
        """The title of ``state`` of the context's own workflow (history, badges)."""
        return self.round_state_title(state, self.context.portal_type)


class CertificationView(RoundStates, WorkflowView):
    """Default view of a Certification (``@@certification-view``): every milestone
    with its date, met or not, the overdue ones marked; the newest self-evaluation
    with percentage, band and the band's consequence; links to the self-evaluation
    and the report; the open findings; the steps the user may take.

    Who: anyone who may view the round (permission View); from catalog brains
    (``certification.status.certification_status``).
    """

    @memoize
    def status(self):
        return certification_status(self.context)

    def milestones(self):
        """The milestones for the page: ``date`` shown the Dutch way, ``iso``."""
        return [
            {
                **item,
                "title": self.tr(item["title"]),
                "shown": self.date(item["date"]),
                "iso": self.iso(item["date"]),
            }
            for item in self.status()["milestones"]
        ]

    def next_milestone(self):
        return self.status()["next_milestone"]

    def outcome_title(self):
        outcome = getattr(self.context, "outcome", None)
        return self.tr(dict(OUTCOME_TITLES)[outcome]) if outcome in dict(OUTCOME_TITLES) else ""

    def kind_title(self, kind):
        titles = dict(FINDING_KIND_TITLES)
        return self.tr(titles[kind]) if kind in titles else kind or ""

    def details(self):
        """``(label, value)`` of the round's recorded facts (empty values left out)."""
        context = self.context
        status = self.status()["certification"]
        rows = [
            (_("Norm framework"), status["framework_title"] or status["framework"]),
            (_("Current certificate valid until"), self.date(context.certified_until)),
            (_("Audit quarter"), status["audit_quarter"]),
            (_("Audit date"), self.date(context.audit_date)),
            (_("Outcome"), self.outcome_title()),
            (_("Decision date"), self.date(context.decision_date)),
            (_("New certificate valid until"), self.date(context.new_certified_until)),
        ]
        return [(self.tr(label), value) for label, value in rows if value]

    def can_add_self_assessment(self):
        return self.can(ADD_SELF_ASSESSMENT)

    def can_add_report(self):
        return self.can(ADD_AUDIT_REPORT)
