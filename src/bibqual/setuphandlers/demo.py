"""Demo content of ``bibqual:demo``: libraries, plans, projects, evidence and users.

The data lives in ``demo_data`` and ``demo_projects``; this module only creates it.
Every item it creates then takes the workflow steps of its data, in order and with
their comments, so states and histories look like a year of real quality work: the
coordinator takes the steps that need a Reviewer, staff (or the responsible demo
user) the others. Running the profile again creates what is missing (and takes its
steps) and changes nothing else: items that were there already are never moved.
"""

from bibqual.ids import ASSURANCE_PROJECT
from bibqual.ids import EVIDENCE
from bibqual.ids import LIBRARY
from bibqual.ids import SMART_PROJECT
from bibqual.ids import YEAR_PLAN
from bibqual.setuphandlers import demo_data
from bibqual.workflows.guards import refusal
from bibqual.workflows.ids import ADOPT
from bibqual.workflows.ids import ARCHIVE
from bibqual.workflows.ids import CANCEL
from bibqual.workflows.ids import CLOSE
from bibqual.workflows.ids import COMPLETE
from bibqual.workflows.ids import NEW_CYCLE
from bibqual.workflows.ids import RELEASE
from bibqual.workflows.ids import REOPEN
from bibqual.workflows.ids import RETRACT
from bibqual.workflows.subscribers import add_months
from datetime import date
from datetime import timedelta
from importlib.resources import files
from plone import api
from plone.namedfile.file import NamedBlobFile
from Products.CMFCore.indexing import processQueue
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
COORDINATOR = "coordinator"
STAFF = "medewerker"
# Steps of the quality coordinator (Reviewer); staff take the others.
COORDINATOR_STEPS = {ADOPT, CLOSE, COMPLETE, CANCEL, REOPEN, RELEASE, ARCHIVE, RETRACT}


def post_install(context):
    """Create the demo library, its plans, projects, evidence and users."""
    portal = api.portal.get()
    with api.env.adopt_roles(["Manager"]):
        create_demo(portal)
        # Index now, while the site (and its intid utility) is active: a caller may commit
        # after leaving the site, and indexers that resolve relations then fail the commit.
        processQueue()
    logger.info("bibqual demo content is in place.")


def create_demo(portal, today=None):
    """Create (or complete) the demo content in ``portal``; return the main library."""
    today = today or date.today()
    dates = _Dates(today)
    _create_users()
    items = {}
    for spec in demo_data.LIBRARIES:
        library, _created = _library(portal, spec)
        for offset, plan_spec in spec["year_plans"].items():
            plan, plan_created = _year_plan(library, today.year + offset, plan_spec)
            # A plan is adopted before its projects start and closed after they ended.
            steps = plan_spec.get("workflow", ())
            if plan_created:
                _take_steps(plan, [step for step in steps if step[0] != CLOSE], dates)
            for project in demo_data.PROJECTS.get(spec["id"], {}).get(offset, []):
                item, created = _project(plan, project, dates)
                if created:
                    _take_steps(item, project.get("workflow", ()), dates)
                items[project["id"]] = item
            if plan_created:
                _take_steps(plan, [step for step in steps if step[0] == CLOSE], dates)
    main = portal[demo_data.MAIN_LIBRARY_ID]
    for spec in demo_data.ASSURANCE_PROJECTS:
        item, created = _assurance_project(main, spec, dates)
        if created:
            _take_steps(item, spec.get("workflow", ()), dates)
        items[spec["id"]] = item
    for spec in demo_data.EVIDENCE:
        container = items[spec["container"]] if spec["container"] else main
        item, created = _evidence(container, spec, items, dates)
        if created:
            _take_steps(item, spec.get("workflow", ()), dates)
    _grant_roles(main)
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
    """``(item, created)``: ``item_id`` of ``container``, created from ``fields`` when missing."""
    existing = container.get(item_id)
    if existing is not None:
        return existing, False
    item = api.content.create(
        container=container, type=portal_type, id=item_id, safe_id=False, **fields
    )
    return item, True


def _actor(item, transition):
    """The demo user who takes ``transition`` on ``item``."""
    if transition in COORDINATOR_STEPS:
        return COORDINATOR
    responsible = getattr(item, "responsible", None)
    if responsible in {spec["username"] for spec in demo_data.DEMO_USERS}:
        return responsible
    return STAFF


def _take_steps(item, steps, dates):
    """Take the workflow ``steps`` (``(transition, comment)``) on the new ``item``, in order.

    Each step is taken by the demo user whose work it is (see ``_actor``), with the Manager
    role so the demo never depends on local roles; the history shows the user and comment.
    """
    for transition, comment in steps:
        comment = dates.text(comment)
        reason = refusal(item, transition, comment)
        if reason:
            raise ValueError(f"Demo step {transition!r} on {item.getId()} refused: {reason}")
        with api.env.adopt_user(username=_actor(item, transition)):
            with api.env.adopt_roles(["Manager"]):
                api.content.transition(obj=item, transition=transition, comment=comment)


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
            return plan, False
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
    # Every new cycle moves the review on by the interval: start that many intervals earlier.
    cycles = sum(1 for transition, _comment in spec.get("workflow", ()) if transition == NEW_CYCLE)
    next_review = add_months(dates(spec["next_review"]), -cycles * spec["interval_months"])
    return _get_or_create(
        library,
        ASSURANCE_PROJECT,
        spec["id"],
        next_review=next_review,
        **fields,
    )


def demo_file(name):
    """The bytes of a demo file: made in ``demo_data`` or shipped in ``profiles/demo/files``."""
    if name in demo_data.TEXT_FILES:
        return demo_data.TEXT_FILES[name].encode("utf-8")
    return (files("bibqual") / "profiles" / "demo" / "files" / name).read_bytes()


def _evidence(container, spec, items, dates):
    if container.get(spec["id"]) is not None:
        return container[spec["id"]], False
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


def _create_users():
    """The demo users (they take the workflow steps, so they come first)."""
    for spec in demo_data.DEMO_USERS:
        if api.user.get(username=spec["username"]) is None:
            api.user.create(
                username=spec["username"],
                email=spec["email"],
                password=demo_data.DEMO_PASSWORD,
                properties={"fullname": spec["fullname"]},
            )


def _grant_roles(library):
    """The local roles of the demo users on ``library``."""
    changed = False
    for spec in demo_data.DEMO_USERS:
        username = spec["username"]
        missing = set(spec["roles"]) - set(library.get_local_roles_for_userid(username))
        if missing:
            api.user.grant_roles(username=username, obj=library, roles=sorted(missing))
            changed = True
    if changed:
        library.reindexObjectSecurity()
