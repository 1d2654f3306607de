"""Two Zope instances on one PostgreSQL database (RelStorage): what one writes, the other reads;
concurrent writers in one year plan lose nothing; a node that dies leaves the other serving.

Every request loop here is bounded by a count and a deadline, and talks to 127.0.0.1 only.
"""

from concurrent.futures import ThreadPoolExecutor
import pytest
import random
import requests
import threading
import time


pytestmark = pytest.mark.cluster


# ZODB conflicts that were not resolved within Zope's own retries come back as 409, or as 500
# naming a ConflictError; the clients here retry those few times and count every retry.
CLIENT_RETRIES = 5
REQUEST_TIMEOUT = 60
POLL_TIMEOUT = 10  # seconds another node may take to see a commit
LOAD_DEADLINE = 150  # seconds for one node's client in a load test


@pytest.fixture(autouse=True)
def _nodes_are_up(cluster):
    """Each test starts with both nodes serving (a failed test may have left one down)."""
    for node in cluster.nodes:
        if not node.alive():
            node.stop()
            node.start()


def is_conflict(response) -> bool:
    """Whether ``response`` reports a ZODB conflict that Zope did not resolve by retrying."""
    if response.status_code == 409:
        return True
    if response.status_code != 500:
        return False
    try:
        body = response.json()
    except ValueError:
        return "ConflictError" in response.text
    kind = str(body.get("type", ""))
    message = str(body.get("message", ""))
    return "Conflict" in kind or kind.startswith("UnableToLock") or "conflict error" in message


class Client:
    """A REST client bound to one node, with a bounded retry of unresolved conflicts."""

    def __init__(self, node):
        self.node = node
        self.http = node.session()
        self.conflict_retries = 0
        self.lock = threading.Lock()

    def url(self, path: str) -> str:
        """``path`` is site-relative (``/lib/plan``) or a full URL of any node."""
        if path.startswith("http"):
            path = path.split("/Plone", 1)[1]
        return self.node.url + path

    def request(self, method: str, path: str, **kwargs):
        kwargs.setdefault("timeout", REQUEST_TIMEOUT)
        for attempt in range(CLIENT_RETRIES + 1):
            response = self.http.request(method, self.url(path), **kwargs)
            if not is_conflict(response) or attempt == CLIENT_RETRIES:
                return response
            with self.lock:
                self.conflict_retries += 1
            time.sleep(random.uniform(0.2, 1.0) * (attempt + 1))
        return response

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path: str, payload: dict, **kwargs):
        return self.request("POST", path, json=payload, **kwargs)

    def close(self) -> None:
        self.http.close()


def project_payload(title: str, year: int) -> dict:
    """A SmartProject ready for ``start``: specific, deadline and an indicator with a target."""
    return {
        "@type": "SmartProject",
        "title": title,
        "specific": f"{title}: elke vestiging biedt het wekelijks aan.",
        "start": f"{year}-02-01",
        "deadline": f"{year}-11-30",
        "budget": 1000,
        "norm_fields": ["dienstverlening"],
        "core_functions": ["lezen-en-literatuur"],
        "indicators": [{"name": "Deelnemers", "target": 40, "actual": None, "unit": "personen"}],
    }


def site_path(url: str) -> str:
    return url.split("/Plone", 1)[1]


def poll(check, timeout: float = POLL_TIMEOUT, interval: float = 0.2):
    """Call ``check`` until it returns a true value or ``timeout`` passes; return the last value."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)


def make_plan(client: Client, title: str, year: int) -> str:
    """A Library with one YearPlan, created through ``client``; return the plan's site path."""
    response = client.post("", {"@type": "Library", "title": title, "network": "Cluster"})
    assert response.status_code == 201, response.text
    library = site_path(response.json()["@id"])
    response = client.post(
        library,
        {"@type": "YearPlan", "title": f"Jaarplan {year}", "year": year, "spearheads": ["Lezen"]},
    )
    assert response.status_code == 201, response.text
    return site_path(response.json()["@id"])


def projects_in(client: Client, plan: str) -> dict:
    """``{title: review_state}`` of the SmartProjects in ``plan``, from the catalog."""
    response = client.get(
        f"{plan}/@search",
        params={"portal_type": "SmartProject", "b_size": 500, "metadata_fields": "review_state"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["items_total"] == len(body["items"])
    return {item["title"]: item["review_state"] for item in body["items"]}


def listing_of(client: Client, plan: str) -> set:
    """The titles of the items of ``plan``, from the folder itself (not the catalog)."""
    response = client.get(plan, params={"b_size": 500})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["items_total"] == len(body["items"])
    return {item["title"] for item in body["items"]}


class Writer:
    """One node's client in a load test: creates projects and takes steps, bounded."""

    def __init__(
        self,
        node,
        plan: str,
        year: int,
        prefix: str,
        count: int,
        steps=("start", "evaluate"),
        pause=0.0,
    ):
        """``count`` projects titled ``prefix NNN`` in ``plan``, each taken through ``steps``."""
        self.client = Client(node)
        self.plan = plan
        self.year = year
        self.prefix = prefix
        self.count = count
        self.steps = steps
        self.pause = pause  # seconds between two projects, as a person would take
        self.created = {}  # title -> site path, acknowledged with 201
        self.states = {}  # title -> last state acknowledged with 200
        self.attempted = []
        self.writes = 0  # POST requests sent (client retries not counted)
        self.failures = []  # (what, status or error)
        self.stopped_by_errors = False

    def run(self, deadline: float, stop: threading.Event | None = None) -> None:
        """Create ``count`` projects, or fewer when ``stop`` is set; give up at ``deadline``."""
        connection_errors = 0
        for number in range(self.count):
            if stop is not None and stop.is_set():
                return
            if time.monotonic() > deadline:
                self.failures.append(("deadline", number))
                return
            if number and self.pause:
                time.sleep(self.pause)
            title = f"{self.prefix} {number:03d}"
            self.attempted.append(title)
            try:
                self.writes += 1
                response = self.client.post(self.plan, project_payload(title, self.year))
                if response.status_code != 201:
                    self.failures.append((f"create {title}", response.status_code, response.text))
                    continue
                path = site_path(response.json()["@id"])
                self.created[title] = path
                self.states[title] = "plan"
                for step in self.steps:
                    self.writes += 1
                    response = self.client.post(f"{path}/@workflow/{step}", {})
                    if response.status_code != 200:
                        self.failures.append((f"{step} {title}", response.status_code))
                        break
                    self.states[title] = response.json()["review_state"]
                connection_errors = 0
            except requests.RequestException as error:
                self.failures.append((title, repr(error)))
                connection_errors += 1
                if connection_errors >= 3:
                    self.stopped_by_errors = True
                    return
                time.sleep(0.5)


def retried_by_zope(cluster) -> dict:
    return {node.name: node.retried_conflicts() for node in cluster.nodes}


def conflict_report(cluster, writers, before: dict) -> str:
    after = retried_by_zope(cluster)
    published = {name: after[name] - before[name] for name in after}
    client = sum(writer.client.conflict_retries for writer in writers)
    return f"conflicts retried by Zope: {published}, by the clients: {client}"


def check_conflicts_retried_by_zope(cluster, writers, before: dict) -> None:
    """No conflict reached a client: Zope retried each itself (up to ``max-conflict-retries``,
    10 in bibqual's instances), and bibqual's additions no longer share CMF's version counter."""
    report = conflict_report(cluster, writers, before)
    assert sum(writer.client.conflict_retries for writer in writers) == 0, report


def test_content_created_through_node1_is_read_through_node2(cluster):
    node1, node2 = cluster.nodes
    writer, reader = Client(node1), Client(node2)
    plan = make_plan(writer, "Bibliotheek Eerste Knoop", 2027)

    def seen():
        response = reader.get(plan)
        return response.status_code == 200 and response.json()

    body = poll(seen)
    assert body, f"node2 does not see {plan} within {POLL_TIMEOUT} s"
    assert body["@type"] == "YearPlan"
    assert body["year"] == 2027
    assert body["parent"]["title"] == "Bibliotheek Eerste Knoop"
    library = plan.rsplit("/", 1)[0]
    found = poll(
        lambda: reader.get(f"{library}/@search", params={"portal_type": "YearPlan"}).json()[
            "items_total"
        ]
    )
    assert found == 1, "node2's catalog does not list the year plan made through node1"

    # a login through node 1 is valid on node 2: the keyring lives in the database, so a load
    # balancer needs no sticky sessions
    response = requests.post(
        f"{node1.url}/@login",
        json={"login": "coordinator", "password": "bibqual-demo"},
        headers={"Accept": "application/json"},
        timeout=REQUEST_TIMEOUT,
    )
    assert response.status_code == 200, response.text
    token = response.json()["token"]
    response = requests.get(
        f"{node2.url}/@users/coordinator",
        headers={"Accept": "application/json", "Authorization": f"Bearer {token}"},
        timeout=REQUEST_TIMEOUT,
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == "coordinator"

    # and the other way round: an edit through node 2 is read through node 1
    response = reader.request("PATCH", plan, json={"spearheads": ["Lezen", "Digitaal"]})
    assert response.status_code == 204, response.text
    spearheads = poll(
        lambda: writer.get(plan).json()["spearheads"] == ["Lezen", "Digitaal"] or None
    )
    assert spearheads, "node1 does not see the edit made through node2"


def test_two_nodes_fill_one_year_plan_at_the_same_time(cluster):
    node1, node2 = cluster.nodes
    setup = Client(node1)
    plan = make_plan(setup, "Bibliotheek Gelijktijdig", 2026)
    assert poll(lambda: Client(node2).get(plan).status_code == 200)
    writers = [
        Writer(node1, plan, 2026, "Knoop 1 project", 50),
        Writer(node2, plan, 2026, "Knoop 2 project", 50),
    ]
    before = retried_by_zope(cluster)
    deadline = time.monotonic() + LOAD_DEADLINE
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=2) as pool:
        for future in [pool.submit(writer.run, deadline) for writer in writers]:
            future.result(timeout=LOAD_DEADLINE + 2 * 60)
    took = time.monotonic() - started
    report = conflict_report(cluster, writers, before)
    print(f"\n300 writes through two nodes in {took:.1f} s; {report}")

    for writer in writers:
        assert writer.failures == [], f"{writer.prefix}: {writer.failures[:5]} ({report})"
        assert len(writer.created) == 50
        assert set(writer.states.values()) == {"check"}
    expected = {title for writer in writers for title in writer.created}
    for node in cluster.nodes:
        client = Client(node)
        poll(lambda client=client: len(projects_in(client, plan)) >= 100)
        states = projects_in(client, plan)
        assert len(states) == 100, f"{node.name} lists {len(states)} projects"
        assert set(states) == expected, node.name
        assert set(states.values()) == {"check"}, node.name
        assert listing_of(client, plan) == expected, node.name
    check_conflicts_retried_by_zope(cluster, writers, before)


def test_a_killed_node_leaves_the_other_serving_and_the_data_intact(cluster):
    node1, node2 = cluster.nodes
    setup = Client(node1)
    plan = make_plan(setup, "Bibliotheek Uitval", 2028)
    assert poll(lambda: Client(node2).get(plan).status_code == 200)
    survivor = Writer(node1, plan, 2028, "Overlever", 150, steps=("start",), pause=0.2)
    victim = Writer(node2, plan, 2028, "Slachtoffer", 150, steps=("start",), pause=0.2)
    before = retried_by_zope(cluster)
    deadline = time.monotonic() + LOAD_DEADLINE
    enough, abort = threading.Event(), threading.Event()
    with ThreadPoolExecutor(max_workers=2) as pool:
        # both clients write until node 1 has taken 15 more projects after node 2 died
        futures = [
            pool.submit(survivor.run, deadline, enough),
            pool.submit(victim.run, deadline, abort),
        ]
        try:
            # kill node 2 in the middle of the load, after both nodes acknowledged a few projects
            poll(
                lambda: (
                    min(len(survivor.created), len(victim.created)) >= 5
                    or not all(future.running() for future in futures)
                ),
                timeout=60,
            )
            for writer, future in zip((survivor, victim), futures, strict=True):
                assert future.running(), f"{writer.prefix} ended before the kill: {writer.failures}"
            acknowledged_before_kill = len(victim.created)
            survivor_before_kill = len(survivor.created)
            node2.kill()
            killed_at = time.monotonic()
            poll(lambda: len(survivor.created) >= survivor_before_kill + 15, timeout=60)
        except BaseException:
            abort.set()
            raise
        finally:
            enough.set()
        for future in futures:
            future.result(timeout=LOAD_DEADLINE + 2 * 60)
    assert not node2.alive()
    assert victim.stopped_by_errors, "node2's client went on without node2"
    assert min(survivor_before_kill, acknowledged_before_kill) >= 5
    made_after_kill = len(survivor.created) - survivor_before_kill
    print(
        f"\nnode2 killed after {acknowledged_before_kill} acknowledged projects, node1 had "
        f"{survivor_before_kill} and made {made_after_kill} more in "
        f"{time.monotonic() - killed_at:.1f} s; "
        f"{conflict_report(cluster, [survivor, victim], before)}"
    )

    # node 1 kept answering through the crash and after it
    assert survivor.failures == [], survivor.failures[:5]
    assert made_after_kill >= 15
    assert len(survivor.created) == len(survivor.attempted)
    check_conflicts_retried_by_zope(cluster, [survivor, victim], before)
    assert setup.get("").status_code == 200

    # no acknowledged write is lost; what node 2 had in flight may or may not be there
    acknowledged = set(survivor.created) | set(victim.created)
    attempted = set(survivor.attempted) | set(victim.attempted)
    states = projects_in(setup, plan)
    listed = listing_of(setup, plan)
    assert acknowledged <= set(states), acknowledged - set(states)
    assert set(states) <= attempted
    assert listed == set(states)
    for title, state in survivor.states.items():
        assert states[title] == state == "do", title
    for title, state in victim.states.items():
        assert states[title] == state or (state, states[title]) == ("plan", "do"), title

    # node 2 comes back and reads the same data
    node2.stop()
    node2.start()
    revived = Client(node2)
    assert projects_in(revived, plan) == states
    assert listing_of(revived, plan) == listed
    response = revived.post(plan, project_payload("Na herstart", 2028))
    assert response.status_code == 201, response.text
    assert poll(lambda: "Na herstart" in projects_in(setup, plan))
