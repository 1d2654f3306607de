"""The libraries the current user audits ("My audits"), with their grants' end dates.

``@@audit-overview`` and ``@audit-overview`` both show ``audit_overview``; the
login redirect asks ``is_auditor_only``.
"""

from AccessControl import Unauthorized
from bibqual import clock
from bibqual.audit.plugin import PLUGIN_ID
from bibqual.ids import AUDITOR_ROLE
from bibqual.ids import LIBRARY
from bibqual.ids import YEAR_PLAN
from bibqual.reports import queries
from bibqual.workflows.ids import ADOPTED
from bibqual.workflows.ids import CLOSED
from plone import api
from plone.uuid.interfaces import IUUID


# Roles that do the library's own work: users holding one of them are staff, not auditors.
WORKING_ROLES = frozenset(
    ("Editor", "Contributor", "Reviewer", "Manager", "Site Administrator", "Owner")
)

# The year plans an auditor reads.
AUDITED_PLAN_STATES = (ADOPTED, CLOSED)


def _libraries(**query):
    """``(brain, library)`` of every Library the current user may see."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog(portal_type=LIBRARY, **query):
        try:
            yield brain, brain.getObject()
        except (KeyError, AttributeError, Unauthorized):
            continue  # catalog out of step with the content: skip it


def auditable_libraries():
    """``[(brain, library)]`` of the libraries the current user is Auditor on, by title.

    Libraries come from the catalog (so only those the user may see, also via a
    time-limited grant); each is woken to ask for the user's roles there.
    """
    return [
        (brain, library)
        for brain, library in _libraries(sort_on="sortable_title")
        if AUDITOR_ROLE in api.user.get_roles(obj=library)
    ]


def is_auditor_only():
    """True when the current user audits some library and works on none they can see."""
    if api.user.is_anonymous() or set(api.user.get_roles()) & WORKING_ROLES:
        return False  # site-wide staff or managers: no library to wake
    auditor = False
    for _brain, library in _libraries():
        roles = set(api.user.get_roles(obj=library))
        if roles & WORKING_ROLES:
            return False
        auditor = auditor or AUDITOR_ROLE in roles
    return auditor


def audited_library(brain, library, until):
    """One library of the overview: its adopted and closed year plans, newest first,
    and ``until``, the last day of the user's running grant (None without one)."""
    plans = queries.library_brains(
        library,
        YEAR_PLAN,
        review_state=AUDITED_PLAN_STATES,
        sort_on="year",
        sort_order="descending",
    )
    return {
        "@id": brain.getURL(),
        "title": brain.Title,
        "description": brain.Description or "",
        "until": until,
        "year_plans": [
            {
                "@id": plan.getURL(),
                "title": plan.Title,
                "year": plan.year,
                "review_state": plan.review_state,
            }
            for plan in plans
        ],
    }


def audit_overview(portal):
    """The libraries the current user audits (``auditable_libraries``), each as in
    ``audited_library``. Anonymous users are refused (``Unauthorized``)."""
    if api.user.is_anonymous():
        raise Unauthorized("Log in to see your audits.")
    today = clock.today()
    user_id = api.user.get_current().getId()
    plugin = portal.acl_users.get(PLUGIN_ID)
    items = []
    for brain, library in auditable_libraries():
        until = plugin.until(user_id, IUUID(library)) if plugin is not None else None
        running = until if until and until >= today else None
        items.append(audited_library(brain, library, running))
    return {"@id": f"{portal.absolute_url()}/@audit-overview", "date": today, "items": items}
