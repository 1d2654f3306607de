"""The load test's report: locust's CSV in, a table with ratios and the targets out.

``read_stats(prefix)`` reads locust's ``PREFIX_stats.csv``, ``_failures.csv`` and
``_exceptions.csv``; ``table(rows)`` lays a run out as text; ``check`` returns the missed targets.
Every figure compared is a p95 measured in the same run as its baseline (``names.baseline_of``).
"""

from benchmarks.load import names
import csv


PERCENTILES = {"p50": "50%", "p95": "95%", "p99": "99%"}
COLUMNS = (
    "size",
    "instances",
    "users",
    "name",
    "count",
    "failures",
    "p50",
    "p95",
    "p99",
    "baseline",
    "ratio",
    "allowed",
    "rps",
)
MIN_SAMPLES = 20  # a p95 of fewer requests is one slow request: shown, not judged
SCALE_RATIO = 1.2  # a ratio to the baseline at 20,000 projects at most 1.2 x that at 2,000


def _number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def read_stats(prefix):
    """``{"rows": {name: {...}}, "total": {...}, "failures": [...], "exceptions": int}``."""
    rows, total = {}, {}
    with open(f"{prefix}_stats.csv", newline="", encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            row = {
                "count": int(_number(record["Request Count"])),
                "failures": int(_number(record["Failure Count"])),
                "rps": _number(record["Requests/s"]),
                **{key: _number(record[column]) for key, column in PERCENTILES.items()},
            }
            if record["Name"] == "Aggregated":
                total = row
            else:
                rows[record["Name"]] = row
    failures = []
    with open(f"{prefix}_failures.csv", newline="", encoding="utf-8") as handle:
        failures = [
            f"{record['Occurrences']} x {record['Method']} {record['Name']}: {record['Error']}"
            for record in csv.DictReader(handle)
        ]
    with open(f"{prefix}_exceptions.csv", newline="", encoding="utf-8") as handle:
        exceptions = [
            f"{record['Count']} x {record['Message']}" for record in csv.DictReader(handle)
        ]
    return {
        "rows": rows,
        "total": total,
        "failures": failures + exceptions,
        "exceptions": len(exceptions),
    }


def with_ratios(stats):
    """The rows of one run, each with its baseline, its p95 ratio and the ratio allowed."""
    rows = stats["rows"]
    result = []
    for name in sorted(rows, key=_order):
        row = dict(rows[name], name=name, baseline="", ratio=None, allowed=None, judged=False)
        compared = names.baseline_of(name)
        if compared and compared[0] in rows and rows[compared[0]]["p95"]:
            row["baseline"], row["allowed"] = compared
            row["ratio"] = row["p95"] / rows[compared[0]]["p95"]
            enough = min(row["count"], rows[compared[0]]["count"]) >= MIN_SAMPLES
            row["judged"] = enough and row["allowed"] is not None
        result.append(row)
    return result


def _order(name):
    kinds = (
        name.startswith("Plone"),
        name in names.PAGES,
        name in names.SERVICES,
        name in names.WRITES,
        name in names.ADDITIONS,
        name.startswith("setup"),
    )
    return (kinds.index(True) if True in kinds else len(kinds), name)


def table(title, rows, total):
    """The run as text: one line per request type, then the totals."""
    lines = [title]
    header = (
        f"{'request':34} {'count':>6} {'fail':>5} {'p50':>6} {'p95':>6} {'p99':>6} "
        f"{'ratio':>6} {'max':>5}  compared with"
    )
    lines += [header, "-" * len(header)]
    for row in rows:
        ratio = f"{row['ratio']:6.2f}" if row["ratio"] is not None else " " * 6
        allowed = f"{row['allowed']:5.1f}" if row["allowed"] is not None else " " * 5
        mark = " MISSED" if _missed(row) else ""
        if row["ratio"] is not None and row["allowed"] is None:
            mark = " (Plone's own: for information)"
        elif row["ratio"] is not None and not row["judged"]:
            mark = f" (fewer than {MIN_SAMPLES}: not judged)"
        lines.append(
            f"{row['name'][:34]:34} {row['count']:6d} {row['failures']:5d} {row['p50']:6.0f} "
            f"{row['p95']:6.0f} {row['p99']:6.0f} {ratio} {allowed}  {row['baseline']}{mark}"
        )
    lines.append(
        f"{'all requests':34} {total.get('count', 0):6d} {total.get('failures', 0):5d} "
        f"{total.get('p50', 0):6.0f} {total.get('p95', 0):6.0f} {total.get('p99', 0):6.0f}"
        f"   {total.get('rps', 0):.1f} requests/s"
    )
    return "\n".join(lines)


def _missed(row):
    return row["judged"] and row["ratio"] > row["allowed"]


def missed_ratios(rows):
    """The requests whose p95 ratio is above what is allowed."""
    return [
        f"{row['name']}: {row['ratio']:.2f} > {row['allowed']:.1f} x {row['baseline']}"
        for row in rows
        if _missed(row)
    ]


def scale_ratios(small, large):
    """``[(name, p95 small, p95 large, ratio small, ratio large, growth)]`` of the bibqual
    requests judged in both runs (``MIN_SAMPLES``): ``growth`` is the request's ratio to its
    baseline on the
    large network over that ratio on the small one (what the network's size adds to bibqual's
    cost beyond what it adds to Plone's own pages, which run on the same catalog)."""
    before = {row["name"]: row for row in with_ratios(small)}
    result = []
    for row in with_ratios(large):
        first = before.get(row["name"])
        if not row["judged"] or first is None or not first["judged"]:
            continue
        result.append(
            (
                row["name"],
                first["p95"],
                row["p95"],
                first["ratio"],
                row["ratio"],
                row["ratio"] / first["ratio"],
            )
        )
    return result


def write_csv(path, runs):
    """All runs in one CSV (``COLUMNS``), for a spreadsheet."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for (size, instances, users), stats in runs.items():
            for row in with_ratios(stats):
                writer.writerow(
                    [
                        size,
                        instances,
                        users,
                        row["name"],
                        row["count"],
                        row["failures"],
                        row["p50"],
                        row["p95"],
                        row["p99"],
                        row["baseline"],
                        "" if row["ratio"] is None else f"{row['ratio']:.3f}",
                        "" if row["allowed"] is None else row["allowed"],
                        f"{row['rps']:.2f}",
                    ]
                )
