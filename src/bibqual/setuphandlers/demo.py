"""Demo content of ``bibqual:demo``: libraries, plans, projects, evidence, certification
rounds and users.

The content is data: JSON files in ``profiles/demo/data`` (their format is in the README
there) and the evidence's files in ``profiles/demo/files``. This module only creates it,
with dates relative to bibqual's clock. Every new item then takes the workflow steps of its
data, in order, through the guards and with their comments, so states and histories look
like a year of real quality work: the coordinator takes the steps that need a Reviewer,
staff (or the responsible demo user) the others. Running the profile again creates what is
missing (and takes its steps) and changes nothing else: items already there never move.
"""

from bibqual import clock
from bibqual.audit import grants as audit_grants
from bibqual.certification.milestones import quarter_bounds
from bibqual.ids import ASSURANCE_PROJECT
from bibqual.ids import EVIDENCE
from bibqual.ids import LIBRARY
from bibqual.ids import SMART_PROJECT
from bibqual.ids import YEAR_PLAN
from bibqual.setuphandlers.demo_rounds import create_rounds
from bibqual.workflows.guards import refusal
from bibqual.workflows.ids import ADOPT
from bibqual.workflows.ids import ARCHIVE
from bibqual.workflows.ids import AUDIT
from bibqual.workflows.ids import CANCEL
from bibqual.workflows.ids import CLOSE
from bibqual.workflows.ids import COMPLETE
from bibqual.workflows.ids import DECIDE
from bibqual.workflows.ids import FINALIZE
from bibqual.workflows.ids import NEW_CYCLE
from bibqual.workflows.ids import RELEASE
from bibqual.workflows.ids import REOPEN
from bibqual.workflows.ids import RETRACT
from bibqual.workflows.ids import SUBMIT
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
import json
import logging
import re


logger = logging.getLogger("bibqual.demo")

PROFILE = files("bibqual") / "profiles" / "demo"
CONTENT_TYPES = {"pdf": "application/pdf", "csv": "text/csv", "txt": "text/plain"}
CLASSIFICATION = ("norm_fields", "core_functions", "policy_topics")
COORDINATOR = "coordinator"
STAFF = "medewerker"
# Steps of the quality coordinator (Reviewer); staff take the others. In a round the
# coordinator submits the self-evaluation, records the audit, the report and the decision.
COORDINATOR_STEPS = {ADOPT, CLOSE, COMPLETE, CANCEL, REOPEN, RELEASE, ARCHIVE, RETRACT}
COORDINATOR_STEPS |= {SUBMIT, AUDIT, FINALIZE, DECIDE}
DATE = re.compile(
    r"today(?P<days>[+-]\d+)|\{year(?P<years>[+-]\d+)?\}-(?P<month>\d\d)-(?P<day>\d\d)"
    r"|quarter(?P<quarters>[+-]\d+)(?P<offset>[+-]\d+)?"
)


def post_install(context):
    """Create the demo library, its plans, projects, evidence, rounds and users."""
    portal = api.portal.get()
    with api.env.adopt_roles(["Manager"]):
        create_demo(portal)
        # Index now, while the site (and its intid utility) is active: a caller may commit
        # after leaving the site, and indexers that resolve relations then fail the commit.
        processQueue()
    logger.info("bibqual demo content is in place.")


def load(name):
    """The data of ``profiles/demo/data/<name>``."""
    return json.loads((PROFILE / "data" / name).read_text(encoding="utf-8"))


def demo_file(name):
    """The bytes of a demo file shipped in ``profiles/demo/files``."""
    return (PROFILE / "files" / name).read_bytes()


def create_demo(portal, today=None):
    """Create (or complete) the demo content in ``portal``; return the main library."""
    users = load("users.json")
    demo = _Demo(today or clock.today(), {spec["username"] for spec in users["users"]})
    _create_users(users)
    items = {}
    for spec in load("libraries.json"):
        library = items[spec["id"]] = demo.library(portal, spec)
        for plan_spec in spec["year_plans"]:
            plan, created = demo.year_plan(library, plan_spec)
            for project_spec in plan_spec.get("projects", []):
                items[project_spec["id"]] = demo.project(plan, project_spec)
            if created:  # A plan is closed after its projects ran.
                steps = plan_spec.get("workflow", [])
                demo.take_steps(plan, [step for step in steps if step["transition"] == CLOSE])
    assurance = load("assurance.json")
    for spec in assurance["assurance_projects"]:
        items[spec["id"]] = demo.assurance_project(items[assurance["library"]], spec)
    for spec in load("evidence.json"):
        items[spec["id"]] = demo.evidence(items[spec["container"]], spec, items)
    rounds = load("rounds.json")
    create_rounds(demo, items[rounds["library"]], rounds["rounds"], items)
    _grant_roles(portal, users)
    _grant_audit_access(portal, users, demo)
    for spec in load("libraries.json"):
        # every index of the library once more, now that its content is in place (the
        # navigation asks ``is_default_page``, which was missing for the first library)
        items[spec["id"]].reindexObject()
    return portal[assurance["library"]]


def _fields(spec, *skip):
    """The fields of the item ``spec``: every key but ``id``, ``workflow`` and ``skip``."""
    fields = {key: value for key, value in spec.items() if key not in {"id", "workflow", *skip}}
    for key in CLASSIFICATION:
        fields.setdefault(key, [])
    return fields


class _Demo:
    """Creates the demo items of the data, with their dates and workflow steps."""

    def __init__(self, today, usernames):
        self.today = today
        self.usernames = usernames
        self.names = {"previous": today.year - 1, "current": today.year}

    def date(self, value, year=None):
        """The date of a relative ``value`` (see the README), in ``year`` (default now)."""
        if value is None:
            return None
        match = DATE.fullmatch(value)
        if match is None:
            raise ValueError(
                f"Demo date {value!r} is not 'today+N', '{{year+N}}-MM-DD' or 'quarter+N-D'"
            )
        if match["days"] is not None:
            return self.today + timedelta(days=int(match["days"]))
        if match["quarters"] is not None:
            return self.quarter_end(int(match["quarters"])) + timedelta(
                days=int(match["offset"] or 0)
            )
        year = (year or self.today.year) + int(match["years"] or 0)
        return date(year, int(match["month"]), int(match["day"]))

    def quarter_end(self, quarters):
        """The last day of the quarter ``quarters`` after today's (before, when negative)."""
        index = self.today.year * 4 + (self.today.month - 1) // 3 + quarters
        return quarter_bounds(date(index // 4, index % 4 * 3 + 1, 1))[1]

    def text(self, value):
        return value.format(**self.names) if value else value

    def create(self, container, portal_type, spec, **fields):
        """A new ``spec["id"]`` in ``container`` that took its steps, or the existing one."""
        existing = container.get(spec["id"])
        if existing is not None:
            return existing
        item = api.content.create(
            container=container, type=portal_type, id=spec["id"], safe_id=False, **fields
        )
        self.take_steps(item, spec.get("workflow", []))
        return item

    def actor(self, item, transition):
        """The demo user who takes ``transition`` on ``item``."""
        if transition in COORDINATOR_STEPS:
            return COORDINATOR
        responsible = getattr(item, "responsible", None)
        return responsible if responsible in self.usernames else STAFF

    def take_steps(self, item, steps):
        """Take the workflow ``steps`` on the new ``item``, in order, through the guards.

        Each step is taken by the demo user whose work it is (see ``actor``), with the Manager
        role so the demo never depends on local roles; the history shows the user and comment.
        A step's ``fields`` are written on the item first, as its user would before the step
        (the evaluation of an assurance project's cycle before ``adjust``).
        """
        for step in steps:
            transition, comment = step["transition"], self.text(step["comment"])
            for name, value in step.get("fields", {}).items():
                setattr(item, name, self.text(value))
            reason = refusal(item, transition, comment)
            if reason:
                raise ValueError(f"Demo step {transition!r} on {item.getId()} refused: {reason}")
            with api.env.adopt_user(username=self.actor(item, transition)):
                with api.env.adopt_roles(["Manager"]):
                    api.content.transition(obj=item, transition=transition, comment=comment)

    def library(self, portal, spec):
        fields = {key: value for key, value in spec.items() if key not in ("id", "year_plans")}
        return self.create(portal, LIBRARY, {"id": spec["id"]}, **fields)

    def year_plan(self, library, spec):
        """``(plan, created)``: the library's plan for the year of ``spec`` (whatever its id),
        else a new one that took its steps but ``close`` (``create_demo`` takes that one)."""
        year = self.today.year + spec["year_offset"]
        for plan in library.objectValues():
            if plan.portal_type == YEAR_PLAN and getattr(plan, "year", None) == year:
                return plan, False
        steps = [step for step in spec.get("workflow", []) if step["transition"] != CLOSE]
        plan = self.create(
            library,
            YEAR_PLAN,
            {"id": f"jaarplan-{year}", "workflow": steps},
            title=f"Jaarplan {year}",
            year=year,
            description=spec["description"],
            spearheads=spec["spearheads"],
        )
        return plan, True

    def project(self, plan, spec):
        dates = {key: self.date(spec[key], plan.year) for key in ("start", "deadline")}
        fields = _fields(spec, *dates)
        return self.create(plan, SMART_PROJECT, spec, **dates, **fields)

    def assurance_project(self, library, spec):
        # Every new cycle moves the review on by the interval: start that many intervals earlier.
        cycles = sum(1 for step in spec.get("workflow", []) if step["transition"] == NEW_CYCLE)
        months = -cycles * spec["interval_months"]
        next_review = add_months(self.date(spec["next_review"]), months)
        fields = _fields(spec, "next_review")
        return self.create(library, ASSURANCE_PROJECT, spec, next_review=next_review, **fields)

    def evidence(self, container, spec, items):
        intids = getUtility(IIntIds)
        fields = _fields(spec, "container", "file", "related", "title", "valid_until")
        if spec.get("file"):
            name = spec["file"]
            fields["file"] = NamedBlobFile(
                data=demo_file(name),
                filename=name,
                contentType=CONTENT_TYPES[name.rsplit(".", 1)[-1]],
            )
        fields["related_projects"] = [
            RelationValue(intids.getId(items[item_id])) for item_id in spec.get("related", [])
        ]
        return self.create(
            container,
            EVIDENCE,
            spec,
            title=self.text(spec["title"]),
            valid_until=self.date(spec.get("valid_until")),
            **fields,
        )


def _create_users(data):
    """The demo users (they take the workflow steps, so they come first)."""
    for spec in data["users"]:
        if api.user.get(username=spec["username"]) is None:
            api.user.create(
                username=spec["username"],
                email=spec["email"],
                password=data["password"],
                properties={"fullname": spec["fullname"]},
            )


def _grant_roles(portal, data):
    """The local roles of the demo users on the libraries."""
    changed = set()
    for spec in data["users"]:
        username = spec["username"]
        for library_id, roles in spec["local_roles"].items():
            library = portal[library_id]
            missing = set(roles) - set(library.get_local_roles_for_userid(username))
            if missing:
                api.user.grant_roles(username=username, obj=library, roles=sorted(missing))
                changed.add(library_id)
    for library_id in sorted(changed):
        portal[library_id].reindexObjectSecurity()


def _grant_audit_access(portal, data, demo):
    """Time-limited audit access of the demo users (``audit_grants``: library id -> a
    relative date, e.g. ``today+60``), as the README recommends instead of a permanent
    sharing role. A user who has a grant there already (running or past) keeps it."""
    plugin = portal.acl_users.get(audit_grants.PLUGIN_ID)
    for spec in data["users"]:
        for library_id, until in spec.get("audit_grants", {}).items():
            library = portal[library_id]
            if plugin is not None and plugin.until(spec["username"], library.UID()):
                continue
            audit_grants.grant(library, spec["username"], demo.date(until))
