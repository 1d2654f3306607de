"""Benchmark of the certification round: ``python benchmarks/bench_round.py``.

A Zope instance with its own FileStorage under ``var/bench-round`` holds one
library with 200 SMART projects (5 year plans x 40), 300 evidence items and a
running round (scob3) whose self-evaluation scores all 36 aspects with links to
evidence and projects, and whose audit report has findings (generated on the
first run, reused later). Measured, median of ``--repeat`` runs, each against
the bare catalog queries that return the same brains:

- the self-evaluation's scoring page (``@@self-assessment-form``, with the
  suggestions per element) and its reading page (``@@self-assessment-view``);
- ``@certification-status`` (``certification.status.certification_status``).

For each, one call on cold caches counts the records loaded from the storage per
class; the script fails (exit 1) when a SmartProject, AssuranceProject or
Evidence object is woken: these pages work from catalog brains only.
"""

from datetime import date
from pathlib import Path
import random
import sys


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

PROJECTS = 200
EVIDENCE = 300
NOT_TO_WAKE = (
    "bibqual.content.smartproject.SmartProject",
    "bibqual.content.assuranceproject.AssuranceProject",
    "bibqual.content.evidence.Evidence",
)
SITE_LABEL = "round"


def generate(app):
    """The site ``Plone`` with the benchmark library and its round."""
    from benchmarks.sites import add_projects
    from benchmarks.sites import new_site
    from plone import api
    import transaction

    rng = random.Random(20270301)
    site = new_site(app)
    library = api.content.create(container=site, type="Library", id="bieb", title="Bieb")
    for plan_index in range(PROJECTS // 40):
        year = 2022 + plan_index
        plan = api.content.create(
            container=library, type="YearPlan", id=f"jaarplan-{year}", year=year,
            title=f"Jaarplan {year}",
        )  # fmt: skip
        add_projects(plan, rng, year, 40)
        transaction.commit()
    norm = [element for element in _scob_elements()]
    for index in range(EVIDENCE):
        evidence = api.content.create(
            container=library, type="Evidence", id=f"bewijs-{index:03d}",
            title=f"Bewijs {index}", remote_url=f"https://example.org/{index}.pdf",
            document_type="evaluatie", norm_fields=rng.sample(norm, 1),
            valid_until=date(2026 + index % 3, 1 + index % 12, 1),
        )  # fmt: skip
        if index % 3:
            api.content.transition(obj=evidence, transition="release")
    transaction.commit()
    certification = api.content.create(
        container=library, type="Certification", id="ronde", title="Ronde 2027",
        framework="scob3", certified_until=date(2027, 5, 31), audit_date=date(2027, 4, 15),
    )  # fmt: skip
    self_assessment = api.content.create(
        container=certification, type="SelfAssessment", id="zelfevaluatie", title="Zelfevaluatie"
    )
    catalog = api.portal.get_tool("portal_catalog")
    evidence_uids = [b.UID for b in catalog(portal_type="Evidence", review_state="released")]
    project_uids = [b.UID for b in catalog(portal_type="SmartProject", review_state="do")]
    self_assessment.scores = [
        {
            "element": element,
            "aspect": aspect,
            "score": rng.randint(1, 4),
            "explanation": f"Toelichting bij {element} / {aspect}.",
            "evidence": rng.sample(evidence_uids, 3),
            "projects": rng.sample(project_uids, 2),
        }
        for element in norm
        for aspect in ("beleid", "uitvoering", "meting", "verbetering")
    ]
    report = api.content.create(
        container=certification, type="AuditReport", id="rapport", title="Rapport"
    )
    for index in range(10):
        api.content.create(
            container=report, type="Finding", id=f"bevinding-{index}", title=f"Bevinding {index}",
            norm_field=norm[index % len(norm)], kind="improvement", text="Verbeteren.",
            due=date(2027, 9, 1),
        )  # fmt: skip
    transaction.commit()
    return site


def _scob_elements():
    from bibqual.frameworks.store import shipped_frameworks

    return [element.token for element in shipped_frameworks()["scob3"].elements]


def run(site, request, loads, repeat):
    from benchmarks.measure import timed
    from bibqual.certification.status import certification_status
    from bibqual.workflows.ids import ACT
    from bibqual.workflows.ids import CHECK
    from bibqual.workflows.ids import DO
    from bibqual.workflows.ids import DONE
    from plone import api
    from plone.uuid.interfaces import IUUID
    from zope.annotation.interfaces import IAnnotations
    from zope.component import getMultiAdapter

    library = site["bieb"]
    certification = library["ronde"]
    self_assessment = certification["zelfevaluatie"]
    catalog = api.portal.get_tool("portal_catalog")
    uid = IUUID(library)
    round_path = "/".join(certification.getPhysicalPath())

    def page(name):
        def render():
            IAnnotations(request).clear()  # each call is a new request
            return getMultiAdapter((self_assessment, request), name=name)()

        return render

    def bare_suggestions():
        return [
            len(list(catalog(portal_type="Evidence", library_uid=uid, review_state="released"))),
            len(list(catalog(portal_type="SmartProject", library_uid=uid,
                             review_state=[DO, CHECK, ACT, DONE]))),
        ]  # fmt: skip

    def bare_status():
        return [
            len(list(catalog(portal_type=kind, path={"query": round_path, "depth": -1})))
            for kind in ("SelfAssessment", "AuditReport", "Finding")
        ]

    measurements = [
        ("self-evaluation form", page("self-assessment-form"), bare_suggestions),
        ("self-evaluation view", page("self-assessment-view"), bare_suggestions),
        ("@certification-status", lambda: certification_status(certification), bare_status),
    ]
    rows = []
    for name, func, baseline in measurements:
        func()  # warm up
        baseline()
        ms, base_ms = timed(func, repeat), timed(baseline, repeat)
        records, classes = loads.during(site, func)
        woken = {klass: count for klass, count in classes.items() if klass in NOT_TO_WAKE}
        content = sum(n for klass, n in classes.items() if klass.startswith("bibqual.content."))
        rows.append((name, ms, base_ms, records, content, woken))
    return rows


def main():
    from benchmarks.sites import open_benchmark
    from benchmarks.sites import repeat_option

    repeat = repeat_option(__doc__, 15)
    db, site, request = open_benchmark(SITE_LABEL, generate)
    from benchmarks.measure import ClassLoads

    loads = ClassLoads(db)
    rows = run(site, request, loads, repeat)
    print()
    print(f"bibqual round benchmark: {PROJECTS} projects, {EVIDENCE} evidence items "
          f"(median of {repeat} runs, in-process)")  # fmt: skip
    print("loads: records read on a cold cache; bibqual: bibqual content objects among them")
    header = f"{'measurement':24} {'ms':>8} {'catalog ms':>11} {'ratio':>6} {'loads':>6} "
    header += f"{'bibqual':>8}  projects/evidence woken"
    print(header)
    print("-" * len(header))
    failed = []
    for name, ms, base_ms, records, content, woken in rows:
        ratio = ms / base_ms if base_ms else float("nan")
        print(
            f"{name:24} {ms:8.1f} {base_ms:11.1f} {ratio:6.2f} {records:6d} {content:8d}  "
            f"{sum(woken.values())}"
        )
        if woken:
            failed.append(f"{name} woke {woken}")
    assert not failed, "; ".join(failed)
    print("No project or evidence object was woken.")


if __name__ == "__main__":
    main()
