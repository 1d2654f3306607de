"""The service documentation in ``docs/services/`` is made by real requests.

Each example below runs against a real Plone site; the request and the answer
(normalised: host, UIDs and timestamps) are written as Markdown. The test fails
when a committed page differs from what the service answers now, so the docs
cannot go stale. ``make docs`` (``BIBQUAL_WRITE_DOCS=1``) rewrites them.
"""

from datetime import date
from pathlib import Path
from plone import api
import json
import os
import pytest
import re
import transaction


DOCS = Path(__file__).resolve().parents[2] / "docs" / "services"
WRITE = os.environ.get("BIBQUAL_WRITE_DOCS") == "1"
TODAY = date(2026, 12, 1)
PUBLIC_SITE = "http://localhost:8080/Plone"
UID_RE = re.compile(r"\b[0-9a-f]{32}\b")
STAMP_RE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)?")

EXAMPLES = {
    "pdca-overview": {
        "title": "GET {library}/@pdca-overview",
        "about": "Per year plan of a library: projects per PDCA state, overdue projects "
        "(deadline passed, not done or cancelled) and assurance projects due within 60 "
        "days. Anyone who may view the library; counts cover what the caller may see.",
        "calls": [("GET", "bieb/@pdca-overview", None, "admin")],
    },
    "norm-coverage": {
        "title": "GET {library}/@norm-coverage",
        "about": "Per element of the active norm framework: projects per state, released "
        "evidence, assurance projects, and `gap: true` where there is no released evidence "
        "or no project past `plan`.",
        "calls": [("GET", "bieb/@norm-coverage", None, "admin")],
    },
    "similar-projects": {
        "title": "GET {site}/@similar-projects?q=TEXT",
        "about": "SMART projects ranked by text relevance to `q`, from the caller's own "
        "library (`library=UID`, or the library of the year plan the service is called on) "
        "and from libraries that share with the network. Logged-in users only.",
        "calls": [("GET", "@similar-projects?q=voorlezen", None, "admin")],
    },
    "copy-project": {
        "title": "POST {yearplan}/@copy-project",
        "about": "Copies a project into this year plan: state `plan`, `copied_from` set, "
        "`actual` values, `evaluation` and `improvements` cleared. 201 with the new item; "
        "404 for an unknown source, 403 when its library does not share.",
        "calls": [
            ("POST", "west/jaarplan-2027/@copy-project", {"source": "<voorlezen>"}, "admin"),
            ("POST", "west/jaarplan-2027/@copy-project", {"source": "onbekend"}, "admin"),
        ],
    },
    "rollover": {
        "title": "POST {library}/@rollover",
        "about": "A new year plan with the spearheads of `from_year` and copies of its "
        "projects that are not `done` or `cancelled`; 400 when the year already exists.",
        "calls": [
            ("POST", "bieb/@rollover", {"from_year": 2026, "to_year": 2027}, "admin"),
            ("POST", "bieb/@rollover", {"from_year": 2026, "to_year": 2027}, "admin"),
        ],
    },
    "audit-access": {
        "title": "POST / GET / DELETE {library}/@audit-access",
        "about": "Time-limited Auditor grants on one library (permission "
        "`bibqual: Manage audit access`). After `until` the user sees nothing of the "
        "library, search results included.",
        "calls": [
            ("POST", "bieb/@audit-access", {"user": "auditor", "until": "2026-12-31"}, "admin"),
            ("POST", "bieb/@audit-access", {"user": "auditor", "until": "morgen"}, "admin"),
            ("GET", "bieb/@audit-access", None, "admin"),
            ("DELETE", "bieb/@audit-access", {"user": "auditor"}, "admin"),
        ],
    },
    "workflow": {
        "title": "POST {item}/@workflow/{transition}",
        "about": "PDCA steps. A step the content is not ready for answers 400 with the "
        "reason; a step the caller's role may not take answers 403.",
        "calls": [
            ("POST", "bieb/jaarplan-2026/leeg/@workflow/start", {"comment": "Start"}, "admin"),
            (
                "POST",
                "bieb/jaarplan-2026/voorlezen/@workflow/evaluate",
                {"comment": "Gemeten"},
                "admin",
            ),
        ],
    },
}


@pytest.fixture
def site(functional_portal, monkeypatch):
    """A small, fixed library: plan 2026 with two projects, evidence, an assurance project."""
    monkeypatch.setattr("bibqual.clock.today", lambda: TODAY)
    portal = functional_portal
    with api.env.adopt_roles(["Manager"]):
        library = api.content.create(
            container=portal,
            type="Library",
            id="bieb",
            title="Bibliotheek Noord",
            share_with_network=True,
        )
        plan = api.content.create(
            container=library,
            type="YearPlan",
            id="jaarplan-2026",
            title="Jaarplan 2026",
            year=2026,
            spearheads=["Taal en lezen"],
        )
        api.content.transition(obj=plan, transition="adopt")
        voorlezen = api.content.create(
            container=plan,
            type="SmartProject",
            id="voorlezen",
            title="Voorlezen op de peuterspeelzaal",
            specific="Elke peuterspeelzaal krijgt wekelijks een voorleesuur.",
            start=date(2026, 2, 1),
            deadline=date(2026, 11, 1),
            spearhead="Taal en lezen",
            norm_fields=["dienstverlening"],
            core_functions=["lezen-en-literatuur"],
            indicators=[{"name": "Voorleesuren", "target": 40, "actual": 30, "unit": "uur"}],
            evaluation="Bijna gehaald",
        )
        api.content.transition(obj=voorlezen, transition="start")
        api.content.create(
            container=plan,
            type="SmartProject",
            id="leeg",
            title="Nog vaag",
            specific="Iets met jongeren",
            deadline=date(2026, 12, 31),
        )
        evidence = api.content.create(
            container=library,
            type="Evidence",
            id="collectieplan",
            title="Collectieplan",
            remote_url="https://example.org/collectieplan.pdf",
            norm_fields=["collectie"],
            document_type="beleidsplan",
        )
        api.content.transition(obj=evidence, transition="release")
        api.content.create(
            container=library,
            type="AssuranceProject",
            id="evaluatie-collectieplan",
            title="Evaluatie collectieplan",
            agreement="Jaarlijks evalueren",
            next_review=date(2026, 12, 15),
            norm_fields=["collectie"],
        )
        west = api.content.create(
            container=portal, type="Library", id="west", title="Bibliotheek West"
        )
        api.content.create(
            container=west,
            type="YearPlan",
            id="jaarplan-2027",
            title="Jaarplan 2027",
            year=2027,
            spearheads=["Taal en lezen"],
        )
        api.user.create(email="auditor@example.org", username="auditor", password="x-secret-1")
    transaction.commit()
    return {"portal": portal, "voorlezen": voorlezen}


def normalise(text, site_url):
    text = text.replace(site_url, PUBLIC_SITE)
    seen = {}

    def uid(match):
        return seen.setdefault(match.group(0), f"<UID-{len(seen) + 1}>")

    text = UID_RE.sub(uid, text)
    return STAMP_RE.sub("<timestamp>", text)


def run(rest, site, call):
    method, path, body, user = call
    if body and body.get("source") == "<voorlezen>":
        body = {"source": site["voorlezen"].UID()}
    session = rest(user)
    response = session.request(method, path, json=body)
    return method, path, body, response


def render(name, example, exchanges, site_url):
    lines = [f"# {example['title']}", "", example["about"], ""]
    lines.append("<!-- Generated by tests/docs/test_service_docs.py; run `make docs`. -->")
    for method, path, body, response in exchanges:
        lines += ["", "Request:", "", "```http", f"{method} /Plone/{path} HTTP/1.1"]
        lines += ["Accept: application/json", "Authorization: Basic YWRtaW46YWRtaW4="]
        if body is not None:
            lines += ["Content-Type: application/json", "", json.dumps(body, indent=2)]
        lines += ["```", "", "Response:", "", "```http"]
        lines.append(f"HTTP/1.1 {response.status_code} {response.reason}")
        if response.content:
            lines += ["Content-Type: application/json", ""]
            lines.append(json.dumps(response.json(), indent=2, ensure_ascii=False))
        lines.append("```")
    return normalise("\n".join(lines) + "\n", site_url)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_service_docs(name, site, rest):
    example = EXAMPLES[name]
    exchanges = [run(rest, site, call) for call in example["calls"]]
    for _method, _path, _body, response in exchanges:
        assert response.status_code < 500, response.text
    page = render(name, example, exchanges, site["portal"].absolute_url())
    target = DOCS / f"{name}.md"
    if WRITE or not target.exists():
        DOCS.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    assert target.read_text(encoding="utf-8") == page, (
        f"{target} is stale: the service answers differently now. Run `make docs`."
    )
