"""Measurements of bibqual's listings, services and GETs against their baselines.

Each measurement runs the same handler many times in one process, as the site
owner, and reports the median. The baseline is measured in the same run: the
bare catalog query returning the same brains (listings and overviews), REST
GET of a core Document (GETs), or a REST-style create of a Document (writes).
"Woken" counts the objects loaded from the storage by one cold request (the
connection cache is emptied first); "shown" is how many items the answer lists.
"""

from bibqual.network.copy import copy_project
from bibqual.network.similar import similar_projects
from bibqual.network.similar import text_query
from bibqual.planning.rollover import rollover
from bibqual.reports.coverage import norm_coverage
from bibqual.reports.pdca import pdca_overview
from collections import Counter
from plone import api
from plone.restapi.interfaces import ISerializeToJson
from plone.uuid.interfaces import IUUID
from ZODB.utils import get_pickle_metadata
from zope.annotation.interfaces import IAnnotations
from zope.component import getMultiAdapter
import statistics
import time
import transaction


CONTENT_MODULES = ("bibqual.content.", "plone.app.contenttypes.content")


def on_loads(db, record):
    """Wrap the storage's load methods: ``record(data)`` for every record loaded
    (``data`` its pickle, or None when the storage answered without one)."""
    storage = db.storage
    for name in ("load", "loadBefore", "loadSerial"):
        original = getattr(storage, name, None)
        if original is not None:
            setattr(storage, name, _counted(original, record))


def _counted(original, record):
    def counted(*args, **kwargs):
        result = original(*args, **kwargs)
        data = result[0] if isinstance(result, tuple) else None
        record(data if isinstance(data, bytes) else None)
        return result

    return counted


def cold(site, func):
    """Call ``func`` once on cold caches (the connection cache emptied first)."""
    transaction.abort()
    site._p_jar.db().cacheMinimize()
    func()


class LoadCounter:
    """Counts objects loaded from the storage (wraps the storage's load methods):
    ``count`` all records (catalog buckets and metadata included), ``content``
    the content objects among them (the ones a listing must not wake)."""

    def __init__(self, db):
        self.count = 0
        self.content = 0
        on_loads(db, self._record)

    def _record(self, data):
        self.count += 1
        if data is not None and get_pickle_metadata(data)[0].startswith(CONTENT_MODULES):
            self.content += 1


class ClassLoads:
    """Counts the records loaded from the storage, per class of the object."""

    def __init__(self, db):
        self.classes = Counter()
        on_loads(db, self._record)

    def _record(self, data):
        if data is not None:
            module, klass = get_pickle_metadata(data)
            self.classes[f"{module}.{klass}"] += 1

    def during(self, site, func):
        """``(records, {class: count})`` loaded by one call of ``func`` on cold caches."""
        before = Counter(self.classes)
        cold(site, func)
        loaded = self.classes - before
        return sum(loaded.values()), loaded


def timed(func, repeat):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def woken(site, counter, func):
    """``(records, content objects)`` loaded by one call of ``func`` on cold caches."""
    before = counter.count, counter.content
    cold(site, func)
    return counter.count - before[0], counter.content - before[1]


def catalog(**query):
    """The bare catalog query, its brains materialised (as a listing needs them)."""
    return list(api.portal.get_tool("portal_catalog")(**query))


def fresh(request):
    """Forget what views memoized on the request (each call is a new request)."""
    IAnnotations(request).clear()


def run(site, request, counter, repeat=15):
    """All measurements on ``site``; returns a list of result rows (dicts)."""
    library = site["bieb-000"]
    plan = library["jaarplan-2026"]
    project = plan["project-07"]
    uid = IUUID(library)
    if "bench-doc" not in site.objectIds():
        api.content.create(container=site, type="Document", id="bench-doc", title="Document")
        transaction.commit()
    document = site["bench-doc"]
    if "bench-folder" not in site.objectIds():
        api.content.create(container=site, type="Folder", id="bench-folder", title="Folder")
        transaction.commit()
    folder = site["bench-folder"]
    rows = []

    def row(name, func, baseline, base_name, shown, repeat=repeat):
        func()  # warm up
        baseline()
        ms = timed(func, repeat)
        base_ms = timed(baseline, repeat)
        loads, content = woken(site, counter, func)
        rows.append(
            {
                "name": name,
                "ms": ms,
                "baseline": base_name,
                "base_ms": base_ms,
                "ratio": ms / base_ms if base_ms else float("nan"),
                "loads": loads,
                "woken": content,
                "shown": shown,
            }
        )

    def bare_overview():
        return [
            len(catalog(portal_type="YearPlan", library_uid=uid, sort_on="year")),
            len(catalog(portal_type="SmartProject", library_uid=uid, sort_on="deadline")),
            len(catalog(portal_type="AssuranceProject", library_uid=uid, sort_on="next_review")),
        ]

    overview = pdca_overview(library)
    row(
        "@pdca-overview",
        lambda: pdca_overview(library),
        bare_overview,
        "catalog query",
        sum(plan_["total"] for plan_ in overview["year_plans"]),
    )

    def bare_coverage():
        return [
            len(catalog(portal_type="SmartProject", library_uid=uid)),
            len(catalog(portal_type="Evidence", library_uid=uid, review_state="released")),
            len(catalog(portal_type="AssuranceProject", library_uid=uid)),
        ]

    row(
        "@norm-coverage",
        lambda: norm_coverage(library),
        bare_coverage,
        "catalog query",
        len(norm_coverage(library)["items"]),
    )

    plan_path = "/".join(plan.getPhysicalPath())

    def board_data():
        fresh(request)
        return getMultiAdapter((plan, request), name="board").columns()

    def board_page():
        fresh(request)
        return getMultiAdapter((plan, request), name="board")()

    def bare_board():
        return catalog(
            path={"query": plan_path, "depth": 1}, portal_type="SmartProject", sort_on="deadline"
        )

    shown = len(bare_board())
    row("year plan board", board_data, bare_board, "catalog query", shown)
    row("year plan board (page)", board_page, bare_board, "catalog query", shown)

    text = "voorlezen peuters Medemblik"
    row(
        "@similar-projects",
        lambda: similar_projects(text, own_library_uid=uid),
        lambda: len(catalog(portal_type="SmartProject", SearchableText=text_query(text))),
        "catalog query",
        len(similar_projects(text, own_library_uid=uid)),
    )

    row(
        "GET SmartProject",
        lambda: getMultiAdapter((project, request), ISerializeToJson)(),
        lambda: getMultiAdapter((document, request), ISerializeToJson)(),
        "GET Document",
        1,
    )

    target = site["bieb-001"]["jaarplan-2026"]

    def do_copy():
        copy_project(project, target)
        transaction.abort()

    def create_document():
        api.content.create(container=folder, type="Document", title="Kopie", safe_id=True)
        transaction.abort()

    row("@copy-project", do_copy, create_document, "create Document", 1, repeat=9)

    def do_rollover():
        rollover(library, 2026, 2027)
        transaction.abort()

    def create_plan_with_docs():
        plan_folder = api.content.create(container=folder, type="Folder", title="Plan")
        for index in range(40):
            api.content.create(container=plan_folder, type="Document", title=f"D{index}")
        transaction.abort()

    row(
        "@rollover (40 projects)",
        do_rollover,
        create_plan_with_docs,
        "create 40 Documents",
        40,
        repeat=3,
    )
    return rows
