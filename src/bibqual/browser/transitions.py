"""Workflow on the project pages: the steps taken so far and the steps the user may take.

Shared by the project page and the assurance project page, with the macros in
``templates/page_macros.pt`` (the timeline, the transition form, the evidence).
"""

from bibqual.browser.base import BibqualView
from bibqual.reports.people import Names
from bibqual.workflows.ids import CANCEL
from plone import api
from plone.memoize.view import memoize
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zoneinfo import ZoneInfo
from zoneinfo import ZoneInfoNotFoundError
from zope.i18n import translate


def portal_zone():
    """The site's time zone (Site setup, Date and Time), else None."""
    name = api.portal.get_registry_record("plone.portal_timezone", default=None)
    try:
        return ZoneInfo(name) if name else None
    except (ValueError, ZoneInfoNotFoundError):
        return None


def when(value, zone=None):
    """``(31-12-2026 14:05, iso)`` from a Zope DateTime or datetime, in ``zone``
    when given; empty strings for None."""
    if value is None:
        return "", ""
    if hasattr(value, "asdatetime"):
        value = value.asdatetime()
    if zone is not None and value.tzinfo is not None:
        value = value.astimezone(zone)
    return value.strftime("%d-%m-%Y %H:%M"), value.isoformat(timespec="minutes")


class WorkflowView(BibqualView):
    """Base of pages that show an item's PDCA history and its transition buttons."""

    page_macros = ViewPageTemplateFile("templates/page_macros.pt")

    @property
    def macros(self):
        """The shared macros: ``timeline``, ``transitions`` and ``evidence``."""
        return self.page_macros.macros

    @memoize
    def workflow(self):
        """The (first) workflow of the context, or None."""
        tool = api.portal.get_tool("portal_workflow")
        chain = tool.getChainFor(self.context)
        return tool.getWorkflowById(chain[0]) if chain else None

    @memoize
    def names(self):
        return Names()

    def fullname(self, userid):
        return self.names()(userid)

    def review_state(self):
        return api.content.get_state(self.context, default="")

    def transition_title(self, transition_id):
        workflow = self.workflow()
        definition = workflow.transitions.get(transition_id) if workflow is not None else None
        title = definition.title if definition is not None else transition_id
        return translate(title or transition_id, domain="bibqual", context=self.request)

    @memoize
    def history(self):
        """Every step of the item's workflow history, oldest first.

        Each step: ``action`` (transition id, None for the creation), its
        title, the ``state`` reached and its title, ``actor`` (full name, else
        the user id), ``when`` (dd-mm-yyyy HH:MM) and ``iso``, and ``comment``.
        """
        workflow = self.workflow()
        if workflow is None:
            return []
        entries = getattr(self.context, "workflow_history", {}).get(workflow.id, ())
        zone = portal_zone()
        steps = []
        for entry in entries:
            action = entry.get("action")
            shown, iso = when(entry.get("time"), zone)
            state = entry.get("review_state", "")
            steps.append(
                {
                    "action": action,
                    "title": self.transition_title(action) if action else None,
                    "state": state,
                    "state_title": self.state_title(state),
                    "actor": self.fullname(entry.get("actor")),
                    "when": shown,
                    "iso": iso,
                    "comment": entry.get("comments") or "",
                }
            )
        return steps

    @memoize
    def transitions(self):
        """The transitions the current user may take now: ``{id, title, css}`` each."""
        tool = api.portal.get_tool("portal_workflow")
        return [
            {
                "id": item["id"],
                "title": self.transition_title(item["id"]),
                "css": "btn-outline-danger" if item["id"] == CANCEL else "btn-primary",
            }
            for item in tool.getTransitionsFor(self.context)
        ]

    def authenticator(self):
        return self.context.restrictedTraverse("@@authenticator").token()
