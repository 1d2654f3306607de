"""The finding's page, and its button that makes a corrective project."""

from bibqual import _
from bibqual.browser.certification import RoundStates
from bibqual.browser.display import norm_terms
from bibqual.browser.transitions import WorkflowView
from bibqual.certification.corrective import CorrectiveProjectError
from bibqual.certification.corrective import create_corrective_project
from bibqual.certification.corrective import target_container
from bibqual.certification.findings import closing_refusal
from bibqual.certification.findings import finding_rows
from bibqual.certification.framework import framework_of
from bibqual.certification.framework import round_of
from bibqual.errors import BibqualError
from bibqual.ids import ASSURANCE_PROJECT
from bibqual.ids import SMART_PROJECT
from bibqual.permissions import ADD_ASSURANCE_PROJECT
from bibqual.permissions import ADD_SMART_PROJECT
from bibqual.vocabularies.round import FINDING_KIND_TITLES
from bibqual.workflows.ids import CLOSE
from bibqual.workflows.ids import OPEN
from plone import api
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate
import transaction


class FindingPage(RoundStates):
    """What the report page, the finding page and the recovery plan share: the
    findings of the round as rows, with titles for kinds and norm elements, and
    the macro that lists a finding's actions (``finding_macros/actions``)."""

    finding_templates = ViewPageTemplateFile("templates/finding_macros.pt")

    @property
    def finding_macros(self):
        return self.finding_templates.macros

    @memoize
    def framework(self):
        return framework_of(round_of(self.context))

    def rows(self, brains):
        """``certification.findings.finding_rows`` of ``brains``, the element's title
        from the vocabulary when the round's framework does not know it."""
        terms = norm_terms(self.context, self.request)
        rows = finding_rows(brains, self.framework())
        for row in rows:
            if row["norm_field_title"] == row["norm_field"]:
                row["norm_field_title"] = terms.title(row["norm_field"])
        return rows

    def kind_title(self, kind):
        titles = dict(FINDING_KIND_TITLES)
        return self.tr(titles[kind]) if kind in titles else kind or ""

    def missing(self, action):
        """The translated reasons an action keeps its finding open."""
        return [self.tr(reason) for reason in action["missing"]]


class FindingView(FindingPage, WorkflowView):
    """Default view of a Finding (``@@finding-view``): text, kind, norm element, due
    date, the report; its actions with PDCA state, deadline and valid evidence;
    before the close button, the reason it would be refused; a form for a
    corrective project (for who may make one).

    Who: anyone who may view the finding (staff, the coordinator, a granted
    auditor); buttons only for what the user may do. Actions from brains.
    """

    @memoize
    def row(self):
        catalog = api.portal.get_tool("portal_catalog")
        return self.rows(catalog(UID=self.context.UID()))[0]

    def report(self):
        report = self.context.__parent__
        return {
            "url": report.absolute_url(),
            "title": report.Title(),
            "review_state": api.content.get_state(report, default=""),
        }

    @memoize
    def close_refusal(self):
        """Why ``close`` would be refused now, for a user who may take it; else None."""
        if CLOSE not in [item["id"] for item in self.transitions()]:
            return None
        row = self.row()
        reason = closing_refusal(row["action_uids"], row["kind"], row["created"])
        return self.tr(reason) if reason else None

    @memoize
    def corrective(self):
        """The corrective-project form, or None: for an open finding and a user who
        may change it and add a project or assurance project where it would land.
        ``types``: what the user may add; ``refusal``: why no SMART project can be
        made (no year plan this year)."""
        if self.review_state() != OPEN or not self.can_edit():
            return None
        types = []
        refusal = None
        try:
            plan = target_container(self.context, SMART_PROJECT)
        except CorrectiveProjectError as error:
            refusal = self.tr(error.message)
        else:
            if self.can(ADD_SMART_PROJECT, plan):
                types.append(
                    (
                        SMART_PROJECT,
                        self.tr(_("SMART project in ${plan}", mapping={"plan": plan.Title()})),
                    )
                )
        library = target_container(self.context, ASSURANCE_PROJECT)
        if self.can(ADD_ASSURANCE_PROJECT, library):
            types.append((ASSURANCE_PROJECT, self.tr(_("Assurance project"))))
        if not types:
            return None
        return {
            "types": types,
            "refusal": refusal,
            "title": self.context.Title(),
            "deadline": self.iso(getattr(self.context, "due", None)),
        }


class CorrectiveProjectView(BrowserView):
    """``@@corrective-project`` on a Finding: POST ``type``, ``title`` and
    ``deadline`` with the CSRF token; the project is made
    (``certification.corrective``), linked to the finding, and the user lands on
    it. A refusal (no year plan this year, no deadline, a field refused, not
    allowed there) sends the user back to the finding with the reason; nothing
    is stored.

    Permission: Modify portal content on the finding (and the add permission
    where the project lands, checked by the operation). POST only.
    """

    def __call__(self):
        request = self.request
        if request.method != "POST":
            request.response.setStatus(405)
            request.response.setHeader("Allow", "POST")
            return request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(request)
        data = {
            key: request.form[key] for key in ("type", "title", "deadline") if request.form.get(key)
        }
        messages = IStatusMessage(request)
        try:
            project = create_corrective_project(self.context, data)
        except BibqualError as error:
            transaction.doom()
            messages.add(translate(error.message, context=request), type="error")
            return request.response.redirect(self.context.absolute_url() + "#bq-corrective")
        messages.add(
            _(
                "Corrective project ${title} made; it is one of the finding's actions.",
                mapping={"title": project.Title()},
            ),
            type="info",
        )
        return request.response.redirect(project.absolute_url())
