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
        [str(BIN / "zconsole"), "run", str(cluster.nodes[0].etc / "zope.conf"),
         "benchmarks/load/populate.py"],
        cwd=ROOT, env={**os.environ, "LOAD_PROJECTS": "0"}, capture_output=True, text=True,
        timeout=300,
    )
    assert prepared.returncode == 0, prepared.stdout[-2000:] + prepared.stderr[-2000:]
    out = tmp_path_factory.mktemp("load")
    hosts = ",".join(f"http://localhost:{node.port}/Plone" for node in cluster.nodes)
    result = subprocess.run(
        [sys.executable, "benchmarks/load/run.py", "--hosts", hosts, "--users", str(PEOPLE),
         "--duration", DURATION, "--warmup", "0", "--targets", "failures", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    with open(out / "load.csv", newline="", encoding="utf-8") as handle:
        rows = {row["name"]: row for row in csv.DictReader(handle)}
    return result.returncode, result.stdout + result.stderr, rows


def test_nothing_fails(smoke):
    code, printed, rows = smoke
    assert code == 0, printed
    assert "Every target met." in printed
    assert all(int(row["failures"]) == 0 for row in rows.values()), printed


@pytest.mark.parametrize(
    "name",
    [
        "board (year plan)",
        "project page",
        "REST GET SmartProject",
        "dashboard (library)",
        "quality-dossier page",
        "Plone: Document page",
        "Plone: REST GET Document",
        "Plone: Document page (anonymous)",
    ],
)
def test_every_kind_of_person_was_served(smoke, name):
    """Staff, coordinators, auditors and visitors each made their requests, and the report
    compares bibqual's with Plone's own measured in the same run."""
    _code, printed, rows = smoke
    assert int(rows[name]["count"]) > 0, printed


def test_bibqual_requests_are_compared_with_plones(smoke):
    _code, _printed, rows = smoke
    assert rows["board (year plan)"]["baseline"] == "Plone: folder listing"
    assert rows["REST GET SmartProject"]["baseline"] == "Plone: REST GET Document"
    assert float(rows["REST GET SmartProject"]["ratio"]) > 0
