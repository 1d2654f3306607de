"""The load test's databases: one PostgreSQL database per network size, filled once.

``ensure_network(projects)`` creates ``bibqual_load_PROJECTS`` when it is missing and fills it
through ``benchmarks/load/populate.py`` (generation takes long at 20,000 projects: it is done once
and reused by every later run; its time is printed both times). ``node_configs`` writes the Zope
instances that serve it, one folder per node under ``var/load/PROJECTS/``.
"""

from pathlib import Path
import os
import subprocess
import sys


ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import cluster  # noqa: E402  (scripts/cluster.py)


BIN = Path(sys.executable).parent
SERVER = os.environ.get("BIBQUAL_LOAD_PG", cluster.DEFAULT_SERVER)


def database_name(projects):
    return f"bibqual_load_{projects}"


def dsn_of(projects):
    return cluster.dsn_for(database_name(projects), SERVER)


def var_of(projects):
    return ROOT / "var" / "load" / str(projects)


def node_configs(projects, count, first_port, host="127.0.0.1"):
    """``[(name, port, etc)]`` of ``count`` nodes serving the network of ``projects``."""
    nodes = []
    for number in range(1, count + 1):
        name, port = f"node{number}", first_port + number - 1
        etc = cluster.write_node(name, port, host, dsn_of(projects), var=var_of(projects) / name)
        nodes.append((name, port, etc))
    return nodes


def ensure_network(projects, log=print):
    """Create and fill the database of the ``projects`` network unless it is complete."""
    dsn = dsn_of(projects)
    cluster.check_server(dsn)
    if cluster.ensure_database(dsn):
        log(f"Created database {database_name(projects)}; generating (this takes a while) ...")
    _name, _port, etc = node_configs(projects, 1, 0)[0]
    result = subprocess.run(
        [str(BIN / "zconsole"), "run", str(etc / "zope.conf"), "benchmarks/load/populate.py"],
        cwd=ROOT,
        env={**os.environ, "LOAD_PROJECTS": str(projects)},
    )
    if result.returncode:
        raise RuntimeError(f"generating the {projects:,}-project network failed (see above)")
    return dsn


if __name__ == "__main__":
    for size in sys.argv[1:] or ["2000"]:
        ensure_network(int(size))
