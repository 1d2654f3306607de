"""Demo content of ``bibqual:demo``: libraries, plans, projects, evidence and users.

The data lives in ``demo_data`` and ``demo_projects``; this module only creates it.
Running the profile again creates what is missing and changes nothing else.
"""

from bibqual.ids import ASSURANCE_PROJECT
from bibqual.ids import EVIDENCE
from bibqual.ids import LIBRARY
from bibqual.ids import SMART_PROJECT
from bibqual.ids import YEAR_PLAN
from bibqual.setuphandlers import demo_data
from datetime import date
from datetime import timedelta
from importlib.resources import files
from plone import api
from plone.namedfile.file import NamedBlobFile
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
import logging


logger = logging.getLogger("bibqual.demo")

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "csv": "text/csv",
    "txt": "text/plain",
}
PROJECT_FIELDS = (
    "title",
    "spearhead",
    "specific",
    "measurable",
    "achievable",
    "realistic",
    "indicators",
    "responsible",
    "partners",
    "target_groups",
    "budget",
    "evaluation",
    "improvements",
)
CLASSIFICATION = ("norm_fields", "core_functions", "policy_topics")


def post_install(context):
    """Create the demo library, its plans, projects, evidence and users."""
    portal = api.portal.get()
    with api.env.adopt_roles(["Manager"]):
        create_demo(portal)
    logger.info("bibqual demo content is in place.")


def create_demo(portal, today=None):
    """Create (or complete) the demo content in ``portal``; return the main library."""
    today = today or date.today()
    dates = _Dates(today)
    items = {}
    for spec in demo_data.LIBRARIES:
        library = _library(portal, spec)
        for offset, plan_spec in spec["year_plans"].items():
            plan = _year_plan(library, today.year + offset, plan_spec)
            for project in demo_data.PROJECTS.get(spec["id"], {}).get(offset, []):
                items[project["id"]] = _project(plan, project, dates)
    main = portal[demo_data.MAIN_LIBRARY_ID]
    for spec in demo_data.ASSURANCE_PROJECTS:
        items[spec["id"]] = _assurance_project(main, spec, dates)
    for spec in demo_data.EVIDENCE:
        container = items[spec["container"]] if spec["container"] else main
        _evidence(container, spec, items, dates)
    _users(main)
    return main


class _Dates:
    """Turns the relative dates of the demo data into dates."""

    def __init__(self, today):
        self.today = today
        self.names = {"previous": today.year - 1, "current": today.year}

    def __call__(self, value, year=None):
        """``{"days": n}`` from today, or ``(month, day[, years])`` in ``year`` (default now)."""
        if value is None:
            return None
        if isinstance(value, dict):
            return self.today + timedelta(days=value["days"])
        month, day, *later = value
        return date((year or self.today.year) + (later[0] if later else 0), month, day)

    def text(self, value):
        return value.format(**self.names) if value else value


def _get_or_create(container, portal_type, item_id, **fields):
    """The item ``item_id`` of ``container``, created from ``fields`` when missing."""
    existing = container.get(item_id)
    if existing is not None:
        return existing
    return api.content.create(
        container=container, type=portal_type, id=item_id, safe_id=False, **fields
    )


def _library(portal, spec):
    fields = {key: spec[key] for key in ("title", "description", "municipalities", "network")}
    return _get_or_create(
        portal,
        LIBRARY,
        spec["id"],
        share_with_network=spec["share_with_network"],
        **fields,
    )


def _year_plan(library, year, spec):
    """The library's plan for ``year`` (whatever its id), else a new ``jaarplan-YEAR``."""
    for plan in library.objectValues():
        if plan.portal_type == YEAR_PLAN and getattr(plan, "year", None) == year:
            return plan
    return _get_or_create(
        library,
        YEAR_PLAN,
        f"jaarplan-{year}",
        title=f"Jaarplan {year}",
        year=year,
        description=spec["description"],
        spearheads=list(spec["spearheads"]),
    )


def _project(plan, spec, dates):
    fields = {key: spec[key] for key in PROJECT_FIELDS if key in spec}
    fields.update({key: list(spec.get(key, [])) for key in CLASSIFICATION})
    fields["indicators"] = [dict(row) for row in spec["indicators"]]
    return _get_or_create(
        plan,
        SMART_PROJECT,
        spec["id"],
        start=dates(spec["start"], plan.year),
        deadline=dates(spec["deadline"], plan.year),
        **fields,
    )


def _assurance_project(library, spec, dates):
    fields = {key: spec[key] for key in ("title", "agreement", "interval_months", "responsible")}
    fields.update({key: list(spec.get(key, [])) for key in CLASSIFICATION})
    return _get_or_create(
        library,
        ASSURANCE_PROJECT,
        spec["id"],
        next_review=dates(spec["next_review"]),
        **fields,
    )


def demo_file(name):
    """The bytes of a file shipped in ``profiles/demo/files``."""
    return (files("bibqual") / "profiles" / "demo" / "files" / name).read_bytes()


def _evidence(container, spec, items, dates):
    if container.get(spec["id"]) is not None:
        return container[spec["id"]]
    intids = getUtility(IIntIds)
    fields = {key: list(spec.get(key, [])) for key in CLASSIFICATION}
    if spec.get("file"):
        name = spec["file"]
        fields["file"] = NamedBlobFile(
            data=demo_file(name),
            filename=name,
            contentType=CONTENT_TYPES[name.rsplit(".", 1)[-1]],
        )
    if spec.get("remote_url"):
        fields["remote_url"] = spec["remote_url"]
    fields["related_projects"] = [
        RelationValue(intids.getId(items[item_id])) for item_id in spec.get("related", [])
    ]
    return _get_or_create(
        container,
        EVIDENCE,
        spec["id"],
        title=dates.text(spec["title"]),
        description=spec.get("description", ""),
        document_type=spec["document_type"],
        valid_until=dates(spec.get("valid_until")),
        **fields,
    )


def _users(library):
    """The demo users, with their local roles on ``library``."""
    changed = False
    for spec in demo_data.DEMO_USERS:
        username = spec["username"]
        if api.user.get(username=username) is None:
            api.user.create(
                username=username,
                email=spec["email"],
                password=demo_data.DEMO_PASSWORD,
                properties={"fullname": spec["fullname"]},
            )
        missing = set(spec["roles"]) - set(library.get_local_roles_for_userid(username))
        if missing:
            api.user.grant_roles(username=username, obj=library, roles=sorted(missing))
            changed = True
    if changed:
        library.reindexObjectSecurity()
