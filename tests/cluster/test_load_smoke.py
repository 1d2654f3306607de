"""The load test in small (``make load`` in the suite): a few people for a minute on the cluster.

The two nodes of ``cluster`` serve the demo site; ``benchmarks/load/populate.py`` adds the
load-test people, files, round and Plone's baseline pages to it, and ``benchmarks/load/run.py``
runs locust (in a process of its own) against both nodes with every kind of person: staff who
open boards and projects, record results, take steps and add projects; coordinators on the
dashboard, coverage, dossier and round, completing and releasing; auditors downloading evidence;
anonymous visitors. Nothing may fail, a ConflictError included; timings are not judged here.
"""

from pathlib import Path
import csv
import os
import pytest
import subprocess
import sys


pytestmark = pytest.mark.cluster

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PEOPLE = 8
DURATION = "60s"


@pytest.fixture(scope="module")
def smoke(cluster, tmp_path_factory):
    """The smoke run's output: ``(exit code, printed report, rows of load.csv)``."""
    prepared = subprocess.run(
        [
            str(BIN / "zconsole"),
            "run",
            str(cluster.nodes[0].etc / "zope.conf"),
            "benchmarks/load/populate.py",
        ],
        cwd=ROOT,
        env={**os.environ, "LOAD_PROJECTS": "0"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert prepared.returncode == 0, prepared.stdout[-2000:] + prepared.stderr[-2000:]
    out = tmp_path_factory.mktemp("load")
    hosts = ",".join(f"http://localhost:{node.port}/Plone" for node in cluster.nodes)
    result = subprocess.run(
        [
            sys.executable,
            "benchmarks/load/run.py",
            "--hosts",
            hosts,
            "--users",
            str(PEOPLE),
            "--duration",
            DURATION,
            "--warmup",
            "0",
            "--targets",
            "failures",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    with open(out / "load.csv", newline="", encoding="utf-8") as handle:
        rows = {row["name"]: row for row in csv.DictReader(handle)}
    return result.returncode, result.stdout + result.stderr, rows


def test_nothing_fails(smoke):
    code, printed, rows = smoke
    assert code == 0, printed
    assert "Every target met." in printed
    assert all(int(row["failures"]) == 0 for row in rows.values()), printed


# what only each kind of person requests (a minute is short: any of them will do)
KINDS = {
    "staff": ("board (year plan)", "REST GET SmartProject", "@board", "Plone: PATCH Document"),
    "coordinator": (
        "dashboard (library)",
        "pdca-overview page",
        "norm-coverage page",
        "@norm-coverage",
        "certification round page",
    ),
    "auditor": ("audit-overview page", "evidence page", "evidence download"),
    "visitor": ("Plone: Document page (anonymous)", "Plone: front page (anonymous)"),
}


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_person_was_served(smoke, kind):
    """Staff, coordinators, auditors and visitors each made their own requests."""
    _code, printed, rows = smoke
    assert sum(int(rows[name]["count"]) for name in KINDS[kind] if name in rows) > 0, printed


def test_bibqual_requests_are_compared_with_plones(smoke):
    """Each bibqual request whose baseline was requested in the run names that Plone request
    (measured in the same run) and has the ratio of their p95s."""
    _code, printed, rows = smoke
    compared = {name: row for name, row in rows.items() if row["baseline"]}
    assert len(compared) >= 5, printed
    for name, row in compared.items():
        assert not name.startswith("Plone"), name
        assert row["baseline"].startswith("Plone: ") and row["baseline"] in rows, name
        baseline_p95 = float(rows[row["baseline"]]["p95"])
        expected = float(row["p95"]) / baseline_p95
        assert float(row["ratio"]) == pytest.approx(expected, rel=0.01, abs=0.001), name
