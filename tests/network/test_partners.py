"""Partner sites: search and copy projects of a second, real Plone site over plone.restapi.

The partner is a throw-away Zope instance: ``scripts/instance.py`` writes its configuration
into a temporary directory (its own FileStorage, a free port on 127.0.0.1),
``scripts/create_site.py`` creates the site ``Plone`` with ``bibqual:default`` and
``bibqual:demo`` (admin/admin), and ``runwsgi`` serves it for the whole session. Partners
that are down, slow or answer garbage are tiny HTTP servers in threads, on 127.0.0.1 too.
Every wait is bounded.
"""

from bibqual.network import partner_client
from bibqual.workflows.ids import ADOPT
from bibqual.workflows.ids import DRAFT
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from pathlib import Path
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from support.ports import free_port
import contextlib
import importlib.util
import json
import os
import pytest
import requests
import signal
import socket
import subprocess
import sys
import threading
import time
import transaction


pytestmark = pytest.mark.partner
ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
PASSWORD = "secret-bibqual"  # anna's, see conftest.py
PARTNER = "Bibliotheek Partner"
STARTUP_SECONDS = 120
SITE_SECONDS = 240


def _load_instance_script():
    spec = importlib.util.spec_from_file_location("bibqual_instance", ROOT / "scripts/instance.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tail(path, lines=40):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def _stop(process):
    """Terminate the server and its process group; bounded, escalates to SIGKILL."""
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="module")
def partner_url(tmp_path_factory):
    """Base URL of a second, real bibqual site with the demo content (admin/admin).

    One instance per test session: only this module uses it, and module scope stops it
    as soon as the module is done instead of at the end of the whole suite.
    """
    var = tmp_path_factory.mktemp("partner-var")
    port = free_port()
    etc = _load_instance_script().write("partner", port, HOST, var=var, dsn="")
    env = {key: value for key, value in os.environ.items() if key != "RELSTORAGE_DSN"}
    env.update(SITE_ID="Plone", ADMIN_USER="admin", ADMIN_PASSWORD="admin")
    log = var / "partner.log"
    with open(log, "ab") as output:
        created = subprocess.run(
            [str(BIN / "zconsole"), "run", str(etc / "zope.conf"), "scripts/create_site.py"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            timeout=SITE_SECONDS,
        )
    assert created.returncode == 0, _tail(log)
    base = f"http://{HOST}:{port}/Plone"
    with open(log, "ab") as output:
        process = subprocess.Popen(
            [str(BIN / "runwsgi"), str(etc / "zope.ini")],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            assert process.poll() is None, f"the partner instance stopped:\n{_tail(log)}"
            with contextlib.suppress(requests.RequestException):
                if requests.get(base, timeout=2).status_code == 200:
                    break
            assert time.monotonic() < deadline, f"the partner did not start:\n{_tail(log)}"
            time.sleep(0.5)
        yield base
    finally:
        _stop(process)


# -- Misbehaving partners ------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        server = self.server
        server.paths.append(self.path)
        status, content_type, body = server.answer
        if server.delay:
            server.release.wait(server.delay)
        with contextlib.suppress(OSError):
            self.send_response(status)
            if server.location:
                self.send_header("Location", server.location)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_partner():
    """Factory of HTTP servers on 127.0.0.1 answering every GET the same way.

    ``fake_partner(status, content_type, body, delay=0, location=None)`` returns the
    server; its base URL is ``server.url`` and ``server.paths`` lists the paths asked.
    """
    servers = []

    def factory(status=200, content_type="application/json", body=b"{}", delay=0, location=None):
        server = ThreadingHTTPServer((HOST, 0), _Handler)
        server.daemon_threads = True
        server.answer = (status, content_type, body if isinstance(body, bytes) else body.encode())
        server.delay = delay
        server.location = location
        server.release = threading.Event()
        server.paths = []
        server.url = f"http://{HOST}:{server.server_address[1]}/Plone"
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
        thread.daemon = True
        thread.start()
        servers.append((server, thread))
        return server

    yield factory
    for server, thread in servers:
        server.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def closed_port():
    """A port on 127.0.0.1 that refuses connections (bound, not listening)."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        yield sock.getsockname()[1]


@pytest.fixture
def network(network):
    """The network of ``conftest.py``, with ``west`` (anna's library) sharing with the
    network: only staff of a sharing library may search the partner sites. The plan of
    ``noord`` is adopted: only projects of adopted or closed plans are shared."""
    with api.env.adopt_roles(["Manager"]):
        network["west"].share_with_network = True
        network["west"].reindexObject()
        if api.content.get_state(network["plan_noord"]) == DRAFT:
            api.content.transition(obj=network["plan_noord"], transition=ADOPT)
    transaction.commit()
    return network


# -- Helpers -------------------------------------------------------------------------------


def configure(portal, *lines):
    """Set ``bibqual.partner_sites`` on the local (functional) site."""
    portal.portal_registry["bibqual.partner_sites"] = list(lines)
    transaction.commit()


def partner_line(url, user="admin", password="admin", name=PARTNER):
    return f"{name}|{url}|{user}|{password}"


def copy(rest, network, source):
    return rest("anna", PASSWORD).post(
        f"{network['plan_west'].absolute_url()}/@copy-project", json={"source": source}
    )


def search(rest, network, text, **params):
    """Search from anna's year plan (of ``west``, which shares with the network)."""
    response = rest("anna", PASSWORD).get(
        f"{network['plan_west'].absolute_url()}/@similar-projects", params={"q": text, **params}
    )
    assert response.status_code == 200, response.text
    return response.json()


def plan_is_empty(network):
    transaction.begin()
    return network["plan_west"].objectIds() == []


def partner_project_url(rest, network, text, title):
    """The URL of the partner project ``title``, found through the search."""
    data = search(rest, network, text, partners=1)
    (url,) = [item["@id"] for item in data["items"] if item["title"] == title]
    return url


def project_json(url):
    response = requests.get(
        url, auth=("admin", "admin"), headers={"Accept": "application/json"}, timeout=10
    )
    assert response.status_code == 200, response.text
    return response.json()


SMART_PROJECT_JSON = {
    "@id": "set by the test",
    "@type": "SmartProject",
    "title": "Leesbevordering op het mbo",
    "description": "",
    "specific": "Studenten lezen elke week een half uur.",
    "measurable": "Leesmonitor",
    "achievable": None,
    "realistic": None,
    "deadline": "2025-06-30",
    "indicators": [{"name": "Deelnemers", "target": 50, "actual": 48, "unit": "studenten"}],
    "norm_fields": [
        {"token": "netwerk", "title": "Netwerk"},
        {"token": "onbekend-element", "title": "Onbekend"},
    ],
    "core_functions": [{"token": "lezen-en-literatuur", "title": "Lezen en literatuur"}],
    "partners": ["ROC"],
    "target_groups": ["studenten"],
    "policy_topics": [],
    "budget": 1200,
    "evaluation": "Goed gegaan",
    "improvements": "Meer scholen",
    "spearhead": {"token": "Taal en lezen", "title": "Taal en lezen"},
    "responsible": "iemand-van-de-partner",
}


# -- The real partner ----------------------------------------------------------------------


class TestRealPartner:
    def test_search_includes_partner_hits(self, rest, network, partner_url):
        configure(network["portal"], partner_line(partner_url))
        data = search(rest, network, "VoorleesExp", partners=1)
        assert data["partner_errors"] == []
        (hit,) = [item for item in data["items"] if item["title"] == "VoorleesExpress in de wijk"]
        assert hit["partner"] == PARTNER
        assert hit["partner_url"] == partner_url
        assert hit["@id"].startswith(partner_url + "/")
        assert hit["library"] == "Bibliotheek Westfriesland-Noord"
        assert hit["indicators"] and {"name", "target", "unit"} == set(hit["indicators"][0])

    def test_search_without_partners_stays_local(self, rest, network, partner_url):
        configure(network["portal"], partner_line(partner_url))
        data = search(rest, network, "VoorleesExp")
        assert data["items"] == []
        assert "partner_errors" not in data

    def test_copy_from_partner(self, rest, network, partner_url):
        # the partner is a new demo site, on Kwaliteit in Beeld: so is this one here
        network["portal"].portal_registry["bibqual.active_framework"] = "cbct-kib"
        configure(network["portal"], partner_line(partner_url))
        url = partner_project_url(rest, network, "BoekStart", "BoekStart voor baby's en dreumesen")
        source = project_json(url)
        assert any(row["actual"] is not None for row in source["indicators"])

        response = copy(rest, network, url)
        assert response.status_code == 201, response.text
        data = response.json()
        assert data["title"] == source["title"]
        assert data["review_state"] == "plan"
        assert data["copied_from"] == url
        assert data["specific"] == source["specific"]
        assert [row["name"] for row in data["indicators"]] == [
            row["name"] for row in source["indicators"]
        ]
        assert [row["target"] for row in data["indicators"]] == [
            row["target"] for row in source["indicators"]
        ]
        assert [row["actual"] for row in data["indicators"]] == [None] * len(source["indicators"])
        assert data["evaluation"] is None
        assert data["improvements"] is None
        assert data["start"] is None
        assert data["deadline"].startswith("2026-")
        assert [item["token"] for item in data["norm_fields"]] == [
            item["token"] for item in source["norm_fields"]
        ]
        assert data["partners"] == source["partners"]
        assert data["target_groups"] == source["target_groups"]
        assert data["budget"] == source["budget"]
        transaction.begin()
        assert len(network["plan_west"].objectIds()) == 1

        # the same partner project again: refused (409) before the partner is asked,
        # then copied under the typed title when the duplicate is allowed
        again = copy(rest, network, url)
        assert again.status_code == 409, again.text
        twice = rest("anna", PASSWORD).post(
            f"{network['plan_west'].absolute_url()}/@copy-project",
            json={"source": url, "title": "BoekStart Oost", "allow_duplicate": True},
        )
        assert twice.status_code == 201, twice.text
        assert twice.json()["title"] == "BoekStart Oost"
        transaction.begin()
        assert len(network["plan_west"].objectIds()) == 2

    def test_classic_copy_from_partner(self, rest, network, partner_url, functional_app):
        """The add form's panel searches partners and copies a partner hit through the
        Classic ``@@copy-project`` view, which takes the partner's address as source."""
        from plone.testing.zope import Browser
        from urllib.parse import urlencode
        import re

        configure(network["portal"], partner_line(partner_url))
        url = partner_project_url(rest, network, "BoekStart", "BoekStart voor baby's en dreumesen")
        plan_url = network["plan_west"].absolute_url()
        browser = Browser(functional_app)
        browser.handleErrors = False
        browser.addHeader("Authorization", f"Basic anna:{PASSWORD}")
        browser.open(f"{plan_url}/++add++SmartProject")
        assert 'data-partners="1"' in browser.contents
        token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', browser.contents)
        browser.post(
            f"{plan_url}/@@copy-project",
            urlencode({"source": url, "_authenticator": token.group(1)}),
        )
        transaction.begin()
        (copy,) = network["plan_west"].objectValues()
        assert browser.url == copy.absolute_url()
        assert copy.copied_from == url
        assert PARTNER in browser.contents  # "Copied from ... (partner name)"

    def test_wrong_password(self, rest, network, partner_url):
        configure(network["portal"], partner_line(partner_url, password="fout-wachtwoord-€"))
        source = f"{partner_url}/bibliotheek-westfriesland-noord"
        response = copy(rest, network, source)
        assert response.status_code == 502
        message = response.json()["error"]["message"]
        assert f"Partner site '{PARTNER}' refused the service account (HTTP 401)" in message
        assert plan_is_empty(network)
        data = search(rest, network, "VoorleesExp", partners=1)
        assert [error["partner"] for error in data["partner_errors"]] == [PARTNER]
        assert "HTTP 401" in data["partner_errors"][0]["message"]

    def test_unknown_project(self, rest, network, partner_url):
        configure(network["portal"], partner_line(partner_url))
        response = copy(rest, network, f"{partner_url}/bestaat-niet")
        assert response.status_code == 502
        assert "HTTP 404" in response.json()["error"]["message"]
        assert plan_is_empty(network)

    def test_not_a_project(self, rest, network, partner_url):
        configure(network["portal"], partner_line(partner_url))
        response = copy(rest, network, f"{partner_url}/bibliotheek-westfriesland-noord")
        assert response.status_code == 400
        assert "is not a SMART project" in response.json()["error"]["message"]
        assert plan_is_empty(network)


# -- Partners that fail --------------------------------------------------------------------


class TestFailingPartner:
    def test_partner_down(self, rest, network, closed_port):
        base = f"http://{HOST}:{closed_port}/Plone"
        configure(network["portal"], partner_line(base))
        response = copy(rest, network, f"{base}/bieb/jaarplan-2025/project")
        assert response.status_code == 502
        error = response.json()["error"]
        assert error["type"] == "BadGateway"
        assert error["message"] == (
            f"Partner site '{PARTNER}' could not be reached. Is its address right and is the "
            "site running?"
        )
        assert plan_is_empty(network)
        # the search still answers, with the local hits, and says what went wrong
        data = search(rest, network, "voorlez", partners=1)
        assert [item["title"] for item in data["items"]] == ["Voorlezen op de peuterspeelzaal"]
        assert data["partner_errors"] == [{"partner": PARTNER, "message": error["message"]}]

    def test_partner_slow(self, rest, network, fake_partner, monkeypatch):
        monkeypatch.setattr(partner_client, "READ_TIMEOUT", 1)
        delay = 6
        server = fake_partner(body=json.dumps(SMART_PROJECT_JSON), delay=delay)
        configure(network["portal"], partner_line(server.url))
        started = time.monotonic()
        response = copy(rest, network, f"{server.url}/bieb/plan/project")
        # the read time-out ended the wait, not the partner's answer
        assert time.monotonic() - started < delay
        assert response.status_code == 504
        error = response.json()["error"]
        assert error["type"] == "GatewayTimeout"
        assert error["message"] == f"Partner site '{PARTNER}' did not answer in time."
        assert server.paths == ["/Plone/bieb/plan/project"]
        assert plan_is_empty(network)
        data = search(rest, network, "voorlez", partners=1)
        assert data["partner_errors"] == [{"partner": PARTNER, "message": error["message"]}]
        assert len(data["items"]) == 1

    @pytest.mark.parametrize(
        "content_type,body",
        [
            ("text/html", "<html><body>Welkom</body></html>"),
            ("application/json", "<html>"),
            ("application/json", '["a list"]'),
            ("application/json", "[" * 100_000),
            ("application/json", json.dumps({**SMART_PROJECT_JSON, "title": 5})),
            ("application/json", json.dumps({**SMART_PROJECT_JSON, "indicators": "veel"})),
            ("application/json", json.dumps({**SMART_PROJECT_JSON, "budget": -5})),
        ],
    )
    def test_partner_answers_garbage(self, rest, network, fake_partner, content_type, body):
        server = fake_partner(content_type=content_type, body=body)
        configure(network["portal"], partner_line(server.url))
        response = copy(rest, network, f"{server.url}/bieb/plan/project")
        assert response.status_code == 502
        assert response.json()["error"]["message"].startswith(
            f"Partner site '{PARTNER}' did not answer with data bibqual understands."
        )
        assert plan_is_empty(network)

    def test_search_garbage(self, rest, network, fake_partner):
        server = fake_partner(body=json.dumps({"items": [{"@id": 3, "title": "x"}]}))
        configure(network["portal"], partner_line(server.url))
        data = search(rest, network, "voorlez", partners=1)
        (error,) = data["partner_errors"]
        assert "did not answer with data bibqual understands" in error["message"]
        assert server.paths[0].startswith("/Plone/@similar-projects?")

    def test_server_error(self, rest, network, fake_partner):
        server = fake_partner(status=500, content_type="text/plain", body="kapot")
        configure(network["portal"], partner_line(server.url))
        response = copy(rest, network, f"{server.url}/bieb/plan/project")
        assert response.status_code == 502
        assert "had an error (HTTP 500)" in response.json()["error"]["message"]
        assert plan_is_empty(network)


# -- A well-behaved fake partner: the reset rules ------------------------------------------


class TestCopyRules:
    def test_unknown_tokens_dropped_and_run_reset(self, rest, network, fake_partner):
        server = fake_partner(body=json.dumps(SMART_PROJECT_JSON))
        configure(network["portal"], partner_line(server.url))
        source = f"{server.url}/bieb/jaarplan-2025/mbo"
        response = copy(rest, network, source)
        assert response.status_code == 201, response.text
        data = response.json()
        assert data["copied_from"] == source
        assert [item["token"] for item in data["norm_fields"]] == ["netwerk"]
        assert [item["token"] for item in data["core_functions"]] == ["lezen-en-literatuur"]
        assert data["indicators"] == [
            {
                "@id": "indicator-1",
                "name": "Deelnemers",
                "target": 50,
                "actual": None,
                "unit": "studenten",
            }
        ]
        assert data["evaluation"] is None
        assert data["improvements"] is None
        assert data["responsible"] is None
        assert data["spearhead"]["token"] == "Taal en lezen"
        assert data["deadline"] == "2026-06-30"
        assert data["budget"] == 1200
        assert data["review_state"] == "plan"

    def test_tags_of_another_framework_are_kept(self, rest, network, fake_partner):
        """A partner on Kwaliteit in Beeld copied into this site (SCOB 3 active): its
        KiB tags are elements of a framework this site knows, so they stay."""
        source = {
            **SMART_PROJECT_JSON,
            "norm_fields": [
                {"token": "samenwerking", "title": "Samenwerking"},
                {"token": "netwerk", "title": "Netwerk"},
                {"token": "onbekend-element", "title": "Onbekend"},
            ],
        }
        server = fake_partner(body=json.dumps(source))
        configure(network["portal"], partner_line(server.url))
        response = copy(rest, network, f"{server.url}/bieb/jaarplan-2025/mbo")
        assert response.status_code == 201, response.text
        tags = [item["token"] for item in response.json()["norm_fields"]]
        assert tags == ["samenwerking", "netwerk"]

    def test_redirect_outside_the_partner_not_followed(self, rest, network, fake_partner):
        elsewhere = fake_partner(body=json.dumps(SMART_PROJECT_JSON))
        server = fake_partner(
            status=302, content_type="text/plain", body="", location=f"{elsewhere.url}/project"
        )
        configure(network["portal"], partner_line(server.url))
        response = copy(rest, network, f"{server.url}/bieb/plan/project")
        assert response.status_code == 502
        assert "outside the partner site" in response.json()["error"]["message"]
        assert elsewhere.paths == []
        assert plan_is_empty(network)


# -- Addresses that are no partner ---------------------------------------------------------


class TestNoPartner:
    def test_foreign_urls_refused_without_a_request(self, rest, network, fake_partner):
        partner = fake_partner(body=json.dumps(SMART_PROJECT_JSON))
        other = fake_partner(body=json.dumps(SMART_PROJECT_JSON))
        configure(network["portal"], partner_line(partner.url))
        port = partner.server_address[1]
        sources = [
            f"{other.url}/bieb/plan/project",
            f"http://{HOST}:{port}/Andere-site/bieb/plan/project",
            f"http://{HOST}:{port}/Plone-kopie/bieb/plan/project",
            f"{partner.url}/../Andere-site/project",
            f"{partner.url}/%2e%2e/Andere-site/project",
            f"http://admin:admin@{HOST}:{port}/Plone/bieb/plan/project",
            f"{partner.url}/bieb/plan/project?redirect=elders",
            f"https://{HOST}:{port}/Plone/bieb/plan/project",
            "file:///etc/passwd",
        ]
        for source in sources:
            response = copy(rest, network, source)
            assert response.status_code == 403, (source, response.text)
            assert response.json()["error"]["message"] == (
                "Only projects of this site and of the partner sites in the settings can be copied."
            )
        assert partner.paths == []
        assert other.paths == []
        assert plan_is_empty(network)

    def test_no_partners_configured(self, rest, network, fake_partner):
        other = fake_partner(body=json.dumps(SMART_PROJECT_JSON))
        response = copy(rest, network, f"{other.url}/bieb/plan/project")
        assert response.status_code == 403
        assert other.paths == []
        data = search(rest, network, "voorlez", partners=1)
        assert data["partner_errors"] == []
        assert [item["title"] for item in data["items"]] == ["Voorlezen op de peuterspeelzaal"]

    def test_local_copy_still_works(self, rest, network, fake_partner):
        partner = fake_partner()
        configure(network["portal"], partner_line(partner.url))
        response = copy(rest, network, network["voorlezen"].absolute_url())
        assert response.status_code == 201, response.text
        assert response.json()["copied_from"] == network["voorlezen"].UID()
        assert partner.paths == []


# -- Settings ------------------------------------------------------------------------------


class TestSettings:
    @pytest.mark.parametrize(
        "line,expected",
        [
            ("Bibliotheek Zuid", "Write a partner site as"),
            ("|https://zuid.example/Plone|svc|pw", "needs a name"),
            ("Zuid|ftp://zuid.example/Plone|svc|pw", "must start with http:// or https://"),
            ("Zuid|zuid.example/Plone|svc|pw", "must start with http:// or https://"),
            ("Zuid|https://a:b@zuid.example/Plone|svc|pw", "must start with http://"),
            ("Zuid|https://zuid.example/Plone?x=1|svc|pw", "must start with http://"),
            ("Zuid|https://zuid.example/Plone||pw", "needs a service account"),
            ("Zuid|https://zuid.example/Plone|svc|", "needs a service account"),
        ],
    )
    def test_malformed_lines(self, line, expected):
        from bibqual.controlpanels.lines import parse_partner_site
        from zope.i18n import translate

        with pytest.raises(ValueError) as info:
            parse_partner_site(line)
        assert expected in translate(info.value.args[0])

    def test_good_line(self):
        from bibqual.controlpanels.lines import parse_partner_site

        site = parse_partner_site(" Zuid | https://zuid.example/Plone/ | svc | geheim|met|pijp ")
        assert (site.name, site.url, site.user, site.password) == (
            "Zuid",
            "https://zuid.example/Plone",
            "svc",
            "geheim|met|pijp",
        )
        assert "geheim" not in repr(site)
        assert site.owns("https://zuid.example/Plone/bieb/project")
        assert site.owns("https://ZUID.example:443/Plone/bieb/project")
        assert not site.owns("http://zuid.example/Plone/bieb/project")
        assert not site.owns("https://zuid.example/Plone2/bieb/project")

    def test_partner_sites_from_the_registry(self, portal):
        from bibqual.network.partners import partner_sites

        portal.portal_registry["bibqual.partner_sites"] = [
            "Zuid|https://zuid.example/Plone|svc|pw",
            "kapotte regel",
            "Zuid|https://ander.example/Plone|svc|pw",
            "Oost|https://oost.example/Plone|svc|pw",
        ]
        assert [(site.name, site.url) for site in partner_sites()] == [
            ("Zuid", "https://zuid.example/Plone"),
            ("Oost", "https://oost.example/Plone"),
        ]

    def test_control_panel_refuses_malformed_line(self, functional_app, functional_portal):
        browser = Browser(functional_app)
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        browser.open(f"{functional_portal.absolute_url()}/@@bibqual-settings")
        widget = browser.getControl(name="form.widgets.partner_sites")
        widget.value = "Bibliotheek Zuid|ftp://zuid.example/Plone|svc|geheim"
        browser.getControl(name="form.buttons.save").click()
        assert "There were some errors" in browser.contents
        assert "must start with http:// or https://" in browser.contents
        transaction.begin()
        assert functional_portal.portal_registry["bibqual.partner_sites"] == []

        browser.getControl(
            name="form.widgets.partner_sites"
        ).value = "Bibliotheek Zuid|https://zuid.example/Plone|svc|geheim"
        browser.getControl(name="form.buttons.save").click()
        assert "Changes saved" in browser.contents
        transaction.begin()
        assert functional_portal.portal_registry["bibqual.partner_sites"] == [
            "Bibliotheek Zuid|https://zuid.example/Plone|svc|geheim"
        ]
