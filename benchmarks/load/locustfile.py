"""Audit season: who uses bibqual at once, what they open and change (locust).

Run by ``benchmarks/load/run.py`` (``make load``) as ``locust -f`` in a process of its own, never
imported by Zope or the tests (locust patches the standard library with gevent). The host is the
site URL (``http://localhost:8080/Plone``); several instances are given as ``LOAD_HOSTS`` (comma
separated) and each simulated person sticks to one of them, as behind a load balancer with sticky
sessions. ``LOAD_LIBRARIES`` names the libraries with load-test people (comma separated ids,
``people.py``); each person works in one of them and in one of its year plans.

Every request has a name from ``names.py``; Plone's own pages are requested by the same people in
the same run, so the report compares like with like. Think times are a person's, not a robot's.
"""

from benchmarks.load import names
from benchmarks.load.people import BASELINE_FOLDER
from benchmarks.load.people import BASELINE_ITEMS
from benchmarks.load.people import NEWS_FOLDER
from benchmarks.load.people import PASSWORD
from benchmarks.load.people import ROUND_ID
from benchmarks.load.people import people_of
from bibqual.workflows.ids import ACT
from bibqual.workflows.ids import CHECK
from bibqual.workflows.ids import CLOSED
from bibqual.workflows.ids import DO
from bibqual.workflows.ids import DRAFT
from bibqual.workflows.ids import PLAN
from itertools import count
from locust import HttpUser
from locust import between
from locust import task
import os
import random


HOSTS = [host for host in os.environ.get("LOAD_HOSTS", "").split(",") if host]
# seconds a person thinks between two clicks; "0,0" is a capacity run (as fast as served)
THINK = tuple(float(part) for part in os.environ.get("LOAD_THINK", "2,6").split(","))
LIBRARIES = [name for name in os.environ.get("LOAD_LIBRARIES", "").split(",") if name]
SEARCH_WORDS = ("voorlezen", "taalhuis", "digicafé", "leesclub", "senioren", "jongeren", "Hoorn")
NUMBERS = count()
JSON = {"Accept": "application/json"}
WRITE = {"Accept": "application/json", "Content-Type": "application/json"}


def arrive(user):
    """Give ``user`` its number and its instance (sticky, as behind a load balancer)."""
    number = next(NUMBERS)
    if HOSTS:
        user.client.base_url = HOSTS[number % len(HOSTS)]
    return number


class Person(HttpUser):
    """Someone of one library, logged in with a token (``@login``) like the Classic UI's cookie."""

    abstract = True
    role = ""
    wait_time = between(*THINK)

    def on_start(self):
        number = arrive(self)
        self.library_id = LIBRARIES[number % len(LIBRARIES)]
        self.library = f"/{self.library_id}"
        response = self.client.post(
            "/@login",
            json={"login": people_of(self.library_id)[self.role], "password": PASSWORD},
            headers=JSON,
            name=names.LOGIN,
        )
        self.client.headers["Authorization"] = f"Bearer {response.json()['token']}"
        plans = self.find(names.FIND_WORK, path=self.library, portal_type="YearPlan", sort_on="id")
        # people of one library spread over the plans still worked in (a closed plan takes no
        # new projects and no results), the newest first
        plans = [plan for plan in plans if plan["state"] != CLOSED] or plans
        self.plan = plans[-1 - (number // len(LIBRARIES)) % len(plans)]["url"] if plans else None
        year = (self.plan or "").rsplit("-", 1)[-1]
        self.year = int(year) if year.isdigit() else 2026
        self.projects = (
            self.find(names.FIND_WORK, path=self.plan, portal_type="SmartProject")
            if self.plan
            else []
        )

    def find(self, name, **query):
        """Catalog brains through ``@search`` (``{"@id", "review_state"}``), as a client would."""
        params = {"metadata_fields": "review_state", "b_size": 200, **query}
        params["path.query"] = "/Plone" + params.pop("path", "")
        response = self.client.get("/@search", params=params, headers=JSON, name=name)
        if response.status_code != 200:
            return []
        return [
            {"url": item["@id"].split("/Plone", 1)[1], "state": item["review_state"]}
            for item in response.json()["items"]
        ]

    def some(self, state=None):
        items = [item for item in self.projects if state is None or item["state"] == state]
        return random.choice(items) if items else None

    # Plone's own pages, opened by the same people: the baseline of every ratio
    @task(2)
    def plone_document(self):
        page = f"/{BASELINE_FOLDER}/pagina-{random.randrange(BASELINE_ITEMS):02d}"
        self.client.get(page, name=names.PLONE_PAGE)

    @task(1)
    def plone_folder(self):
        self.client.get(f"/{BASELINE_FOLDER}", name=names.PLONE_FOLDER)

    @task(2)
    def plone_rest_document(self):
        page = f"/{BASELINE_FOLDER}/pagina-{random.randrange(BASELINE_ITEMS):02d}"
        self.client.get(page, headers=JSON, name=names.PLONE_REST)

    @task(2)
    def plone_patch(self):
        """Plone's own write (staff may edit the baseline's pages): the baseline of writes."""
        if self.role != "staff":
            return
        page = f"/{BASELINE_FOLDER}/pagina-{random.randrange(BASELINE_ITEMS):02d}"
        description = f"Bijgewerkt door {self.library_id}, {random.randrange(10**6)}."
        self.client.patch(
            page, json={"description": description}, headers=WRITE, name=names.PLONE_PATCH
        )

    @task(2)
    def plone_add(self):
        """Plone's own addition (staff add news pages): the baseline of additions."""
        if self.role != "staff":
            return
        payload = {
            "@type": "Document",
            "title": f"Nieuws {random.randrange(10**9)}",
            "description": "Een bericht van de medewerkers.",
        }
        self.client.post(f"/{NEWS_FOLDER}", json=payload, headers=WRITE, name=names.PLONE_ADD)

    @task(1)
    def plone_search(self):
        self.client.get(
            "/@search",
            params={"SearchableText": random.choice(SEARCH_WORDS), "b_size": 25},
            headers=JSON,
            name=names.PLONE_SEARCH,
        )


class Staff(Person):
    """A library's staff member: board, projects, results, the next PDCA step, new projects."""

    role = "staff"
    weight = 5

    def on_start(self):
        super().on_start()
        self.own = []  # projects this person added and is taking round the cycle

    @task(4)
    def board(self):
        if self.plan:
            self.client.get(self.plan, name=names.BOARD)

    @task(5)
    def project(self):
        item = self.some()
        if item:
            self.client.get(item["url"], name=names.PROJECT_PAGE)

    @task(3)
    def project_rest(self):
        item = self.some()
        if item:
            self.client.get(item["url"], headers=JSON, name=names.PROJECT_REST)

    @task(2)
    def board_rest(self):
        if self.plan:
            self.client.get(f"{self.plan}/@board", headers=JSON, name=names.BOARD_REST)

    @task(2)
    def search(self):
        self.client.get(
            "/@search",
            params={
                "SearchableText": random.choice(SEARCH_WORDS),
                "path.query": f"/Plone{self.library}",
                "b_size": 25,
            },
            headers=JSON,
            name=names.SEARCH_LIBRARY,
        )

    @task(2)
    def record_result(self):
        """Fill in an indicator's result of a running project of this person's plan."""
        item = self.some(DO) or self.some(CHECK)
        if not item:
            return
        response = self.client.get(item["url"], headers=JSON, name=names.PROJECT_REST)
        if response.status_code != 200:
            return
        indicators = response.json().get("indicators") or []
        if not indicators:
            return
        row = random.randrange(len(indicators))
        indicators[row] = {**indicators[row], "actual": random.randint(1, 150)}
        self.client.patch(
            item["url"], json={"indicators": indicators}, headers=WRITE, name=names.PATCH_RESULT
        )

    @task(4)
    def next_step(self):
        """Take this person's own project one step round the cycle, or start a new one; the
        result is filled in while it runs, so that the coordinator can complete it in Act."""
        if not self.own:
            if self.plan:
                self.add_project()
            return
        item = self.own[0]
        if item["state"] == DO and not item.get("result"):
            indicators = [{"name": "Peuters", "target": 20, "actual": 18, "unit": "kinderen"}]
            response = self.client.patch(
                item["url"],
                json={"indicators": indicators},
                headers=WRITE,
                name=names.PATCH_RESULT,
            )
            item["result"] = response.status_code == 204
            return
        step, state = names.STAFF_STEPS[item["state"]]
        response = self.client.post(
            f"{item['url']}/@workflow/{step}", headers=WRITE, json={}, name=names.STEP
        )
        if response.status_code == 200:
            item["state"] = state
            if state == ACT:  # the coordinator completes it
                self.own.pop(0)

    def add_project(self):
        number = random.randrange(10**9)
        payload = {
            "@type": "SmartProject",
            "title": f"Voorleesuur {number}",
            "specific": "Elke week een voorleesuur voor peuters in de vestiging.",
            "measurable": "Aantal peuters per voorleesuur.",
            "start": f"{self.year}-02-01",
            "deadline": f"{self.year}-11-30",
            "evaluation": "Goed bezocht.",
            "indicators": [{"name": "Peuters", "target": 20, "actual": None, "unit": "kinderen"}],
            "norm_fields": ["producten-en-diensten"],
        }
        response = self.client.post(self.plan, json=payload, headers=WRITE, name=names.ADD_PROJECT)
        if response.status_code == 201:
            url = response.json()["@id"].split("/Plone", 1)[1]
            self.own.append({"url": url, "state": PLAN})


class Coordinator(Person):
    """A library's quality coordinator: dashboard, coverage, dossier, completing, releasing."""

    role = "coordinator"
    weight = 2

    @task(4)
    def dashboard(self):
        self.client.get(self.library, name=names.DASHBOARD)

    @task(2)
    def pdca_overview(self):
        self.client.get(f"{self.library}/@@pdca-overview", name=names.PDCA_PAGE)

    @task(2)
    def norm_coverage(self):
        self.client.get(f"{self.library}/@@norm-coverage", name=names.COVERAGE_PAGE)

    @task(2)
    def norm_coverage_rest(self):
        self.client.get(f"{self.library}/@norm-coverage", headers=JSON, name=names.COVERAGE_REST)

    @task(2)
    def dossier(self):
        self.client.get(f"{self.library}/@@quality-dossier", name=names.DOSSIER_PAGE)

    @task(2)
    def certification(self):
        """The library's certification round: its page and its status."""
        round_url = f"{self.library}/{ROUND_ID}"
        self.client.get(round_url, name=names.ROUND_PAGE)
        self.client.get(
            f"{round_url}/@certification-status", headers=JSON, name=names.CERTIFICATION
        )

    @task(2)
    def complete(self):
        """Look at a few projects of the library in Act; complete one that has every result."""
        waiting = self.find(
            names.FIND_WORK, path=self.library, portal_type="SmartProject", review_state=ACT
        )
        for item in random.sample(waiting, min(3, len(waiting))):
            response = self.client.get(item["url"], headers=JSON, name=names.PROJECT_REST)
            indicators = response.json().get("indicators") if response.status_code == 200 else []
            if indicators and all(row.get("actual") is not None for row in indicators):
                self.client.post(
                    f"{item['url']}/@workflow/complete", headers=WRITE, json={}, name=names.STEP
                )
                return

    @task(1)
    def release(self):
        """Release an evidence item that waits as a draft, or add one for staff to come."""
        drafts = self.find(
            names.FIND_WORK, path=self.library, portal_type="Evidence", review_state=DRAFT
        )
        if drafts:
            item = random.choice(drafts)
            self.client.post(
                f"{item['url']}/@workflow/release", headers=WRITE, json={}, name=names.STEP
            )
            return
        payload = {
            "@type": "Evidence",
            "title": f"Verslag {random.randrange(10**9)}",
            "remote_url": "https://example.org/verslag.pdf",
            "document_type": "evaluatie",
            "norm_fields": ["resultaten-en-verantwoording"],
        }
        self.client.post(self.library, json=payload, headers=WRITE, name=names.ADD_EVIDENCE)


class Auditor(Person):
    """An auditor with a running grant: landing page, dossier, projects, evidence downloads."""

    role = "auditor"
    weight = 2

    @task(2)
    def landing(self):
        self.client.get("/@@audit-overview", name=names.AUDIT_PAGE)

    @task(3)
    def dossier(self):
        self.client.get(f"{self.library}/@@quality-dossier", name=names.DOSSIER_PAGE)

    @task(2)
    def dossier_rest(self):
        self.client.get(f"{self.library}/@quality-dossier", headers=JSON, name=names.DOSSIER_REST)

    @task(3)
    def project(self):
        item = self.some()
        if item:
            self.client.get(item["url"], name=names.PROJECT_PAGE)

    @task(4)
    def evidence(self):
        number = random.randrange(5)
        self.client.get(f"{self.library}/bestand-{number}", name=names.EVIDENCE_PAGE)
        self.client.get(f"{self.library}/bestand-{number}/@@download/file", name=names.DOWNLOAD)


class Visitor(HttpUser):
    """An anonymous visitor of the intranet's public pages (Plone's own)."""

    weight = 1
    wait_time = between(*THINK)

    def on_start(self):
        arrive(self)

    @task(1)
    def front_page(self):
        self.client.get("/", name=names.ANONYMOUS_FRONT)

    @task(3)
    def news(self):
        page = f"/{BASELINE_FOLDER}/pagina-{random.randrange(BASELINE_ITEMS):02d}"
        self.client.get(page, name=names.ANONYMOUS_PAGE)
