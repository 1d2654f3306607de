"""A two-node bibqual cluster on RelStorage for the tests in this folder.

The fixture ``cluster`` (package scope: shared by the modules of this folder, and the nodes stop as
soon as these tests are done, not at the end of ``make test``) creates a fresh PostgreSQL database
(unique name, dropped at the end) on 127.0.0.1:5432, writes two instances with scripts/instance.py
(through the helpers of scripts/cluster.py, which ``make start-cluster`` uses too) on free ports of
127.0.0.1, creates the site once with ``zconsole run scripts/create_site.py`` and starts both
instances with ``runwsgi``, each in a process group of its own. Whatever happens, both processes
are stopped and the database is dropped at the end. When PostgreSQL does not answer, every test
here fails with the reason: the cluster tests are part of ``make test`` and are never skipped.
``BIBQUAL_TEST_PG`` names another server (libpq words, default ``host=127.0.0.1 port=5432
user=postgres``).
"""

from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
import importlib.util
import os
import pytest
import signal
import socket
import subprocess
import time


ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
SERVER = os.environ.get("BIBQUAL_TEST_PG", "host=127.0.0.1 port=5432 user=postgres")
RESERVED_PORTS = range(8080, 8094)  # kept for make start and developers' own instances
START_TIMEOUT = 180
AUTH = ("admin", "admin")


def _load_cluster_script():
    spec = importlib.util.spec_from_file_location("bibqual_cluster", ROOT / "scripts/cluster.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cluster_script = _load_cluster_script()


def free_port() -> int:
    """A free TCP port on 127.0.0.1 outside the ports reserved for other instances."""
    for _attempt in range(50):
        with socket.socket() as probe:
            probe.bind((HOST, 0))
            port = probe.getsockname()[1]
        if port not in RESERVED_PORTS:
            return port
    raise RuntimeError("no free port found")


@dataclass
class Node:
    """One Zope instance of the cluster."""

    name: str
    port: int
    etc: Path
    log: Path
    process: subprocess.Popen | None = None
    starts: list = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/Plone"

    def start(self) -> None:
        self.process = cluster_script.start_node(self.etc, self.log)
        try:
            took = cluster_script.wait_until_up(self.url, self.process, START_TIMEOUT)
        except RuntimeError as error:
            raise RuntimeError(f"{error}\n{self.tail()}") from error
        self.starts.append(took)

    def stop(self) -> None:
        if self.process is not None:
            cluster_script.stop_node(self.process)

    def kill(self) -> None:
        """SIGKILL, as a crash or the OOM killer would."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def retried_conflicts(self) -> int:
        """How many times this node's publisher retried a request after a conflict."""
        event_log = self.etc.parent.parent.parent / "log" / "event.log"
        try:
            text = event_log.read_text(errors="replace")
        except OSError:
            return 0
        return text.count("Request will be retried")

    def session(self):
        import requests

        session = requests.Session()
        session.auth = AUTH
        session.headers.update({"Accept": "application/json", "Content-Type": "application/json"})
        return session


@dataclass
class Cluster:
    dsn: str
    nodes: list


@pytest.fixture(scope="package")
def cluster(tmp_path_factory):
    """Two running instances (``cluster.nodes``) on one fresh PostgreSQL database."""
    problem = None
    try:
        import psycopg2  # noqa: F401
        import relstorage  # noqa: F401
    except ImportError as error:
        problem = f"RelStorage is not installed ({error}): make install"
    name = f"bibqual_test_{os.getpid()}_{int(time.time())}"
    dsn = cluster_script.dsn_for(name, SERVER)
    if problem is None:
        try:
            cluster_script.check_server(dsn)
        except RuntimeError as error:
            problem = f"The cluster tests need PostgreSQL at 127.0.0.1:5432.\n{error}"
    if problem:  # fail, never skip: these tests are part of make test
        pytest.fail(problem, pytrace=False)
    cluster_script.ensure_database(dsn)
    base = tmp_path_factory.mktemp("cluster")
    nodes = []
    try:
        for number in (1, 2):
            node_name = f"node{number}"
            port = free_port()
            etc = cluster_script.write_node(node_name, port, HOST, dsn, var=base / node_name)
            nodes.append(Node(node_name, port, etc, base / f"{node_name}.out"))
        cluster_script.create_site(nodes[0].etc, timeout=600)
        for node in nodes:  # start both, then wait: they load in parallel
            node.process = cluster_script.start_node(node.etc, node.log)
        for node in nodes:
            try:
                took = cluster_script.wait_until_up(node.url, node.process, START_TIMEOUT)
            except RuntimeError as error:
                raise RuntimeError(f"{error}\n{node.tail()}") from error
            node.starts.append(took)
        yield Cluster(dsn, nodes)
    finally:
        for node in nodes:
            node.stop()
        cluster_script.drop_database(dsn)
