"""Whether a project is already in a year plan: the project itself, or a copy of
it (a project of the plan whose ``copied_from`` names it).

The similar-projects panel marks such hits and copying one again asks first
(``sources.copy_from_source`` refuses with ``DuplicateError``, 409, unless the
caller allows the duplicate). A source is keyed by its UID (a project of this
site) or its URL (a partner site's project), as ``copied_from`` stores it.
"""

from bibqual import _
from bibqual.errors import BibqualError
from bibqual.ids import SMART_PROJECT
from plone import api


class DuplicateError(BibqualError):
    """The project is already in this plan (409); ``duplicates`` lists the plan's
    projects that are it or a copy of it: ``[{"title", "@id"}]``."""

    status = 409

    def __init__(self, message, duplicates):
        super().__init__(message)
        self.duplicates = duplicates

    @property
    def kind(self):
        return "Conflict"


def plan_sources(plan):
    """``{source key: [{"title", "@id"}]}`` for the SmartProjects directly in ``plan``
    that the catalog returns for the current user: each under its own UID and,
    when it is a copy, under its ``copied_from``.

    For the people who may add projects to the plan (the add form and the copy).
    ``copied_from`` is not in the catalog: this wakes the plan's own projects
    (only those the catalog returned for the current user, one plan's worth).
    """
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(
        portal_type=SMART_PROJECT,
        path={"query": "/".join(plan.getPhysicalPath()), "depth": 1},
        sort_on="sortable_title",
    )
    sources = {}
    for brain in brains:
        entry = {"title": brain.Title, "@id": brain.getURL()}
        sources.setdefault(brain.UID, []).append(entry)
        copied_from = getattr(brain.getObject(), "copied_from", None)
        if copied_from:
            sources.setdefault(copied_from.strip(), []).append(entry)
    return sources


def duplicates_in_plan(plan, key):
    """The plan's projects that are the source ``key`` (UID or URL) or a copy of it."""
    return plan_sources(plan).get(key, []) if key else []


def refuse_duplicate(plan, key):
    """Raise ``DuplicateError`` when the source ``key`` is already in ``plan``."""
    found = duplicates_in_plan(plan, key)
    if found:
        raise DuplicateError(
            _(
                "This project is already in this year plan as “${title}”. "
                "Copy it again only if you want it twice.",
                mapping={"title": found[0]["title"]},
            ),
            found,
        )
