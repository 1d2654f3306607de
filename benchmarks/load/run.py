"""Audit season on the cluster: ``make load`` (or ``python benchmarks/load/run.py``).

For every network size (``--sizes``, default 2,000 and 20,000 projects; made once in PostgreSQL
database ``bibqual_load_SIZE`` and reused), every number of instances (``--instances``, default 1
and 2, RelStorage, ports from ``--port``) and every number of simultaneous people (``--users``,
default 10, 25 and 50) locust runs ``benchmarks/load/locustfile.py`` headless for ``--duration``
after a warm-up that is not counted. It prints per request type p50/p95/p99 in ms and the ratio
of its p95 to the p95 of Plone's own page or service in the same run, writes everything to
``var/load/results/load.csv`` (locust's own CSVs beside it) and exits 1 when a target is missed:

- every bibqual page and service p95 at most 1.3 x its Plone baseline (at 25 people on 2
  instances, or in every run when that one is not part of the matrix); the board at most 1.0 x
  Plone's folder listing of as many items;
- no failed request in any run (a ConflictError that Zope could not retry is a failure);
- the cost does not grow with the network: each bibqual request's ratio to its baseline at the
  largest network at most 1.2 x that ratio at the smallest (raw p95s printed beside it).

The throughput of two instances over one is printed twice: for the same people (who think
between clicks, so both serve what they ask) and at capacity (``--capacity-users`` people who do
not think, for ``--capacity-duration``, after the measured runs of each instance count).

``--hosts URL,URL`` runs against instances that are already serving a prepared site instead (the
demo site after ``LOAD_PROJECTS=0 zconsole run ZOPE_CONF benchmarks/load/populate.py``, or a
cluster of another machine); ``--targets failures`` checks only that nothing failed (the smoke
run of the test suite: a few people for a minute, where timings on a busy machine mean little).
"""

from pathlib import Path
import argparse
import os
import subprocess
import sys
import time


ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.load import network  # noqa: E402
from benchmarks.load import report  # noqa: E402
from benchmarks.load.people import PEOPLE_LIBRARIES  # noqa: E402


BIN = Path(sys.executable).parent
LOCUSTFILE = ROOT / "benchmarks" / "load" / "locustfile.py"
TARGET_USERS, TARGET_INSTANCES = 25, 2
ADMIN = ("admin", "admin")


def library_ids(url, auth=ADMIN):
    """The ids of the libraries with load-test people (the first ``PEOPLE_LIBRARIES`` by id)."""
    import requests

    response = requests.get(
        f"{url}/@search",
        params={"portal_type": "Library", "sort_on": "id", "b_size": PEOPLE_LIBRARIES},
        headers={"Accept": "application/json"},
        auth=auth,
        timeout=60,
    )
    response.raise_for_status()
    return [item["@id"].rsplit("/", 1)[-1] for item in response.json()["items"]]


def run_locust(hosts, users, duration, prefix, libraries, spawn_rate=5, think=None):
    """Run locust headless against ``hosts`` (site URLs); return its exit code.

    A child process: locust patches the standard library with gevent, Zope must never see it.
    """
    command = [
        str(BIN / "locust"),
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "--only-summary",
        "--host",
        hosts[0],
        "--users",
        str(users),
        "--spawn-rate",
        str(spawn_rate),
        "--run-time",
        duration,
        "--csv",
        str(prefix),
        "--stop-timeout",
        "30",
        "--loglevel",
        "WARNING",
    ]
    env = {
        **os.environ,
        "LOAD_HOSTS": ",".join(hosts),
        "LOAD_LIBRARIES": ",".join(libraries),
        "PYTHONPATH": str(ROOT),
    }
    if think is not None:
        env["LOAD_THINK"] = think
    with open(f"{prefix}.log", "w") as log:
        return subprocess.run(command, cwd=ROOT, env=env, stdout=log, stderr=log).returncode


def retried_conflicts(var):
    """How many requests the nodes under ``var`` retried after a ConflictError, so far."""
    total = 0
    for log in Path(var).glob("node*/log/event.log"):
        total += log.read_text(errors="replace").count("Request will be retried")
    return total


class Nodes:
    """The running instances of one network: ``start(count)`` stops the others first."""

    def __init__(self, size, port):
        self.size, self.port, self.running = size, port, []

    def start(self, count):
        self.stop()
        sys.path.insert(0, str(ROOT / "scripts"))
        import cluster

        configs = network.node_configs(self.size, count, self.port)
        for name, port, etc in configs:
            log = network.var_of(self.size) / name / "node.out"
            self.running.append((cluster.start_node(etc, log), f"http://localhost:{port}/Plone"))
        for process, url in self.running:
            cluster.wait_until_up(url, process, timeout=300)
        return [url for _process, url in self.running]

    def stop(self):
        sys.path.insert(0, str(ROOT / "scripts"))
        import cluster

        for process, _url in self.running:
            cluster.stop_node(process)
        self.running = []


def run_once(args, out, key, hosts, libraries, var=None):
    """One measured run of ``key`` = ``(size, instances, users)``: print its table, return stats."""
    size, instances, users = key
    before = retried_conflicts(var) if var else 0
    prefix = out / f"load-{size}-{instances}-{users}"
    run_locust(hosts, users, args.duration, prefix, libraries)
    stats = report.read_stats(prefix)
    conflicts = f"; conflicts retried by Zope: {retried_conflicts(var) - before}" if var else ""
    title = (
        f"\n{label(key)}, {args.duration} "
        f"(p50/p95/p99 in ms; ratio = p95 / p95 of the Plone baseline){conflicts}"
    )
    print(report.table(title, report.with_ratios(stats), stats["total"]), flush=True)
    for failure in stats["failures"]:
        print(f"  FAILED {failure}")
    return stats


def measure_given(args, out):
    """Run against the instances of ``--hosts``; return ``{(0, instances, users): stats}``."""
    libraries = library_ids(args.hosts[0])
    if args.warmup not in ("", "0", "0s"):
        run_locust(
            args.hosts, min(10, max(args.users or [10])), args.warmup, out / "warmup", libraries
        )
    return {
        (0, len(args.hosts), users): run_once(
            args, out, (0, len(args.hosts), users), args.hosts, libraries
        )
        for users in args.users
    }


def measured(out):
    """The runs whose locust CSVs are in ``out`` (``load-SIZE-INSTANCES-USERS_stats.csv``),
    printed again: ``--report`` judges an earlier run without running it again."""
    runs = {}
    for stats_file in sorted(Path(out).glob("load-*_stats.csv")):
        key = tuple(int(part) for part in stats_file.name[5 : -len("_stats.csv")].split("-"))
        runs[key] = stats = report.read_stats(str(stats_file)[: -len("_stats.csv")])
        print(report.table(f"\n{label(key)}", report.with_ratios(stats), stats["total"]))
    return dict(sorted(runs.items()))


def measure(args, out):
    """Run the matrix; return ``{(size, instances, users): stats}``."""
    runs, capacity = {}, {}
    for size in args.sizes:
        started = time.monotonic()
        network.ensure_network(size)
        print(
            f"Network of {size:,} projects ready ({time.monotonic() - started:.0f} s).", flush=True
        )
        nodes = Nodes(size, args.port)
        try:
            for instances in args.instances:
                hosts = nodes.start(instances)
                libraries = library_ids(hosts[0])
                warm = out / f"warmup-{size}-{instances}"
                run_locust(hosts, min(10, max(args.users or [10])), args.warmup, warm, libraries)
                for users in args.users:
                    key = (size, instances, users)
                    runs[key] = run_once(args, out, key, hosts, libraries, network.var_of(size))
                if args.capacity_duration not in ("", "0", "0s"):
                    capacity[size, instances] = measure_capacity(args, out, size, hosts, libraries)
        finally:
            nodes.stop()
    print_capacity(capacity)
    return runs


def measure_capacity(args, out, size, hosts, libraries):
    """Requests per second when nobody thinks between clicks (the instances' capacity)."""
    prefix = out / f"capacity-{size}-{len(hosts)}"
    run_locust(hosts, args.capacity_users, args.capacity_duration, prefix, libraries, think="0,0")
    stats = report.read_stats(prefix)
    failed = stats["total"].get("failures", 0) + stats["exceptions"]
    print(
        f"\nCapacity, {size:,} projects, {len(hosts)} instance(s): {args.capacity_users} people "
        f"without thinking: {stats['total'].get('rps', 0):.1f} requests/s, p95 "
        f"{stats['total'].get('p95', 0):.0f} ms, {failed} failed",
        flush=True,
    )
    return stats["total"].get("rps", 0)


def print_capacity(capacity):
    """The capacity of two instances over one, per network."""
    for (size, instances), rps in sorted(capacity.items()):
        if instances == 2 and (size, 1) in capacity and capacity[size, 1]:
            print(
                f"\nCapacity, {size:,} projects: 1 instance {capacity[size, 1]:.1f}, "
                f"2 instances {rps:.1f} requests/s ({rps / capacity[size, 1]:.2f} x)"
            )


def label(key):
    """``(size, instances, users)`` in words."""
    size, instances, users = key
    network_size = f"{size:,} projects" if size else "the given site"
    return f"{network_size}, {instances} instance(s), {users} people"


def failed(runs):
    """The runs in which requests failed."""
    missed = []
    for key, stats in runs.items():
        count = stats["total"].get("failures", 0) + stats["exceptions"]
        if count:
            missed.append(f"{label(key)}: {count} failed requests")
    return missed


def evaluate(runs):
    """The targets missed by ``runs`` (printed, and the exit code)."""
    missed = failed(runs)
    target_runs = [key for key in runs if key[1:] == (TARGET_INSTANCES, TARGET_USERS)] or list(runs)
    for key in target_runs:
        for line in report.missed_ratios(report.with_ratios(runs[key])):
            missed.append(f"{label(key)}: {line}")
    sizes = sorted({key[0] for key in runs})
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        print(
            f"\nThe network's size: p95 in ms and ratio to the baseline at {small:,} and "
            f"{large:,} projects; growth = ratio at {large:,} / ratio at {small:,} "
            f"(at most {report.SCALE_RATIO})"
        )
        for _size, instances, users in [key for key in target_runs if key[0] == large]:
            if (small, instances, users) not in runs:
                continue
            rows = report.scale_ratios(runs[small, instances, users], runs[large, instances, users])
            for name, p95_small, p95_large, ratio_small, ratio_large, growth in rows:
                mark = " MISSED" if growth > report.SCALE_RATIO else ""
                print(
                    f"  {name:34} {p95_small:6.0f} {p95_large:6.0f} {ratio_small:6.2f} "
                    f"{ratio_large:6.2f} {growth:6.2f}{mark}"
                )
                if mark:
                    missed.append(
                        f"{name}: ratio {ratio_large:.2f} at {large:,} is {growth:.2f} x "
                        f"{ratio_small:.2f} at {small:,} projects"
                    )
    print("\nThroughput, two instances / one (same size, same people):")
    for (size, instances, users), stats in sorted(runs.items()):
        if instances == 2 and (size, 1, users) in runs:
            one, two = runs[size, 1, users]["total"]["rps"], stats["total"]["rps"]
            print(
                f"  {size:,} projects, {users} people: {one:.1f} -> {two:.1f} requests/s "
                f"({two / one if one else 0:.2f} x)"
            )
    return missed


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    numbers = lambda text: [int(part) for part in text.split(",") if part]  # noqa: E731
    parser.add_argument("--sizes", type=numbers, default=[2000, 20000])
    parser.add_argument("--users", type=numbers, default=[10, 25, 50])
    parser.add_argument("--instances", type=numbers, default=[1, 2])
    parser.add_argument("--duration", default="2m", help="per run, locust's format: 90s, 10m")
    parser.add_argument("--warmup", default="30s", help="not counted, after the nodes start")
    parser.add_argument("--port", type=int, default=8200, help="of the first instance")
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "load" / "results")
    parser.add_argument(
        "--hosts",
        type=lambda text: [h for h in text.split(",") if h],
        default=[],
        help="serving instances (site URLs) instead of the matrix",
    )
    parser.add_argument("--targets", choices=("all", "failures"), default="all")
    parser.add_argument("--report", action="store_true", help="judge the runs already in --out")
    parser.add_argument("--capacity-users", type=int, default=20)
    parser.add_argument(
        "--capacity-duration",
        default="60s",
        help="a run without think time per instance count (0: none)",
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.report:
        runs = measured(args.out)
    else:
        runs = measure_given(args, args.out) if args.hosts else measure(args, args.out)
    report.write_csv(args.out / "load.csv", runs)
    missed = evaluate(runs) if args.targets == "all" else failed(runs)
    print(f"\nAll figures: {args.out / 'load.csv'}")
    if missed:
        print("\nTargets missed:\n  " + "\n  ".join(missed))
        sys.exit(1)
    print("\nEvery target met.")


if __name__ == "__main__":
    main()
