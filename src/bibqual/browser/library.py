"""The library dashboard: the current year plan at a glance."""

from bibqual import _
from bibqual import clock
from bibqual.browser.base import BibqualView
from bibqual.certification.rounds import running_round
from bibqual.certification.status import certification_status
from bibqual.ids import CERTIFICATION
from bibqual.permissions import ADD_CERTIFICATION
from bibqual.permissions import REVIEW_CONTENT
from bibqual.reports import queries
from bibqual.reports import waiting as w
from bibqual.reports.coverage import coverage_summary
from bibqual.reports.coverage import norm_coverage
from bibqual.reports.expiry import expiring_evidence
from bibqual.reports.expiry import expiry
from bibqual.reports.pdca import ASSURANCE_DUE_DAYS
from bibqual.reports.pdca import pdca_overview
from bibqual.reports.readiness import gap_text
from bibqual.workflows.ids import RELEASED
from plone.memoize.view import memoize


# What the coordinator is expected to do with a waiting item: the transition's title.
WAITING_ACTIONS = {w.COMPLETE: _("Complete"), w.RELEASE: _("Release"), w.ADOPT: _("Adopt")}


class LibraryDashboardView(BibqualView):
    """Default view of a Library (``@@dashboard``): projects per phase of the current
    year plan, overdue projects, assurance projects due, evidence about to expire
    or expired (not archived), the norm coverage (released, valid evidence and
    projects past Plan per element, gaps marked), the running certification round
    with its next milestone, and for the coordinator what waits for them (projects
    to complete, evidence to release, year plans to adopt). Permission: View; all
    from brains (the running round's status wakes the round and its self-evaluation
    only).
    """

    due_days = ASSURANCE_DUE_DAYS

    @memoize
    def overview(self):
        return pdca_overview(self.context)

    @memoize
    def current_plan(self):
        """This year's plan, else the most recent one the user may see."""
        plans = self.overview()["year_plans"]
        this_year = clock.today().year
        for plan in plans:
            if plan["year"] == this_year:
                return plan
        return plans[0] if plans else None

    def phase_chart(self):
        plan = self.current_plan()
        return self.phase_chart_of(plan) if plan is not None else ""

    def assurance_due(self):
        return self.overview()["assurance_due"]

    @memoize
    def expiring_evidence(self):
        """Evidence that is not archived whose validity ends within
        ``reports.expiry.EXPIRY_WARNING_DAYS`` or has ended, soonest first, each
        labelled by the expiry rule (``expiry``: ``expired`` or ``expires-soon``).
        Archived evidence is never "expiring". State and date from brains."""
        today = clock.today()
        brains = expiring_evidence(self.context, today)
        return [
            {
                "url": brain.getURL(),
                "title": brain.Title,
                "valid_until": brain.valid_until,
                "review_state": brain.review_state,
                "released": brain.review_state == RELEASED,
                "expiry": expiry(queries.as_date(brain.valid_until), today),
            }
            for brain in brains
        ]

    @memoize
    def waiting(self):
        """What waits for the user to complete, release or adopt in this library
        (``reports.waiting``) as ``[{kind, url, title, action}]`` (``action``: the
        transition's title, translated); ``None`` when the user may not take those
        steps ("Review portal content" on the library, the permission that guards
        them), so the panel is not shown."""
        if not self.can(REVIEW_CONTENT):
            return None
        return [
            {
                "kind": step.kind,
                "url": step.brain.getURL(),
                "title": step.brain.Title,
                "action": self.tr(WAITING_ACTIONS[step.kind]),
            }
            for step in w.library_waiting(self.context)
        ]

    @memoize
    def coverage(self):
        """Readiness per norm element, as ``@@norm-coverage`` shows it
        (``reports.readiness``, shaped by ``reports.coverage.norm_coverage``)."""
        return norm_coverage(self.context)

    def coverage_summary(self):
        return coverage_summary(self.coverage())

    def gap_reasons(self, item):
        """Why an element is a gap, as translated text (empty when covered)."""
        return gap_text(item, self.tr)

    @memoize
    def certification(self):
        """The running round (the latest one not decided) as ``{url, title,
        audit_quarter, next}``; ``next`` is its next milestone (title translated,
        date shown, ``overdue``) or ``None`` when every milestone is met."""
        brain = running_round(self.context)
        if brain is None:
            return None
        status = certification_status(brain.getObject())
        following = status["next_milestone"]
        if following is not None:
            following = {
                **following,
                "title": self.tr(following["title"]),
                "shown": self.date(following["date"]),
                "iso": self.iso(following["date"]),
            }
        return {
            "url": brain.getURL(),
            "title": brain.Title,
            "audit_quarter": status["certification"]["audit_quarter"],
            "next": following,
        }

    def can_add_round(self):
        """Whether the user may start a new round here (add permission and type allowed)."""
        allowed = {fti.getId() for fti in self.context.allowedContentTypes()}
        return CERTIFICATION in allowed and self.can(ADD_CERTIFICATION)

    def add_round_url(self):
        return f"{self.context.absolute_url()}/++add++{CERTIFICATION}"
