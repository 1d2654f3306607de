"""The project page: a SMART project with its indicators, history and evidence."""

from bibqual import _
from bibqual import clock
from bibqual.browser.display import core_terms
from bibqual.browser.display import document_type_terms
from bibqual.browser.display import money
from bibqual.browser.display import norm_terms
from bibqual.browser.display import number
from bibqual.browser.steps import ProjectSteps
from bibqual.browser.transitions import WorkflowView
from bibqual.content.indicators import indicator_progress
from bibqual.content.indicators import indicator_rows
from bibqual.ids import EVIDENCE
from bibqual.ids import FINDING
from bibqual.indexers.evidence import RELATED_PROJECT_UIDS
from bibqual.indexers.round import ACTION_UIDS
from bibqual.network.sharing import INDEX as NETWORK_SHARED
from bibqual.permissions import ADD_EVIDENCE
from bibqual.reports.pdca import overdue
from bibqual.validation import safe_link
from plone import api
from plone.memoize.view import memoize
from plone.uuid.interfaces import IUUID


def catalog():
    return api.portal.get_tool("portal_catalog")


def contained_evidence(context):
    """Brains of the evidence directly inside ``context``."""
    return catalog()(
        portal_type=EVIDENCE,
        path={"query": "/".join(context.getPhysicalPath()), "depth": 1},
        sort_on="sortable_title",
    )


def linked_evidence(context):
    """Brains of the evidence elsewhere that names ``context`` in ``related_projects``.

    Empty on a site whose catalog lacks the index (not yet upgraded): a query on
    an unknown index would otherwise return every evidence item.
    """
    tool = catalog()
    if RELATED_PROJECT_UIDS not in tool.indexes():
        return []
    return tool(
        portal_type=EVIDENCE,
        sort_on="sortable_title",
        **{RELATED_PROJECT_UIDS: IUUID(context)},
    )


class ProjectPageMixin:
    """What the project page and the assurance project page share besides the workflow."""

    @memoize
    def norm_titles(self):
        return norm_terms(self.context, self.request).titles(
            getattr(self.context, "norm_fields", None)
        )

    @memoize
    def core_titles(self):
        return core_terms(self.context, self.request).titles(
            getattr(self.context, "core_functions", None)
        )

    def responsible(self):
        return self.fullname(getattr(self.context, "responsible", None))

    def evidence_item(self, brain, types):
        return {
            "url": brain.getURL(),
            "title": brain.Title,
            "review_state": brain.review_state,
            "state_title": self.state_title(brain.review_state),
            "document_type": types.title(brain.document_type) if brain.document_type else "",
            "valid_until": self.date(brain.valid_until),
            "valid_until_iso": self.iso(brain.valid_until),
        }

    @memoize
    def evidence_groups(self):
        """Evidence inside the item, then evidence elsewhere linked to it (each item
        listed once; the second group only when there is any), from the catalog:
        ``[{id, title, entries, empty}]``."""
        types = document_type_terms(self.context, self.request)
        contained = [self.evidence_item(brain, types) for brain in contained_evidence(self.context)]
        urls = {item["url"] for item in contained}
        linked = [
            self.evidence_item(brain, types)
            for brain in linked_evidence(self.context)
            if brain.getURL() not in urls
        ]
        groups = [
            {
                "id": "contained",
                "title": self.tr(_("Stored here")),
                "entries": contained,
                "empty": self.tr(_("No evidence is stored here yet.")),
            }
        ]
        if linked:
            groups.append(
                {
                    "id": "linked",
                    "title": self.tr(_("Linked evidence")),
                    "entries": linked,
                    "empty": "",
                }
            )
        return groups

    def can_add_evidence(self):
        return self.can(ADD_EVIDENCE)

    @memoize
    def from_findings(self):
        """The audit findings this item acts on, that the user may see: ``[{url, title}]``."""
        tool = catalog()
        if ACTION_UIDS not in tool.indexes():
            return []
        brains = tool(portal_type=FINDING, sort_on="created", **{ACTION_UIDS: IUUID(self.context)})
        return [{"url": brain.getURL(), "title": brain.Title} for brain in brains]


class ProjectView(ProjectSteps, ProjectPageMixin, WorkflowView):
    """Default view of a SmartProject (``@@project-view``): the SMART card, the
    indicators with their progress, the PDCA history, its evidence and the
    steps the user may take (``ProjectSteps``: stopping apart, with a reason; what
    completing waits for).

    Who: anyone who may view the project; buttons appear only for what the
    user may do (an auditor sees no transitions and no edit button).
    """

    def smart(self):
        """The S, M, A and R texts of the SMART card (T is the dates)."""
        context = self.context
        return [
            {"letter": "S", "label": self.tr(_("Specific")), "text": context.specific or ""},
            {"letter": "M", "label": self.tr(_("Measurable")), "text": context.measurable or ""},
            {"letter": "A", "label": self.tr(_("Achievable")), "text": context.achievable or ""},
            {"letter": "R", "label": self.tr(_("Realistic")), "text": context.realistic or ""},
        ]

    def start(self):
        return self.date(getattr(self.context, "start", None))

    def deadline(self):
        return self.date(getattr(self.context, "deadline", None))

    def deadline_iso(self):
        return self.iso(getattr(self.context, "deadline", None))

    def overdue(self):
        return overdue(getattr(self.context, "deadline", None), self.review_state(), clock.today())

    def budget(self):
        return money(getattr(self.context, "budget", None))

    def indicators(self):
        """Rows of the indicators table, with the progress of each (None without a target)."""
        return [
            {
                **row,
                "target": number(row["target"]),
                "actual": number(row["actual"]),
                "progress": indicator_progress([row]),
            }
            for row in indicator_rows(getattr(self.context, "indicators", None))
        ]

    def progress_label(self, name):
        return self.tr(_("Progress of ${name}", mapping={"name": name}))

    def overall_progress(self):
        return indicator_progress(getattr(self.context, "indicators", None))

    @memoize
    def copied_from(self):
        """The project this one was copied from: ``{url, title}``; ``url`` is empty
        when the source cannot be found (or not by this user)."""
        value = getattr(self.context, "copied_from", None)
        if not value:
            return None
        link = safe_link(value)
        if link:
            return {"url": link, "title": link}
        brains = catalog()(UID=value)
        if brains:
            return {"url": brains[0].getURL(), "title": brains[0].Title}
        # a colleague library's project: its title and library, without a link,
        # when the network may see it
        shared = catalog().unrestrictedSearchResults(UID=value, **{NETWORK_SHARED: True})
        if shared:
            brain = shared[0]
            return {"url": "", "title": f"{brain.Title} ({brain.library_title})"}
        return {"url": "", "title": value}
