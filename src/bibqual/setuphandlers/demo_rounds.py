"""The certification rounds of the demo (``profiles/demo/data/rounds.json``).

Each round is created in the library with its self-evaluation and audit reports,
each report with its findings, in the order the round runs: the self-evaluation
takes its steps (``submit``), then the round is ``audit``-ed, then the reports
with their findings (findings act on projects of the demo, by id; a finding closes
through its guard, so its actions must be done with released, valid evidence),
then the round's other steps (``decide``). A round's ``id`` and ``title`` may hold
``{year}``: the year of its audit date; so may the texts in it, which may also hold
``{previous}`` and ``{current}``. Dates read as in the rest of the demo
(``_Demo.date``). Running the profile again creates only what is missing.
"""

from bibqual.ids import AUDIT_REPORT
from bibqual.ids import CERTIFICATION
from bibqual.ids import FINDING
from bibqual.ids import SELF_ASSESSMENT
from bibqual.workflows.ids import AUDIT
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds


ROUND_DATES = ("certified_until", "audit_date", "decision_date", "new_certified_until")
NESTED = ("id", "workflow", "self_assessment", "reports", "findings")
TEXTS = ("title", "text", "summary", "ambitions", "bottlenecks")


def create_rounds(demo, library, specs, items):
    """Create the rounds ``specs`` in ``library``; ``items`` maps the demo's ids of
    projects and evidence to the objects (links and actions name them)."""
    for spec in specs:
        _Round(demo, library, items).create(spec)


def _uids(items, ids, where):
    missing = [item_id for item_id in ids if item_id not in items]
    if missing:
        raise ValueError(f"Demo {where} links to unknown items {missing}")
    return [items[item_id].UID() for item_id in ids]


class _Round:
    """Creates one round of the data with everything in it."""

    def __init__(self, demo, library, items):
        self.demo = demo
        self.library = library
        self.items = items
        self.names = {}

    def text(self, value):
        """``value`` with ``{year}`` (the round's audit year), ``{previous}`` and ``{current}``."""
        return value.format(**self.names, **self.demo.names) if value else value

    def fields(self, spec, dates=()):
        """The fields of ``spec`` (every key but the nested ones), dates read."""
        fields = {key: value for key, value in spec.items() if key not in NESTED}
        for key in dates:
            if key in fields:
                fields[key] = self.demo.date(fields[key])
        for key in TEXTS:
            if key in fields:
                fields[key] = self.text(fields[key])
        return fields

    def create(self, spec):
        audit = self.demo.date(spec.get("audit_date") or spec["certified_until"])
        self.names = {"year": audit.year}
        fields = self.fields(spec, ROUND_DATES)
        steps = spec.get("workflow", [])
        existing = self.library.get(self.text(spec["id"]))
        certification = self.demo.create(
            self.library, CERTIFICATION, {"id": self.text(spec["id"])}, **fields
        )
        if spec.get("self_assessment"):
            self.self_assessment(certification, spec["self_assessment"])
        if existing is None:
            self.demo.take_steps(certification, [s for s in steps if s["transition"] == AUDIT])
        for report in spec.get("reports", []):
            self.report(certification, report)
        if existing is None:
            self.demo.take_steps(certification, [s for s in steps if s["transition"] != AUDIT])
        return certification

    def self_assessment(self, certification, spec):
        rows = []
        for row in spec.get("scores", []):
            where = f"self-evaluation row {row['element']}/{row['aspect']}"
            rows.append(
                {
                    "element": row["element"],
                    "aspect": row["aspect"],
                    "score": row.get("score"),
                    "explanation": self.text(row.get("explanation", "")),
                    "evidence": _uids(self.items, row.get("evidence", []), where),
                    "projects": _uids(self.items, row.get("projects", []), where),
                }
            )
        fields = self.fields(spec)
        fields["scores"] = rows
        return self.demo.create(certification, SELF_ASSESSMENT, spec, **fields)

    def report(self, certification, spec):
        fields = self.fields(spec, ("audit_date",))
        existing = certification.get(spec["id"])
        report = self.demo.create(certification, AUDIT_REPORT, {"id": spec["id"]}, **fields)
        for finding in spec.get("findings", []):
            self.finding(report, finding)
        if existing is None:  # final after its findings
            self.demo.take_steps(report, spec.get("workflow", []))
        return report

    def finding(self, report, spec):
        intids = getUtility(IIntIds)
        fields = self.fields(spec, ("due",))
        ids = spec.get("actions", [])
        _uids(self.items, ids, f"finding {spec['id']}")
        fields["actions"] = [RelationValue(intids.getId(self.items[item_id])) for item_id in ids]
        return self.demo.create(report, FINDING, spec, **fields)
