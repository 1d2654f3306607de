"""The HTTP client of the partner sites: bounded GETs of JSON as the service account.

Every exchange with a partner is bounded, however the partner behaves:

- A total deadline (``TOTAL_TIMEOUT``) over the whole exchange: connecting, the TLS
  handshake, the status line and headers, redirects and the body. The exchange runs in
  a worker thread; the caller waits for it until the deadline and no longer, then shuts
  down the sockets of the exchange (``socket.shutdown``), so that a read blocked on a
  partner that trickles one byte a second ends at once and the worker is freed too.
- At most ``MAX_CONCURRENT`` requests of this process wait for partners at the same
  time (a search asks all partners at once and counts once). When all are taken, a new
  one waits ``BUSY_WAIT`` seconds at most, then fails with status 503: requests never
  queue. Keep the number below the threads of the WSGI server (4 in
  ``instance/zope.ini.in``) so that partners can never take every thread.
- At most ``MAX_BYTES`` are read; redirects are followed only within the partner.
- Proxies and ``.netrc`` from the environment are not used (``trust_env`` is off):
  the deadline must see every socket of the exchange.

Nothing of Zope is used in the worker threads. Failures are ``PartnerError``.
"""

from bibqual import _
from bibqual.errors import BibqualError
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from requests.adapters import HTTPAdapter
from urllib.parse import urljoin
from urllib3.connection import HTTPConnection
from urllib3.connection import HTTPSConnection
from urllib3.poolmanager import PoolManager
import contextlib
import json
import logging
import requests
import socket
import threading
import time


logger = logging.getLogger(__name__)

# Seconds. Module constants so that a test (or a patch) can change them.
TOTAL_TIMEOUT = 10
CONNECT_TIMEOUT = 3
READ_TIMEOUT = 5
BUSY_WAIT = 1
# Requests of this process that may wait for partner sites at the same time.
MAX_CONCURRENT = 2
# Largest answer read from a partner (bytes); a project is a few kilobytes.
MAX_BYTES = 2 * 1024 * 1024
MAX_REDIRECTS = 3
CHUNK = 16 * 1024


class PartnerError(BibqualError):
    """A partner site could not give what was asked.

    The status says how (504: too slow, 503: too many partner requests at once,
    502: other failures of the partner, 403: not a partner, 400: not a project).
    """

    status = 502


# -- Errors --------------------------------------------------------------------------------


def timed_out(site):
    return PartnerError(
        _("Partner site '${name}' did not answer in time.", mapping={"name": site.name}),
        status=504,
    )


def busy(site):
    return PartnerError(
        _(
            "Partner site '${name}' was not asked: too many requests to partner sites are "
            "running at the moment. Try again in a minute.",
            mapping={"name": site.name},
        ),
        status=503,
    )


def unreachable(site):
    return PartnerError(
        _(
            "Partner site '${name}' could not be reached. Is its address right and is the "
            "site running?",
            mapping={"name": site.name},
        )
    )


def not_bibqual(site):
    return PartnerError(
        _(
            "Partner site '${name}' did not answer with data bibqual understands. Is the "
            "address that of the Plone site, with bibqual installed?",
            mapping={"name": site.name},
        )
    )


def redirected_away(site):
    return PartnerError(
        _(
            "Partner site '${name}' sent bibqual to an address outside the partner site; "
            "bibqual does not follow it.",
            mapping={"name": site.name},
        )
    )


def status_error(site, status):
    mapping = {"name": site.name, "status": str(status)}
    if status in (401, 403):
        message = _(
            "Partner site '${name}' refused the service account (HTTP ${status}). Check the "
            "user name and password in the partner settings, and that the account may read "
            "the partner's shared projects.",
            mapping=mapping,
        )
    elif status == 404:
        message = _(
            "Partner site '${name}' does not know this address (HTTP ${status}, not found). "
            "The project may have been moved or removed, or bibqual is not installed there.",
            mapping=mapping,
        )
    elif status >= 500:
        message = _(
            "Partner site '${name}' had an error (HTTP ${status}). Try again later.",
            mapping=mapping,
        )
    else:
        message = _(
            "Partner site '${name}' gave an unexpected answer (HTTP ${status}).",
            mapping=mapping,
        )
    return PartnerError(message)


def _is_timeout(exc):
    """Whether a requests exception is (or wraps) a time-out."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, requests.Timeout | TimeoutError) or "timed out" in str(exc).lower():
            return True
        exc = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
        seen += 1
    return False


# -- Concurrency ---------------------------------------------------------------------------


class _Slots:
    """Counts the requests waiting for partners; at most ``MAX_CONCURRENT`` at once.

    A slot is freed when the last worker of its request has ended, not when the caller
    stopped waiting: a worker that cannot be freed keeps its slot, so stuck workers can
    never pile up.
    """

    def __init__(self):
        self.busy = 0
        self._changed = threading.Condition()

    def take(self, wait):
        """Take a slot, waiting at most ``wait`` seconds; whether one was taken."""
        end = time.monotonic() + wait
        with self._changed:
            while self.busy >= MAX_CONCURRENT:
                left = end - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(left)
            self.busy += 1
            return True

    def give_back(self):
        with self._changed:
            self.busy -= 1
            self._changed.notify()


_slots = _Slots()


class _Countdown:
    """Calls ``done`` once ``count`` workers have ended."""

    def __init__(self, count, done):
        self._left = count
        self._done = done
        self._lock = threading.Lock()

    def one(self):
        with self._lock:
            self._left -= 1
            last = self._left == 0
        if last:
            self._done()


# -- Sockets watched by the deadline -------------------------------------------------------


def _shut(sock):
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class _WatchedConnection:
    """Hands every socket of the connection to its exchange as soon as it exists:
    the TCP socket before the TLS handshake, the TLS socket after it."""

    def __init__(self, *args, exchange, **kwargs):
        super().__init__(*args, **kwargs)
        self.exchange = exchange

    def _new_conn(self):
        sock = super()._new_conn()
        self.exchange.watch(sock)
        return sock

    def connect(self):
        super().connect()
        self.exchange.watch(self.sock)


class _WatchedHTTPConnection(_WatchedConnection, HTTPConnection):
    pass


class _WatchedHTTPSConnection(_WatchedConnection, HTTPSConnection):
    pass


class _WatchedPoolManager(PoolManager):
    """urllib3's pool manager whose connections report their sockets to ``exchange``
    (``_new_pool`` is urllib3's documented hook for this)."""

    connection_classes = {"http": _WatchedHTTPConnection, "https": _WatchedHTTPSConnection}

    def __init__(self, exchange, **kwargs):
        super().__init__(**kwargs)
        self.exchange = exchange

    def _new_pool(self, scheme, host, port, request_context=None):
        pool = super()._new_pool(scheme, host, port, request_context)
        pool.ConnectionCls = self.connection_classes[scheme]
        pool.conn_kw = {**pool.conn_kw, "exchange": self.exchange}
        return pool


class _WatchedAdapter(HTTPAdapter):
    def __init__(self, exchange):
        self.exchange = exchange
        super().__init__(max_retries=0)

    def init_poolmanager(self, connections, maxsize, block=False, **pool_kwargs):
        self._pool_connections = connections
        self._pool_maxsize = maxsize
        self._pool_block = block
        self.poolmanager = _WatchedPoolManager(
            self.exchange, num_pools=connections, maxsize=maxsize, block=block, **pool_kwargs
        )


# -- One exchange --------------------------------------------------------------------------


class _Exchange:
    """One GET of JSON from a partner, run in a worker thread, bounded by ``deadline``."""

    def __init__(self, site, url, params, deadline):
        self.site = site
        self.url = url
        self.params = params
        self.deadline = deadline
        self.future = Future()
        self._lock = threading.Lock()
        self._sockets = []
        self._expired = False
        self._finished = False

    def watch(self, sock):
        """Called in the worker for every new socket; shut at once when already expired."""
        with self._lock:
            if not self._expired:
                if sock not in self._sockets:
                    self._sockets.append(sock)
                return
        _shut(sock)

    def expire(self):
        """The deadline has passed: shut down the sockets, which ends any blocked read."""
        with self._lock:
            self._expired = True
            sockets = [] if self._finished else self._sockets
            self._sockets = []
        for sock in sockets:
            _shut(sock)

    def start(self, ended):
        thread = threading.Thread(
            target=self._run, args=(ended,), name="bibqual-partner", daemon=True
        )
        thread.start()

    def outcome(self):
        """The decoded JSON, or the ``PartnerError``; waits until the deadline at most."""
        try:
            return self.future.result(timeout=max(0.0, self.deadline - time.monotonic()))
        except FutureTimeout:
            self.expire()
            logger.warning("Partner %s did not answer in time on %s", self.site.name, self.url)
            return timed_out(self.site)
        except PartnerError as error:
            return error

    def _run(self, ended):
        try:
            self.future.set_result(self._get())
        except PartnerError as error:
            self.future.set_exception(error)
        except Exception:
            if self._expired or self._left() <= 0:
                self.future.set_exception(timed_out(self.site))
            else:
                logger.exception("Asking partner %s failed", self.site.name)
                self.future.set_exception(unreachable(self.site))
        finally:
            ended()

    def _left(self):
        return self.deadline - time.monotonic()

    def _failed(self, exc):
        """The ``PartnerError`` for an exception of requests."""
        if self._expired or self._left() <= 0 or _is_timeout(exc):
            return timed_out(self.site)
        logger.warning("Partner %s failed on %s: %r", self.site.name, self.url, exc)
        return unreachable(self.site)

    def _get(self):
        with requests.Session() as session:
            try:
                return self._exchange(session)
            finally:
                with self._lock:  # the session closes its sockets next: leave them alone
                    self._finished = True
                    self._sockets = []

    def _exchange(self, session):
        site, url, params = self.site, self.url, self.params
        session.trust_env = False
        adapter = _WatchedAdapter(self)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        # as UTF-8 bytes: requests would encode text as Latin-1 and fail on other characters
        session.auth = (site.user.encode("utf-8"), site.password.encode("utf-8"))
        session.headers.update({"Accept": "application/json"})
        for _hop in range(MAX_REDIRECTS + 1):
            if not site.owns(url):
                logger.warning("Partner %s redirected outside itself: %s", site.name, url)
                raise redirected_away(site)
            left = max(0.01, self._left())
            try:
                response = session.get(
                    url,
                    params=params,
                    timeout=(min(CONNECT_TIMEOUT, left), min(READ_TIMEOUT, left)),
                    allow_redirects=False,
                    stream=True,
                )
            except (requests.RequestException, ValueError, OSError) as exc:
                raise self._failed(exc)
            with response:
                location = response.headers.get("Location")
                if response.is_redirect and location:
                    url, params = urljoin(url, location), None
                    continue
                if response.status_code != 200:
                    logger.warning(
                        "Partner %s answered %s on %s", site.name, response.status_code, url
                    )
                    raise status_error(site, response.status_code)
                content_type = response.headers.get("Content-Type", "").lower()
                if "json" not in content_type:
                    logger.warning("Partner %s answered %s on %s", site.name, content_type, url)
                    raise not_bibqual(site)
                body = self._read(response)
            try:
                return json.loads(body.decode(response.encoding or "utf-8"))
            except (ValueError, LookupError, RecursionError):
                raise not_bibqual(site)
        raise redirected_away(self.site)

    def _read(self, response):
        """The body of ``response``, at most ``MAX_BYTES``, read before the deadline."""
        chunks, size = [], 0
        try:
            for chunk in response.iter_content(CHUNK):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise not_bibqual(self.site)
                if self._left() <= 0:
                    raise timed_out(self.site)
                chunks.append(chunk)
        except (requests.RequestException, OSError) as exc:
            raise self._failed(exc)
        return b"".join(chunks)


# -- The client ----------------------------------------------------------------------------


def get_json_all(calls):
    """Run the GETs ``calls`` (``[(site, url, params)]``) at once, as one request.

    They take one slot and share one total deadline. Returns, in order, for each call
    the decoded JSON or a ``PartnerError`` (503 for all when no slot was free in time).
    Each ``url`` must belong to its ``site``; redirects are followed within it only.
    """
    calls = list(calls)
    if not calls:
        return []
    if not _slots.take(BUSY_WAIT):
        logger.warning("Partner sites not asked: %s requests are already waiting", _slots.busy)
        return [busy(site) for site, _url, _params in calls]
    deadline = time.monotonic() + TOTAL_TIMEOUT
    exchanges = [_Exchange(site, url, params, deadline) for site, url, params in calls]
    ended = _Countdown(len(exchanges), _slots.give_back).one
    for exchange in exchanges:
        try:
            exchange.start(ended)
        except RuntimeError:  # no thread could be started
            logger.exception("No worker for partner %s", exchange.site.name)
            exchange.future.set_exception(busy(exchange.site))
            ended()
    try:
        return [exchange.outcome() for exchange in exchanges]
    finally:
        for exchange in exchanges:
            if not exchange.future.done():
                exchange.expire()


def get_json(site, url, params=None):
    """GET ``url`` of ``site`` as its service account; return the decoded JSON.

    Raises ``PartnerError``.
    """
    (outcome,) = get_json_all([(site, url, params)])
    if isinstance(outcome, PartnerError):
        raise outcome
    return outcome
