"""Benchmark of the annual report in Word: ``python benchmarks/bench_annual.py``.

A Zope instance with its own FileStorage under ``var/bench-annual`` holds one
library whose 2026 year plan has 200 SMART projects over three spearheads (and
a 2025 plan with 40 more, not in the report), 20 assurance projects of which 10
completed a cycle in 2026, and 300 evidence items, two in three released
(generated on the first run, reused later). Measured, median of ``--repeat``
runs, as the site owner:

- the report: ``documents.annual.annual_report`` for 2026, written to bytes
  (what ``@annual-report`` hands out);
- baseline 1, the data: the bare catalog queries of the report (the plan, its
  projects, assurance projects, released evidence, and the three queries of
  the norm readiness) and waking the objects the report wakes;
- baseline 2, the writing: python-docx writing a document of the same
  headings, paragraphs and tables, without Plone (the default template).

One call on cold caches counts the SmartProject objects loaded from the storage:
the script fails (exit 1) unless exactly the 200 projects of the year are woken.
"""

from datetime import date
from pathlib import Path
import random
import sys


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

PROJECTS = 200
OTHER_YEAR_PROJECTS = 40
ASSURANCE = 20
EVIDENCE = 300
YEAR = 2026
SPEARHEADS = ["Taal en lezen", "Digitale inclusie", "Ontmoeting"]
SITE_LABEL = "annual"
PROJECT_CLASS = "bibqual.content.smartproject.SmartProject"


def generate(app):
    """The site ``Plone`` with the benchmark library (first run only)."""
    from benchmarks.sites import add_projects
    from benchmarks.sites import new_site
    from plone import api
    import bibqual.clock
    import transaction

    rng = random.Random(20261128)
    site = new_site(app)
    library = api.content.create(container=site, type="Library", id="bieb", title="Bieb")
    for year, count in ((YEAR, PROJECTS), (YEAR - 1, OTHER_YEAR_PROJECTS)):
        plan = api.content.create(
            container=library, type="YearPlan", id=f"jaarplan-{year}", year=year,
            title=f"Jaarplan {year}", spearheads=SPEARHEADS,
        )  # fmt: skip
        add_projects(plan, rng, year, count, SPEARHEADS)
        api.content.transition(obj=plan, transition="adopt")
        transaction.commit()
    today = bibqual.clock.today
    bibqual.clock.today = lambda: date(YEAR, 5, 1)  # the cycles complete in the report's year
    try:
        for index in range(ASSURANCE):
            assurance = api.content.create(
                container=library, type="AssuranceProject", id=f"borging-{index:02d}",
                title=f"Borging {index}", agreement="Jaarlijks toetsen.",
                evaluation="Getoetst.", next_review=date(YEAR, 1 + index % 12, 15),
            )  # fmt: skip
            if index % 2:
                for step in ("start", "evaluate", "adjust", "new_cycle"):
                    api.content.transition(obj=assurance, transition=step)
    finally:
        bibqual.clock.today = today
    for index in range(EVIDENCE):
        evidence = api.content.create(
            container=library, type="Evidence", id=f"bewijs-{index:03d}",
            title=f"Bewijs {index}", remote_url=f"https://example.org/{index}.pdf",
            document_type="evaluatie", valid_until=date(YEAR + 1, 1 + index % 12, 1),
        )  # fmt: skip
        if index % 3:
            api.content.transition(obj=evidence, transition="release")
    transaction.commit()
    return site


def bare_data(library):
    """Baseline 1: the report's catalog queries and the objects it wakes."""
    from bibqual.ids import ASSURANCE_PROJECT
    from bibqual.ids import EVIDENCE
    from bibqual.ids import SMART_PROJECT
    from bibqual.ids import YEAR_PLAN
    from plone import api
    from plone.uuid.interfaces import IUUID

    catalog = api.portal.get_tool("portal_catalog")
    uid = IUUID(library)
    (plan,) = catalog(portal_type=YEAR_PLAN, library_uid=uid, year=YEAR)
    plan_path = plan.getPath()
    woken = [plan.getObject()]
    woken += [
        brain.getObject()
        for brain in catalog(
            portal_type=SMART_PROJECT,
            path={"query": plan_path, "depth": 1},
            sort_on="getObjPositionInParent",
        )
    ]
    woken += [
        brain.getObject()
        for brain in catalog(portal_type=ASSURANCE_PROJECT, library_uid=uid)
        if (brain.cycle or 1) > 1
    ]
    woken += [
        brain.getObject()
        for brain in catalog(
            portal_type=EVIDENCE, library_uid=uid, review_state=["released", "archived"]
        )
    ]
    readiness = [
        len(catalog(portal_type=kind, library_uid=uid))
        for kind in (SMART_PROJECT, EVIDENCE, ASSURANCE_PROJECT)
    ]
    return [getattr(obj, "title", None) for obj in woken], readiness


def content_of(data):
    """The report's body as ``(kind, ...)`` blocks, to write again without Plone."""
    from docx import Document
    from io import BytesIO

    blocks = []
    for item in Document(BytesIO(data)).iter_inner_content():
        if hasattr(item, "rows"):
            blocks.append(("table", [[cell.text for cell in row.cells] for row in item.rows]))
        elif item.style.name == "Title":
            blocks.append(("heading", 0, item.text))
        elif item.style.name.startswith("Heading "):
            blocks.append(("heading", int(item.style.name.split()[-1]), item.text))
        else:
            blocks.append(("text", item.text))
    return blocks


def bare_docx(blocks):
    """Baseline 2: python-docx writing the same blocks into its default template."""
    from docx import Document
    from io import BytesIO

    document = Document()
    for block in blocks:
        if block[0] == "heading":
            document.add_heading(block[2], level=block[1])
        elif block[0] == "text":
            document.add_paragraph(block[1])
        else:
            rows = block[1]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for row, values in zip(table.rows, rows, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def main():
    from benchmarks.sites import open_benchmark
    from benchmarks.sites import repeat_option

    repeat = repeat_option(__doc__, 9)
    db, site, request = open_benchmark(SITE_LABEL, generate)
    from benchmarks.measure import ClassLoads
    from benchmarks.measure import timed
    from bibqual.documents.annual import annual_report
    from bibqual.documents.word import to_bytes

    loads = ClassLoads(db)
    library = site["bieb"]

    def report():
        return to_bytes(annual_report(library, YEAR, request))

    data = report()  # warm up
    blocks = content_of(data)
    bare_data(library)
    ms = timed(report, repeat)
    data_ms = timed(lambda: bare_data(library), repeat)
    docx_ms = timed(lambda: bare_docx(blocks), repeat)
    _records, classes = loads.during(site, report)
    projects = classes.get(PROJECT_CLASS, 0)
    tables = sum(1 for block in blocks if block[0] == "table")
    print()
    print(
        f"bibqual annual report benchmark: {PROJECTS} projects in the {YEAR} plan, "
        f"{len(data) // 1024} KB, {len(blocks)} blocks ({tables} tables); "
        f"median of {repeat} runs, in-process"
    )
    header = f"{'measurement':44} {'ms':>8} {'report / it':>12}"
    print(header)
    print("-" * len(header))
    print(f"{'@annual-report (annual_report + to_bytes)':44} {ms:8.1f} {1:12.2f}")
    print(f"{'baseline: catalog queries + waking the same':44} {data_ms:8.1f} {ms / data_ms:12.2f}")
    print(
        f"{'baseline: python-docx, same blocks, no Plone':44} {docx_ms:8.1f} {ms / docx_ms:12.2f}"
    )
    print(f"{'baseline: both together':44} {data_ms + docx_ms:8.1f} "
          f"{ms / (data_ms + docx_ms):12.2f}")  # fmt: skip
    print(f"SmartProject objects woken on a cold cache: {projects} (the plan holds {PROJECTS})")
    assert projects == PROJECTS, f"woke {projects} projects, expected {PROJECTS}"


if __name__ == "__main__":
    main()
