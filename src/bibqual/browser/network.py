"""Classic UI of the network: similar projects on the add form, copying a
colleague's project into the own plan, rolling a plan over into the next year,
and who copied a project.

The work is done in ``bibqual.network``; these views only read the form, check
the CSRF token, and report the outcome as a status message.
"""

from bibqual import _
from bibqual import clock
from bibqual.browser.base import STATE_TITLES
from bibqual.browser.base import BibqualView
from bibqual.errors import BibqualError
from bibqual.ids import SMART_PROJECT
from bibqual.ids import YEAR_PLAN
from bibqual.network.copies import project_copies
from bibqual.network.duplicates import DuplicateError
from bibqual.network.duplicates import plan_sources
from bibqual.network.partners import may_search_partners
from bibqual.network.partners import partner_sites
from bibqual.network.sources import copy_from_source
from bibqual.network.sources import origin_of
from bibqual.planning.rollover import RolloverError
from bibqual.planning.rollover import rollover
from bibqual.utils import find_library
from bibqual.workflows.ids import PROJECT_STATES
from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate
import json
import transaction


class SimilarProjectsViewlet(ViewletBase):
    """On the add form of a SmartProject in a year plan: the translated texts
    and the addresses the script in ``bibqual.js`` needs for the panel of
    similar projects (an inert ``<template>``; the script builds the panel)."""

    index = ViewPageTemplateFile("templates/similar_projects.pt")

    def available(self):
        ti = getattr(self.view, "ti", None)
        return ti is not None and ti.getId() == SMART_PROJECT

    def render(self):
        return self.index() if self.available() else ""

    def plan_url(self):
        return self.context.absolute_url()

    def in_plan(self):
        """JSON list of the sources already in this plan (its projects' UIDs and
        the ``copied_from`` of its copies): the panel marks those hits."""
        return json.dumps(sorted(plan_sources(self.context)))

    def partners(self):
        """Whether the panel searches the partner sites too (and so can copy from them):
        partners are configured and the user may search them from this library."""
        return bool(partner_sites()) and may_search_partners(find_library(self.context))

    def states(self):
        """``[(state id, translated title)]`` of the project states."""
        return [
            (state, translate(STATE_TITLES[state], context=self.request))
            for state in PROJECT_STATES
            if state in STATE_TITLES
        ]


class CopyProjectView(BrowserView):
    """``@@copy-project`` on a YearPlan: POST ``source`` (a UID or URL), ``title``
    (optional: what the user typed in the add form) and the CSRF token; the
    project is copied into this plan (state Plan, results cleared) under that
    title and the user lands on the copy. A source already in this plan (itself
    or a copy of it) is not copied: a confirmation page shows where it is and
    copies only when confirmed (``allow_duplicate``). A source that cannot be
    copied (unknown, not shared) sends the user back to the plan with the reason.

    Permission: bibqual: Add SmartProject on the plan. POST only.
    """

    confirm = ViewPageTemplateFile("templates/copy_confirm.pt")
    duplicates = ()

    def __call__(self):
        request = self.request
        if request.method != "POST":
            request.response.setStatus(405)
            request.response.setHeader("Allow", "POST")
            request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return translate(
                _("Copy a project with the button next to the title of a new project."),
                context=request,
            )
        CheckAuthenticator(request)
        messages = IStatusMessage(request)
        form = request.form
        try:
            copy = copy_from_source(
                self.context,
                form.get("source"),
                title=form.get("title") or None,
                allow_duplicate=bool(form.get("allow_duplicate")),
            )
        except DuplicateError as error:
            transaction.doom()
            self.duplicates = error.duplicates
            request.set("disable_plone.leftcolumn", True)
            request.set("disable_plone.rightcolumn", True)
            return self.confirm()
        except BibqualError as error:
            transaction.doom()
            messages.add(error.message, type="error")
            return request.response.redirect(self.context.absolute_url())
        messages.add(
            _(
                "Copied from ${title} (${library}); adapt it to your own situation.",
                mapping={"title": copy.Title(), "library": origin_of(copy)},
            ),
            type="info",
        )
        return request.response.redirect(copy.absolute_url())

    def source(self):
        value = self.request.form.get("source")
        return value if isinstance(value, str) else ""

    def typed_title(self):
        value = self.request.form.get("title")
        return value if isinstance(value, str) else ""

    def add_url(self):
        """Back to the add form of a new project in this plan."""
        return f"{self.context.absolute_url()}/++add++{SMART_PROJECT}"


class RolloverView(BibqualView):
    """``@@rollover`` on a Library: pick one of the library's year plans; a new
    plan for the next year gets its spearheads and copies of its projects that
    are not done or cancelled.

    Permission: bibqual: Add YearPlan on the library. POSTs need the CSRF
    token; a refused rollover (no such plan, next year exists) is shown on the
    form and nothing is created.
    """

    error = None

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            try:
                plan, copies, skipped = rollover(self.context, self.request.form.get("from_year"))
            except RolloverError as error:
                transaction.doom()
                self.error = self.tr(error.args[0])
                return self.index()
            IStatusMessage(self.request).add(
                _(
                    "${copied} projects carried over, ${skipped} left out (done or cancelled).",
                    mapping={"copied": len(copies), "skipped": skipped},
                ),
                type="info",
            )
            return self.request.response.redirect(plan.absolute_url())
        return self.index()

    @memoize
    def plans(self):
        """The library's year plans the user may see, newest first:
        ``[{year, title, state, state_title, next_year, next_exists}]``."""
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(
            portal_type=YEAR_PLAN,
            path={"query": "/".join(self.context.getPhysicalPath()), "depth": 1},
        )
        years = {brain.year for brain in brains if isinstance(brain.year, int)}
        plans = [
            {
                "year": brain.year,
                "title": brain.Title,
                "state": brain.review_state,
                "state_title": self.state_title(brain.review_state),
                "next_year": brain.year + 1,
                "next_exists": brain.year + 1 in years,
            }
            for brain in brains
            if isinstance(brain.year, int)
        ]
        return sorted(plans, key=lambda plan: -plan["year"])

    def selected_year(self):
        """The year chosen in the form, else this year's plan, else the newest
        plan that can still be rolled over, else the newest plan."""
        plans = self.plans()
        chosen = self.request.form.get("from_year")
        if chosen:
            try:
                return int(chosen)
            except (TypeError, ValueError):
                pass
        open_years = [plan["year"] for plan in plans if not plan["next_exists"]]
        this_year = clock.today().year
        if this_year in open_years:
            return this_year
        if open_years:
            return open_years[0]
        return plans[0]["year"] if plans else None

    def to_year(self):
        year = self.selected_year()
        return year + 1 if year is not None else ""


class ProjectCopiesView(BibqualView):
    """``@@project-copies`` on a SmartProject: who copied it, into which library
    and when, as a block for the project page. Empty for users who may not
    edit the project (``project_copies`` lists nothing for them), and when
    nobody copied it."""

    index = ViewPageTemplateFile("templates/project_copies.pt")

    def __init__(self, context, request):
        # A block inside the project page: leave the page's columns alone.
        BrowserView.__init__(self, context, request)

    def __call__(self):
        if not self.copies():
            return ""
        return self.index()

    @memoize
    def copies(self):
        """Newest first: ``[{library, user, date, date_iso, url, title}]``; ``url``
        is empty when the copy is gone or the user may not see it (the data is
        ``network.copies.project_copies``, as ``@project-copies``)."""
        return [
            {
                "library": item["library"],
                "user": item["fullname"],
                "date": self.date(item["date"]),
                "date_iso": self.iso(item["date"]),
                "url": item["@id"] or "",
                "title": item["title"] or "",
            }
            for item in project_copies(self.context)
        ]

    def heading(self):
        count = len(self.copies())
        if count == 1:
            return self.tr(_("Copied once"))
        return self.tr(_("Copied ${count} times", mapping={"count": count}))
