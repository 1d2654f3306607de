"""The service documentation in ``docs/services/`` is made by real requests.

Each example below runs against a real Plone site; the request and the answer
(normalised: host, UIDs and timestamps) are written as Markdown. The test fails
when a committed page differs from what the service answers now, so the docs
cannot go stale, and when a page is missing. Every call must answer exactly the status
code written next to it. ``make docs`` (``BIBQUAL_WRITE_DOCS=1``) writes the pages.
"""

from datetime import date
from pathlib import Path
from plone import api
from support import DEMO_PASSWORD
from support import PASSWORD
from support.content import create
from support.content import make_assurance
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.content import transition
from support.round import make_finding
from support.round import make_report
from support.round import make_round
from support.round import make_self_assessment
import base64
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

# Each call is (method, path, JSON body, user, the status code the page documents);
# user None is anonymous. An example's ``setup`` (if any) adds what its calls need to
# the site first.
GRANT = ("POST", "bieb/@audit-access", {"user": "auditor", "until": "2026-12-31"}, "admin", 201)
ROUND = "bieb/ronde-2027"
FINDING = f"{ROUND}/rapport/collectieplan"


def add_round(site):
    """The round of ``bieb``: SCOB 3rd round, the certificate ends on 31 May 2027, the
    audit on 15 April 2027; a submitted self-evaluation scoring one element, a draft
    report with a shortcoming."""
    certification = make_round(site["portal"]["bieb"])
    scores = zip(("beleid", "uitvoering", "meting", "verbetering"), (4, 3, 3, 2), strict=True)
    self_assessment = make_self_assessment(
        certification,
        title="Zelfevaluatie 2027",
        scores=[
            {"element": "collectie", "aspect": aspect, "score": score, "explanation": ""}
            for aspect, score in scores
        ],
    )
    transition(self_assessment, ["submit"])
    make_finding(
        make_report(certification),
        "collectieplan",
        "Collectieplan niet geëvalueerd",
        "shortcoming",
        date(2027, 3, 1),
        norm_field="collectie",
        text="De evaluatie van het collectieplan is twee jaar niet gedaan.",
    )


def activate_kib(site):
    """The site switches to CBCT Kwaliteit in Beeld; its tags are SCOB's."""
    api.portal.set_registry_record("bibqual.active_framework", "cbct-kib")


EXAMPLES = {
    "pdca-overview": {
        "title": "GET {library}/@pdca-overview",
        "about": "Per year plan of a library: projects per PDCA state, overdue projects "
        "(deadline passed, not done or cancelled) and assurance projects due within 60 "
        "days. Anyone who may view the library; counts cover what the caller may see.",
        "calls": [("GET", "bieb/@pdca-overview", None, "admin", 200)],
    },
    "norm-coverage": {
        "title": "GET {library}/@norm-coverage",
        "about": "Per element of the active norm framework: projects per state, released and "
        "still valid evidence, assurance projects, and `gap: true` where there is no released, "
        "still valid evidence or no project past `plan`; tags of other frameworks counted under "
        "their framework (`other_frameworks`).",
        "calls": [("GET", "bieb/@norm-coverage", None, "admin", 200)],
    },
    "similar-projects": {
        "title": "GET {site}/@similar-projects?q=TEXT",
        "about": "SMART projects ranked by text relevance to `q`, from the caller's own "
        "library (`library=UID`, or the library of the year plan the service is called on) "
        "and from libraries that share with the network. Logged-in users only.",
        "calls": [("GET", "@similar-projects?q=voorlezen", None, "admin", 200)],
    },
    "copy-project": {
        "title": "POST {yearplan}/@copy-project",
        "about": "Copies a project into this year plan: state `plan`, `copied_from` set, "
        "`actual` values, `evaluation` and `improvements` cleared. 201 with the new item; "
        "404 for an unknown source, 403 when its library does not share.",
        "calls": [
            ("POST", "west/jaarplan-2027/@copy-project", {"source": "<voorlezen>"}, "admin", 201),
            ("POST", "west/jaarplan-2027/@copy-project", {"source": "onbekend"}, "admin", 404),
        ],
    },
    "rollover": {
        "title": "POST {library}/@rollover",
        "about": "A new year plan with the spearheads of `from_year` and copies of its "
        "projects that are not `done` or `cancelled`; 400 when the year already exists.",
        "calls": [
            ("POST", "bieb/@rollover", {"from_year": 2026, "to_year": 2027}, "admin", 201),
            ("POST", "bieb/@rollover", {"from_year": 2026, "to_year": 2027}, "admin", 400),
        ],
    },
    "audit-access": {
        "title": "POST / GET / DELETE {library}/@audit-access",
        "about": "Time-limited Auditor grants on one library (permission "
        "`bibqual: Manage audit access`). After `until` the user sees nothing of the "
        "library, search results included.",
        "calls": [
            GRANT,
            ("POST", "bieb/@audit-access", {"user": "auditor", "until": "morgen"}, "admin", 400),
            ("GET", "bieb/@audit-access", None, "admin", 200),
            ("DELETE", "bieb/@audit-access", {"user": "auditor"}, "admin", 204),
        ],
    },
    "quality-dossier": {
        "title": "GET {library}/@quality-dossier",
        "about": "The library's evidence the caller may see (an auditor: released and archived "
        "only), per element of the active norm framework in its order with the element's "
        "readiness (`gap: true` and its `gap_reasons` where there is no released, still valid "
        "evidence or no project past `plan`: the same answer as `@norm-coverage`), evidence "
        "tagged with another framework's elements (`other_frameworks`), evidence with no norm "
        "tag (`unassigned`), and per policy topic. What "
        "`@@quality-dossier` shows; anyone who may view the library.",
        "calls": [("GET", "bieb/@quality-dossier", None, "admin", 200)],
    },
    "board": {
        "title": "GET {yearplan}/@board",
        "about": "The year plan's projects the caller may see, by deadline, in one column per "
        "PDCA state (`plan` to `done`, with titles) and the `cancelled` ones apart. What the "
        "year plan's board (`@@board`) shows; anyone who may view the plan.",
        "calls": [("GET", "bieb/jaarplan-2026/@board", None, "admin", 200)],
    },
    "audit-overview": {
        "title": "GET {site}/@audit-overview",
        "about": "My audits: the libraries the caller is Auditor on (by the sharing tab or a "
        "running time-limited grant, whose last day is `until`), each with its adopted and "
        "closed year plans. What `@@audit-overview` shows; logged-in users only.",
        "calls": [
            GRANT,
            ("GET", "@audit-overview", None, "auditor", 200),
            ("GET", "@audit-overview", None, None, 401),
        ],
    },
    "project-copies": {
        "title": "GET {project}/@project-copies",
        "about": "Who copied this SMART project (`@copy-project`, a rollover), newest first: "
        "the library, the user and the date of each copy, and the copy itself (`@id` null when "
        "the caller may not see it). The list is empty for those who may not edit the project, "
        "as the copies block on the project page.",
        "calls": [
            ("POST", "west/jaarplan-2027/@copy-project", {"source": "<voorlezen>"}, "admin", 201),
            ("GET", "bieb/jaarplan-2026/voorlezen/@project-copies", None, "admin", 200),
        ],
    },
    "norm-frameworks": {
        "title": "GET {site}/@norm-frameworks",
        "about": "Every norm framework of the site (shipped, or added as a file in the "
        "settings): elements with their aspects, the score scale with labels, the outcome "
        "bands (lower bound in percent) and optional modules; `active` names the one new "
        "tags and rounds use. Public knowledge: whoever may view the site.",
        "calls": [("GET", "@norm-frameworks", None, "admin", 200)],
    },
    "norm-mapping": {
        "title": "GET / POST {library}/@norm-mapping",
        "about": "Carries norm tags of another framework over to the active one with the "
        "mapping of the settings (here SCOB 3rd round to Kwaliteit in Beeld). `GET` (or "
        '`POST` with `"dry_run": true`) is the preview: per item, the elements that would '
        "be added; `POST` adds them and keeps every tag the item had. The coordinator "
        "(Review portal content on the library); 400 when `dry_run` is not a boolean.",
        "setup": activate_kib,
        "calls": [
            ("GET", "bieb/@norm-mapping", None, "admin", 200),
            ("POST", "bieb/@norm-mapping", {"dry_run": "ja"}, "admin", 400),
            ("POST", "bieb/@norm-mapping", {}, "admin", 200),
        ],
    },
    "certification-status": {
        "title": "GET {certification}/@certification-status",
        "about": "Where a certification round stands: its milestones after CBCT's phases "
        "(audit quarter, self-evaluation six weeks before the audit, audit, report, decision; "
        "on a conditional outcome the recovery plan three months after the decision), each "
        "with its date, `met` and `overdue`, the next one, the newest self-evaluation's "
        "percentage and band, the report and the open findings. Anyone who may view the "
        "round.",
        "setup": add_round,
        "calls": [
            ("GET", f"{ROUND}/@certification-status", None, "admin", 200),
            ("GET", f"{ROUND}/@certification-status", None, None, 401),
        ],
    },
    "corrective-project": {
        "title": "POST {finding}/@corrective-project",
        "about": "Makes a corrective project from an open finding and links it as one of "
        "its actions: a `SmartProject` (the default `type`) in this year's plan or an "
        "`AssuranceProject` in the library, tagged with the finding's norm element; the "
        "finding gives title, specific goal and deadline unless the body does. 201 with the "
        "new item; 400 with the reason (a closed finding, no year plan this year, no "
        "deadline, a refused field), 403 when the caller may not add it there.",
        "setup": add_round,
        "calls": [
            (
                "POST",
                f"{FINDING}/@corrective-project",
                {"title": "Evaluatie collectieplan inhalen", "deadline": "2027-02-15"},
                "admin",
                201,
            ),
            ("POST", f"{FINDING}/@corrective-project", {"type": "Folder"}, "admin", 400),
        ],
    },
    "workflow": {
        "title": "POST {item}/@workflow/{transition}",
        "about": "PDCA steps. A step the content is not ready for answers 400 with the "
        "reason; a step the caller's role may not take answers 403.",
        "calls": [
            ("POST", "bieb/jaarplan-2026/leeg/@workflow/start", {"comment": "Start"}, "admin", 400),
            (
                "POST",
                "bieb/jaarplan-2026/voorlezen/@workflow/evaluate",
                {"comment": "Gemeten"},
                "admin",
                200,
            ),
        ],
    },
}


@pytest.fixture
def site(functional_portal, monkeypatch):
    """A small, fixed library: plan 2026 with two projects, evidence, an assurance project."""
    monkeypatch.setattr("bibqual.clock.today", lambda: TODAY)
    portal = functional_portal
    library = make_library(portal, "bieb", title="Bibliotheek Noord", share_with_network=True)
    plan = transition(make_plan(library, 2026), ["adopt"])
    voorlezen = make_project(
        plan,
        "voorlezen",
        title="Voorlezen op de peuterspeelzaal",
        specific="Elke peuterspeelzaal krijgt wekelijks een voorleesuur.",
        deadline=date(2026, 11, 1),
        spearhead="Taal en lezen",
        core_functions=["lezen-en-literatuur"],
        indicators=[{"name": "Voorleesuren", "target": 40, "actual": 30, "unit": "uur"}],
        evaluation="Bijna gehaald",
    )
    transition(voorlezen, ["start"])
    create(
        plan,
        "SmartProject",
        "leeg",
        title="Nog vaag",
        specific="Iets met jongeren",
        deadline=date(2026, 12, 31),
    )
    transition(
        make_evidence(
            library,
            "collectieplan",
            title="Collectieplan",
            remote_url="https://example.org/collectieplan.pdf",
            norm_fields=["collectie"],
            document_type="beleidsplan",
        ),
        ["release"],
    )
    make_assurance(
        library,
        "evaluatie-collectieplan",
        title="Evaluatie collectieplan",
        agreement="Jaarlijks evalueren",
        next_review=date(2026, 12, 15),
        norm_fields=["collectie"],
    )
    make_plan(make_library(portal, "west", title="Bibliotheek West"), 2027)
    with api.env.adopt_roles(["Manager"]):
        api.user.create(email="auditor@example.org", username="auditor", password=PASSWORD)
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
    method, path, body, user, _status = call
    if body and body.get("source") == "<voorlezen>":
        body = {"source": site["voorlezen"].UID()}
    session = rest(user) if user in (None, "admin") else rest(user, PASSWORD)
    response = session.request(method, path, json=body)
    return method, path, body, user, response


def authorization(user):
    """The header a caller of the demo site sends: ``admin``/``admin`` or a demo login."""
    if user is None:
        return []
    password = "admin" if user == "admin" else DEMO_PASSWORD
    credentials = base64.b64encode(f"{user}:{password}".encode()).decode()
    return [f"Authorization: Basic {credentials}"]


def render(name, example, exchanges, site_url):
    lines = [f"# {example['title']}", "", example["about"], ""]
    lines.append("<!-- Generated by tests/docs/test_service_docs.py; run `make docs`. -->")
    for method, path, body, user, response in exchanges:
        lines += ["", "Request:", "", "```http", f"{method} /Plone/{path} HTTP/1.1"]
        lines += ["Accept: application/json", *authorization(user)]
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
    if "setup" in example:
        example["setup"](site)
        transaction.commit()
    exchanges = [run(rest, site, call) for call in example["calls"]]
    answered = [
        (call[0], call[1], response.status_code)
        for call, (*_, response) in zip(example["calls"], exchanges, strict=True)
    ]
    documented = [(call[0], call[1], call[4]) for call in example["calls"]]
    assert answered == documented, [response.text[:300] for *_, response in exchanges]
    page = render(name, example, exchanges, site["portal"].absolute_url())
    target = DOCS / f"{name}.md"
    if WRITE:
        DOCS.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    assert target.exists(), f"{target} is missing. Run `make docs` and commit it."
    assert target.read_text(encoding="utf-8") == page, (
        f"{target} is stale: the service answers differently now. Run `make docs`."
    )


def test_every_page_has_an_example():
    """No page in docs/services/ is left over from a service that is no longer documented."""
    assert sorted(path.stem for path in DOCS.glob("*.md")) == sorted(EXAMPLES)
