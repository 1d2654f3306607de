"""Run bibqual as a small cluster: Zope instances sharing one PostgreSQL database (RelStorage).

Usage: python scripts/cluster.py [--db NAME] [--dsn DSN] [--port PORT] [--host HOST] [--nodes N]

``make start-cluster`` runs this. It creates the database when it is missing (``bibqual_cluster``
on 127.0.0.1:5432 as user postgres unless ``--db``/``CLUSTER_DB`` or a full ``--dsn``/
``RELSTORAGE_DSN`` says otherwise; RelStorage creates its tables on first open), writes one
instance per node with scripts/instance.py (``node1`` on PORT, ``node2`` on PORT+1, each with its
own folder var/cluster/nodeN/ for configuration, logs and blob cache), creates the site once with
scripts/create_site.py and then serves until Ctrl-C (SIGINT) or SIGTERM, which stops every node.
A node that stops by itself is reported; the others go on serving.

The functions are used by the cluster tests (tests/cluster) too.
"""

from pathlib import Path
import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request


ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEFAULT_DB = "bibqual_cluster"
DEFAULT_SERVER = "host=127.0.0.1 port=5432 user=postgres"

sys.path.insert(0, str(Path(__file__).resolve().parent))
from instance import write  # noqa: E402


def dsn_for(db: str, server: str = DEFAULT_SERVER) -> str:
    """The RelStorage DSN of database ``db`` on ``server`` (libpq key=value words)."""
    return f"{server} dbname={db}"


def _connect_maintenance(dsn: str):
    """A connection to the ``postgres`` database of the server of ``dsn``, autocommit."""
    from psycopg2.extensions import parse_dsn
    import psycopg2

    params = parse_dsn(dsn)
    name = params.pop("dbname", None) or DEFAULT_DB
    params["dbname"] = "postgres"
    params.setdefault("connect_timeout", "10")
    connection = psycopg2.connect(**params)
    connection.autocommit = True
    return connection, name


def check_server(dsn: str) -> None:
    """Raise ``RuntimeError`` with a clear message when the server of ``dsn`` does not answer."""
    try:
        connection, _name = _connect_maintenance(dsn)
    except Exception as error:
        raise RuntimeError(
            f"PostgreSQL is not reachable for RelStorage ({dsn}): {str(error).strip()}\n"
            "Start it, e.g.: "
            "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
        ) from error
    connection.close()


def ensure_database(dsn: str) -> bool:
    """Create the database of ``dsn`` when it does not exist; return whether it was created."""
    from psycopg2 import sql

    connection, name = _connect_maintenance(dsn)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            if cursor.fetchone():
                return False
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            return True
    finally:
        connection.close()


def drop_database(dsn: str) -> None:
    """Drop the database of ``dsn``, ending its remaining sessions (PostgreSQL 13+)."""
    from psycopg2 import sql

    connection, name = _connect_maintenance(dsn)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
    finally:
        connection.close()


def write_node(name: str, port: int, host: str, dsn: str, var: Path | None = None) -> Path:
    """Write the instance of node ``name`` on RelStorage ``dsn``; return its etc folder.

    Every node has its own var folder (default var/cluster/NAME): logs, pid file, template cache
    and the RelStorage blob cache are per process, as they would be on separate machines.
    """
    var = Path(var) if var is not None else ROOT / "var" / "cluster" / name
    return write(name, port, host, var=var, dsn=dsn)


def create_site(etc: Path, timeout: float = 600) -> str:
    """Create the Plone site (idempotent) through the instance in ``etc``; return the output."""
    result = subprocess.run(
        [str(BIN / "zconsole"), "run", str(etc / "zope.conf"), "scripts/create_site.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode:
        raise RuntimeError(f"creating the site failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def _end_with_parent_hook():
    """A function for the child that asks for SIGTERM when its parent dies (Linux), or None.

    libc is loaded here, in the parent: the hook itself only calls prctl(PR_SET_PDEATHSIG).
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    return lambda: prctl(1, signal.SIGTERM)


def start_node(etc: Path, log: Path | None = None) -> subprocess.Popen:
    """Start ``runwsgi`` for the instance in ``etc`` in a process group of its own.

    The node is not in the terminal's process group (Ctrl-C reaches only the launcher, which
    stops the nodes in order), and it ends when the launcher dies without stopping it.
    """
    output = open(log, "ab") if log is not None else None  # the child keeps its own copy
    try:
        return subprocess.Popen(
            [str(BIN / "runwsgi"), str(etc / "zope.ini")],
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT if output else None,
            start_new_session=True,
            preexec_fn=_end_with_parent_hook(),
        )
    finally:
        if output is not None:
            output.close()


def wait_until_up(url: str, process: subprocess.Popen, timeout: float = 120) -> float:
    """Wait until ``url`` answers (any HTTP status); return the seconds it took.

    Raises ``RuntimeError`` when the process ends or ``timeout`` seconds pass first.
    """
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the instance stopped with exit code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return time.monotonic() - started
        except urllib.error.HTTPError:
            return time.monotonic() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def stop_node(process: subprocess.Popen, timeout: float = 20) -> None:
    """Stop a node started by ``start_node``: SIGTERM to its group, SIGKILL after ``timeout``."""
    if process.poll() is not None:
        return
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=timeout)
            return
        except subprocess.TimeoutExpired:
            continue


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--db", default=os.environ.get("CLUSTER_DB") or DEFAULT_DB)
    parser.add_argument("--dsn", default=os.environ.get("RELSTORAGE_DSN", ""))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8080")))
    parser.add_argument("--host", default=os.environ.get("HOST", "0.0.0.0"))
    parser.add_argument("--nodes", type=int, default=2)
    args = parser.parse_args()
    dsn = args.dsn.strip() or dsn_for(args.db)
    try:
        check_server(dsn)
    except RuntimeError as error:
        sys.exit(str(error))
    if ensure_database(dsn):
        print(f"Created the PostgreSQL database ({dsn}).")
    nodes = []
    for number in range(1, args.nodes + 1):
        name, port = f"node{number}", args.port + number - 1
        nodes.append((name, port, write_node(name, port, args.host, dsn)))
    print("Creating the site unless it exists (the first time takes a minute) ...", flush=True)
    print(create_site(nodes[0][2]).strip(), flush=True)

    stopping = []

    def request_stop(signum, frame):
        stopping.append(signum)

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    running = {}
    failed = False
    try:
        for name, port, etc in nodes:
            running[name] = start_node(etc)
            print(f"{name}: http://localhost:{port}/Plone (admin/admin), pid {running[name].pid}")
        print(f"{len(nodes)} instances on {dsn}; Ctrl-C stops them all.", flush=True)
        while running and not stopping:
            for name, process in list(running.items()):
                if process.poll() is not None:
                    print(f"{name} stopped with exit code {process.returncode}", flush=True)
                    failed = failed or process.returncode != 0
                    del running[name]
            time.sleep(0.5)
    finally:
        for name, process in running.items():  # all at once, then wait for each
            print(f"Stopping {name} (pid {process.pid})", flush=True)
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for process in running.values():
            stop_node(process)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
