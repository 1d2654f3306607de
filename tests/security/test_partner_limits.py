"""Security finding 7 of issue 9: partner searches are bounded and only for the staff of
a library that shares with the network.

The attack: a partner (or whoever answers on its address) trickles its answer one byte a
second, and users start searches of the partner sites until every thread of the WSGI
server waits for it. The partner here is a tiny server on 127.0.0.1 that trickles either
the status line and headers or the body; the searches go through the real WSGI server of
the functional layer. The limits are module constants of ``partner_client``, lowered so
that every test takes a few seconds.
"""

from bibqual.controlpanels.lines import PartnerSite
from bibqual.network import partner_client
from plone import api
from plone.testing.zope import WSGI_SERVER_FIXTURE
from support import PASSWORD
from support.content import make_library
from support.content import make_plan
from support.content import make_user
from zope.i18n import translate
import pytest
import requests
import select
import socket
import threading
import time
import transaction


pytestmark = pytest.mark.partner


HOST = "127.0.0.1"
PARTNER = "Trage partner"
TIMED_OUT = f"Partner site '{PARTNER}' did not answer in time."
BUSY = (
    f"Partner site '{PARTNER}' was not asked: too many requests to partner sites are "
    "running at the moment. Try again in a minute."
)
FORBIDDEN = (
    "Partner sites can be searched only from a library that shares with the network, by "
    "its staff. Search from a year plan of such a library, or give its UID as the "
    "parameter 'library'."
)


def ended_by(limit):
    """A generous upper bound (seconds) for something the configured ``limit`` ends: the
    limit itself plus as much again for the local search and the WSGI round trip. The
    partners here would keep a request for a minute or more without the limit."""
    return 2 * limit


HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Padding: " + b"x" * 200 + b"\r\n"
BODY = b'{"items": []}' + b" " * 200


class TrickleServer:
    """Answers every connection on 127.0.0.1; ``mode`` says how.

    ``"headers"``: the status line and headers one byte per ``interval``;
    ``"body"``: the headers at once, then the body one byte per ``interval``;
    ``"silent"``: accepts and sends nothing (a TLS handshake that never ends);
    ``"fast"``: the whole answer at once.
    ``connections`` holds ``[opened, closed]`` (monotonic seconds; ``closed`` is when
    the client went away, ``None`` while it is still there).
    """

    def __init__(self, mode, interval=1.0):
        self.mode = mode
        self.interval = interval
        self.connections = []
        self.open_now = 0
        self.most_open = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._socket = socket.create_server((HOST, 0))
        self._socket.settimeout(0.1)
        self.port = self._socket.getsockname()[1]
        self.url = f"http://{HOST}:{self.port}/Plone"
        threading.Thread(target=self._accept, daemon=True).start()

    def stop(self):
        self._stop.set()
        self._socket.close()

    def closed_after(self, connection):
        """Seconds the client held ``connection``; ``None`` while it still holds it."""
        opened, closed = connection
        return None if closed is None else closed - opened

    def _accept(self):
        while not self._stop.is_set():
            try:
                conn, _address = self._socket.accept()
            except (TimeoutError, OSError):
                continue
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn):
        record = [time.monotonic(), None]
        with self._lock:
            self.connections.append(record)
            self.open_now += 1
            self.most_open = max(self.most_open, self.open_now)
        try:
            with conn:
                if self.mode != "silent":
                    self._read_request(conn)
                head = HEAD + b"Content-Length: %d\r\n\r\n" % len(BODY)
                if self.mode == "fast":
                    conn.sendall(head + BODY)
                    self._wait_for_close(conn, 5)
                elif self.mode == "silent":
                    self._wait_for_close(conn, 60)
                else:
                    slow = head if self.mode == "headers" else BODY
                    if self.mode == "body":
                        conn.sendall(head)
                    for byte in slow:
                        conn.sendall(bytes([byte]))
                        if self._wait_for_close(conn, self.interval):
                            break
        except OSError:
            pass
        finally:
            record[1] = time.monotonic()
            with self._lock:
                self.open_now -= 1

    def _read_request(self, conn):
        data = b""
        conn.settimeout(5)
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(4096)
            if not chunk:
                raise OSError("the client went away")
            data += chunk

    def _wait_for_close(self, conn, seconds):
        """Wait ``seconds``; whether the client closed or shut down the connection."""
        end = time.monotonic() + seconds
        while not self._stop.is_set():
            left = end - time.monotonic()
            if left <= 0:
                return False
            readable, _w, _x = select.select([conn], [], [], min(left, 0.1))
            if readable:
                try:
                    if not conn.recv(4096):
                        return True
                except OSError:
                    return True
        return True


@pytest.fixture
def trickle():
    """Factory of ``TrickleServer``s, stopped after the test."""
    servers = []

    def factory(mode, interval=1.0):
        server = TrickleServer(mode, interval)
        servers.append(server)
        return server

    yield factory
    for server in servers:
        server.stop()


@pytest.fixture
def limits(monkeypatch):
    """Small limits: a 2 s deadline, 2 concurrent requests, 0.2 s wait for a slot."""
    monkeypatch.setattr(partner_client, "TOTAL_TIMEOUT", 2)
    monkeypatch.setattr(partner_client, "MAX_CONCURRENT", 2)
    monkeypatch.setattr(partner_client, "BUSY_WAIT", 0.2)
    yield partner_client
    _wait_until(lambda: partner_client._slots.busy == 0, 5)


@pytest.fixture
def libraries(functional_portal):
    """``deelt`` shares with the network, ``eigen`` does not; each has a 2026 plan and an
    Editor (``sanne``, ``karel``); ``lezer`` is a Reader of ``deelt``; ``mia`` is a
    member without any role on content."""
    portal = functional_portal
    made = {"portal": portal}
    for id_, shares in (("deelt", True), ("eigen", False)):
        library = make_library(portal, id_, title=f"Bibliotheek {id_}", share_with_network=shares)
        made[id_] = library
        made[f"plan_{id_}"] = make_plan(library, 2026, spearheads=[])
    make_user("sanne", [(made["deelt"], ["Editor"])])
    make_user("karel", [(made["eigen"], ["Editor"])])
    make_user("lezer", [(made["deelt"], ["Reader"])])
    make_user("mia")
    transaction.commit()
    return made


def _configure(portal, url):
    portal.portal_registry["bibqual.partner_sites"] = [f"{PARTNER}|{url}|svc|geheim"]
    transaction.commit()


def _wait_until(condition, seconds):
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        time.sleep(0.05)
    return condition()


def _search(rest, user, where, **params):
    """GET ``where``/@similar-projects as ``user``: ``(response, seconds it took)``."""
    session = rest(user, PASSWORD)
    started = time.monotonic()
    response = session.get(
        f"{where.absolute_url()}/@similar-projects",
        params={"q": "voorlezen", "partners": "1", **params},
        timeout=30,
    )
    return response, time.monotonic() - started


# -- The total deadline --------------------------------------------------------------------


class TestDeadline:
    @pytest.mark.parametrize("mode", ["headers", "body"])
    def test_trickling_partner_ends_at_the_deadline(self, rest, libraries, limits, trickle, mode):
        server = trickle(mode)
        _configure(libraries["portal"], server.url)
        response, seconds = _search(rest, "sanne", libraries["plan_deelt"])
        assert response.status_code == 200, response.text
        assert response.json()["partner_errors"] == [{"partner": PARTNER, "message": TIMED_OUT}]
        # before: 72 s (headers) and 112 s (body) for this answer, each byte within the
        # read time-out; the trickle could go on for ever
        assert seconds < ended_by(limits.TOTAL_TIMEOUT)
        # the worker let go of the partner too: its socket was shut down at the deadline
        (connection,) = server.connections
        assert _wait_until(lambda: server.closed_after(connection) is not None, 3)
        assert server.closed_after(connection) < ended_by(limits.TOTAL_TIMEOUT)
        assert _wait_until(lambda: limits._slots.busy == 0, 2)

    def test_all_partners_share_one_deadline(self, rest, libraries, limits, trickle):
        servers = [trickle("body"), trickle("headers")]
        libraries["portal"].portal_registry["bibqual.partner_sites"] = [
            f"Partner {number}|{server.url}|svc|geheim" for number, server in enumerate(servers)
        ]
        transaction.commit()
        response, seconds = _search(rest, "sanne", libraries["plan_deelt"])
        assert response.status_code == 200, response.text
        errors = response.json()["partner_errors"]
        assert [error["partner"] for error in errors] == ["Partner 0", "Partner 1"]
        assert [error["message"] for error in errors] == [
            f"Partner site 'Partner {number}' did not answer in time." for number in (0, 1)
        ]
        assert seconds < ended_by(limits.TOTAL_TIMEOUT)
        # one deadline for both, not one after the other: both partners were asked before
        # either was let go
        (first,), (second,) = (server.connections for server in servers)
        assert max(first[0], second[0]) < min(first[1] or float("inf"), second[1] or float("inf"))

    def test_tls_handshake_that_never_ends(self, monkeypatch, limits, trickle):
        """The TCP socket is watched before the TLS handshake: a partner that accepts
        and never answers it is cut at the deadline, not at the (long) socket time-outs."""
        monkeypatch.setattr(partner_client, "CONNECT_TIMEOUT", 30)
        monkeypatch.setattr(partner_client, "READ_TIMEOUT", 30)
        server = trickle("silent")
        site = PartnerSite(PARTNER, f"https://{HOST}:{server.port}/Plone", "svc", "geheim")
        started = time.monotonic()
        with pytest.raises(partner_client.PartnerError) as info:
            partner_client.get_json(site, f"{site.url}/project")
        seconds = time.monotonic() - started
        assert info.value.status == 504
        assert translate(info.value.message) == TIMED_OUT
        # cut by the deadline, long before the socket time-outs would have fired
        assert seconds < ended_by(limits.TOTAL_TIMEOUT) < partner_client.CONNECT_TIMEOUT
        (connection,) = server.connections
        assert _wait_until(lambda: server.closed_after(connection) is not None, 2)
        assert _wait_until(lambda: limits._slots.busy == 0, 2)


# -- Concurrency ---------------------------------------------------------------------------


class TestConcurrency:
    def test_front_page_answers_while_partners_trickle(
        self, rest, libraries, monkeypatch, limits, trickle
    ):
        monkeypatch.setattr(partner_client, "TOTAL_TIMEOUT", 4)
        threads = WSGI_SERVER_FIXTURE.server.adj.threads
        searches = max(threads, limits.MAX_CONCURRENT) + 2
        assert limits.MAX_CONCURRENT < threads
        server = trickle("headers")
        _configure(libraries["portal"], server.url)
        front_page = libraries["portal"].absolute_url()
        # the first rendering compiles the templates (seconds); the attack comes later
        assert requests.get(front_page, timeout=60).status_code == 200
        answers = []

        def search():
            response, _seconds = _search(rest, "sanne", libraries["plan_deelt"])
            answers.append((response.status_code, response.json(), time.monotonic()))

        workers = [threading.Thread(target=search) for _i in range(searches)]
        for worker in workers:
            worker.start()
        assert _wait_until(lambda: server.open_now == limits.MAX_CONCURRENT, 3)

        front = requests.get(front_page, timeout=30)
        assert front.status_code == 200
        # without the limit every thread waits for the partner until the deadline: the
        # front page answered while the partner still held every connection
        assert [connection for connection in server.connections if connection[1]] == []

        for worker in workers:
            worker.join(timeout=15)
        assert len(answers) == searches
        assert {status for status, _data, _seconds in answers} == {200}
        messages = sorted(data["partner_errors"][0]["message"] for _s, data, _t in answers)
        assert messages.count(TIMED_OUT) == limits.MAX_CONCURRENT
        assert messages.count(BUSY) == searches - limits.MAX_CONCURRENT
        assert server.most_open == limits.MAX_CONCURRENT
        # the searches that found no free slot did not wait for the others: they were
        # answered before the deadline let go of the first partner connection
        busy_answered = [answered for _s, data, answered in answers if BUSY in str(data)]
        assert _wait_until(lambda: all(closed for _opened, closed in server.connections), 3)
        assert max(busy_answered) < min(closed for _opened, closed in server.connections)

    def test_no_slot_fails_at_once(self, monkeypatch, limits, trickle):
        """With every slot taken, the next request to a partner fails after ``BUSY_WAIT``
        with 503; it is not queued."""
        monkeypatch.setattr(partner_client, "MAX_CONCURRENT", 1)
        server = trickle("body")
        site = PartnerSite(PARTNER, server.url, "svc", "geheim")
        holder = threading.Thread(
            target=partner_client.get_json_all, args=([(site, server.url, None)],)
        )
        holder.start()
        assert _wait_until(lambda: server.open_now == 1, 3)
        started = time.monotonic()
        with pytest.raises(partner_client.PartnerError) as info:
            partner_client.get_json(site, f"{site.url}/project")
        seconds = time.monotonic() - started
        assert (info.value.status, info.value.kind) == (503, "ServiceUnavailable")
        assert translate(info.value.message) == BUSY
        # it waited BUSY_WAIT for a slot, not until the holder's deadline freed one
        assert limits.BUSY_WAIT <= seconds < limits.TOTAL_TIMEOUT
        assert len(server.connections) == 1
        holder.join(timeout=10)


# -- Who may search partners ---------------------------------------------------------------


class TestWhoMaySearch:
    @pytest.fixture
    def partner(self, libraries, trickle):
        server = trickle("fast")
        _configure(libraries["portal"], server.url)
        return server

    def _refused(self, response, partner):
        assert response.status_code == 403, response.text
        assert response.json()["error"] == {"type": "Forbidden", "message": FORBIDDEN}
        assert partner.connections == []

    def test_member_without_roles(self, rest, libraries, partner):
        response, _seconds = _search(rest, "mia", libraries["portal"])
        self._refused(response, partner)
        # the search of the own site stays open to every member
        response, _seconds = _search(rest, "mia", libraries["portal"], partners="0")
        assert response.status_code == 200

    def test_member_naming_a_sharing_library(self, rest, libraries, partner):
        response, _seconds = _search(
            rest, "mia", libraries["portal"], library=libraries["deelt"].UID()
        )
        assert response.status_code == 400
        assert partner.connections == []

    def test_staff_of_a_library_that_does_not_share(self, rest, libraries, partner):
        response, _seconds = _search(rest, "karel", libraries["plan_eigen"])
        self._refused(response, partner)

    def test_reader_of_a_sharing_library(self, rest, libraries, partner):
        response, _seconds = _search(rest, "lezer", libraries["plan_deelt"])
        self._refused(response, partner)

    def test_staff_at_the_site_root_without_a_library(self, rest, libraries, partner):
        response, _seconds = _search(rest, "sanne", libraries["portal"])
        self._refused(response, partner)

    def test_staff_of_a_sharing_library(self, rest, libraries, partner):
        response, _seconds = _search(rest, "sanne", libraries["plan_deelt"])
        assert response.status_code == 200, response.text
        assert response.json()["partner_errors"] == []
        assert len(partner.connections) == 1

        response, _seconds = _search(
            rest, "sanne", libraries["portal"], library=libraries["deelt"].UID()
        )
        assert response.status_code == 200, response.text
        assert len(partner.connections) == 2

    def test_library_stops_sharing(self, rest, libraries, partner):
        with api.env.adopt_roles(["Manager"]):
            libraries["deelt"].share_with_network = False
        transaction.commit()
        response, _seconds = _search(rest, "sanne", libraries["plan_deelt"])
        self._refused(response, partner)


# -- Malformed parameters ------------------------------------------------------------------


class TestParameters:
    @pytest.mark.parametrize(
        "query,message",
        [
            ("q=voorlezen&q=lezen", "The parameter 'q' must be given once, as text."),
            ("q=voorlezen&limit=5&limit=6", "The parameter 'limit' must be given once, as text."),
            ("q=voorlezen&limit=tien", "The parameter 'limit' must be a whole number"),
            ("q=voorlezen&library=a&library=b", "The parameter 'library' must be given once"),
            ("q=voorlezen&library=bestaat-niet", "must be the UID of a library you can see"),
            ("q=voorlezen&partners=1&partners=1", "The parameter 'partners' must be given once"),
        ],
    )
    def test_bad_request(self, rest, libraries, query, message):
        url = f"{libraries['plan_deelt'].absolute_url()}/@similar-projects?{query}"
        response = rest("sanne", PASSWORD).get(url, timeout=30)
        assert response.status_code == 400, response.text
        error = response.json()["error"]
        assert error["type"] == "BadRequest"
        assert message in error["message"]

    def test_a_single_value_still_works(self, rest, libraries):
        url = f"{libraries['plan_deelt'].absolute_url()}/@similar-projects?q=voorlezen&limit=5"
        response = rest("sanne", PASSWORD).get(url, timeout=30)
        assert response.status_code == 200, response.text
        assert response.json()["q"] == "voorlezen"
