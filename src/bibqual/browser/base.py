"""Helpers shared by the bibqual views (labels, dates, permissions)."""

from bibqual import _
from bibqual.browser.charts import bar_chart
from bibqual.permissions import MODIFY_CONTENT
from bibqual.reports.queries import as_date
from bibqual.workflows import ids as w
from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate


STATE_TITLES = {
    w.PLAN: _("Plan"),
    w.DO: _("Do"),
    w.CHECK: _("Check"),
    w.ACT: _("Act"),
    w.DONE: _("Done"),
    w.CANCELLED: _("Cancelled"),
    w.DRAFT: _("Draft"),
    w.ADOPTED: _("Adopted"),
    w.CLOSED: _("Closed"),
    w.RELEASED: _("Released"),
    w.ARCHIVED: _("Archived"),
    w.INTERNAL: _("Internal"),
}

PHASE_COLORS = {
    w.PLAN: "#0b5394",
    w.DO: "#7a4d00",
    w.CHECK: "#5b2c83",
    w.ACT: "#9c2b23",
    w.DONE: "#1e6b34",
    w.CANCELLED: "#5c636a",
}


class BibqualView(BrowserView):
    """Base of the bibqual pages: translated labels and Dutch dates.

    The pages use the full width (boards and tables need it): Plone's portlet
    columns are switched off for them.
    """

    def __init__(self, context, request):
        super().__init__(context, request)
        request.set("disable_plone.leftcolumn", True)
        request.set("disable_plone.rightcolumn", True)

    def tr(self, message):
        """``message`` translated for the request; each message once per page (a listing
        repeats its state and type titles on every row)."""
        if getattr(message, "mapping", None):
            return translate(message, context=self.request)
        translated = self.__dict__.setdefault("_translated", {})  # also for views with an own init
        key = (message, getattr(message, "domain", None), getattr(message, "default", None))
        if key not in translated:
            translated[key] = translate(message, context=self.request)
        return translated[key]

    def state_title(self, state):
        title = STATE_TITLES.get(state)
        return self.tr(title) if title is not None else state

    def date(self, value):
        """``31-12-2026`` (the Dutch way), or an empty string."""
        value = as_date(value)
        return value.strftime("%d-%m-%Y") if value else ""

    def iso(self, value):
        value = as_date(value)
        return value.isoformat() if value else ""

    def can(self, permission, obj=None):
        return api.user.has_permission(permission, obj=obj if obj is not None else self.context)

    def can_edit(self, obj=None):
        return self.can(MODIFY_CONTENT, obj)

    def phase_chart_of(self, plan):
        """SVG bar chart of a year plan's projects per PDCA phase (``plan`` as in
        ``reports.pdca.pdca_overview``); the dashboard and the PDCA overview show it."""
        bars = [
            (self.state_title(state), plan["counts"].get(state, 0), PHASE_COLORS[state])
            for state in w.PROJECT_STATES
        ]
        title = self.tr(_("Projects per PDCA phase in ${plan}", mapping={"plan": plan["title"]}))
        return bar_chart(bars, title)
