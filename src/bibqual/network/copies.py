"""Who copied a project: its copy history (``copy.copies_of``) with the copies themselves.

``@@project-copies`` (the block on the project page) and ``@project-copies``
both show ``project_copies``.
"""

from bibqual.network.copy import copies_of
from bibqual.permissions import MODIFY_CONTENT
from bibqual.reports.people import Names
from bibqual.reports.queries import as_date
from datetime import date
from plone import api


def copy_day(value):
    """A date from the ISO text ``copies_of`` stores (or a date), else None."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return as_date(value)


def project_copies(project):
    """The copies made of ``project``, newest first: per copy the library it went
    to, who copied it (``user``, ``fullname``), the ``date``, and the copy itself
    (``@id``, ``title``, ``review_state``; None when it is gone or the user may
    not see it).

    For the people who may edit the project; others get an empty list.
    """
    if not api.user.has_permission(MODIFY_CONTENT, obj=project):
        return []
    entries = copies_of(project)
    uids = [entry["uid"] for entry in entries if entry.get("uid")]
    catalog = api.portal.get_tool("portal_catalog")
    found = {brain.UID: brain for brain in catalog(UID=uids)} if uids else {}
    names = Names()
    items = []
    for entry in entries:
        brain = found.get(entry.get("uid"))
        items.append(
            {
                "@id": brain.getURL() if brain is not None else None,
                "title": brain.Title if brain is not None else None,
                "review_state": brain.review_state if brain is not None else None,
                "library": entry.get("library") or "",
                "user": entry.get("user") or "",
                "fullname": names(entry.get("user")),
                "date": copy_day(entry.get("date")),
            }
        )
    items.sort(key=lambda item: item["date"] or date.min, reverse=True)
    return items
