"""Shared content and helpers of the report page tests (dossier, coverage, PDCA, audits).

``build_library`` makes a library as a Manager, on 1 December 2026 (the tests
freeze bibqual's clock there):

- year plans 2026 (adopted), 2025 (closed), 2027 (draft);
- in 2026: "Te laat" (do, deadline passed: overdue), "Klaar" (done), "Nog te doen"
  (plan), "Geschrapt" (cancelled, overdue deadline but not counted as overdue);
- evidence with every kind of state, validity and tagging (see EVIDENCE);
- assurance projects due, overdue and not yet due.
"""

from datetime import date
from lxml import html
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.namedfile.file import NamedBlobFile
from plone.testing.zope import Browser
from support import PASSWORD
from support.content import take_step
import os
import pytest
import transaction


TODAY = date(2026, 12, 1)
INDICATORS = [{"name": "Bereik", "target": 10, "actual": 5, "unit": "x"}]

# title: (state, norm fields, policy topics, valid_until, document_type, file?)
EVIDENCE = {
    "Collectieplan 2025-2028": (
        "released",
        ["collectie"],
        ["Collectie"],
        date(2027, 6, 1),
        "beleidsplan",
        True,
    ),
    "Jaarverslag 2024": (
        "released",
        ["leiderschap", "strategie"],
        ["Verantwoording"],
        date(2026, 10, 1),
        "jaarverslag",
        False,
    ),
    "Klanttevredenheid 2026": (
        "released",
        ["dienstverlening"],
        ["Verantwoording", "Klanten"],
        date(2027, 1, 15),
        "klanttevredenheidsonderzoek",
        False,
    ),
    "Concept werkinstructie": ("draft", ["medewerkers"], [], None, "procedure", False),
    "Oud convenant": ("archived", ["gemeenten"], ["Gemeente"], None, "overeenkomst", False),
    "Losse notitie": ("released", [], [], None, "overig", False),
}


@pytest.fixture
def frozen_today(monkeypatch):
    """Freeze bibqual's clock on 1 December 2026."""
    monkeypatch.setattr("bibqual.clock.today", lambda: TODAY)
    return TODAY


def _project(plan, title, deadline, norm_fields, steps=(), **extra):
    project = api.content.create(
        container=plan,
        type="SmartProject",
        title=title,
        specific=f"Doel van {title}",
        deadline=deadline,
        norm_fields=norm_fields,
        indicators=INDICATORS,
        evaluation="Geëvalueerd",
        **extra,
    )
    for step in steps:
        take_step(project, step)
    return project


DONE_STEPS = ("start", "evaluate", "adjust", "complete")


def build_library(portal, title="Bibliotheek Kennemerwaard", evidence=True):
    """A library full of quality work (see the module docstring); commit yourself."""
    with api.env.adopt_roles(["Manager"]):
        library = api.content.create(container=portal, type="Library", title=title)
        plan = api.content.create(
            container=library, type="YearPlan", title="Jaarplan 2026", year=2026
        )
        _project(plan, "Te laat", date(2026, 10, 1), ["collectie"], ("start",))
        _project(plan, "Klaar", date(2026, 9, 1), ["collectie", "netwerk"], DONE_STEPS)
        _project(plan, "Nog te doen", date(2027, 3, 1), ["leiderschap"])
        reading = _project(
            plan, "Voorlezen", date(2027, 2, 1), ["dienstverlening"], ("start", "evaluate")
        )
        _project(plan, "Geschrapt", date(2026, 5, 1), ["strategie"], ("cancel",))
        api.content.transition(obj=plan, transition="adopt")

        old = api.content.create(
            container=library, type="YearPlan", title="Jaarplan 2025", year=2025
        )
        _project(old, "Leesclub", date(2025, 11, 1), ["dienstverlening"], DONE_STEPS)
        api.content.transition(obj=old, transition="adopt")
        api.content.transition(obj=old, transition="close")

        draft = api.content.create(
            container=library, type="YearPlan", title="Jaarplan 2027", year=2027
        )
        _project(draft, "Toekomstplan", date(2027, 12, 1), ["medewerkers"])

        api.content.create(
            container=library,
            type="AssuranceProject",
            title="Evaluatie collectieplan",
            agreement="Jaarlijks",
            next_review=date(2026, 12, 20),
            norm_fields=["collectie"],
        )
        api.content.create(
            container=library,
            type="AssuranceProject",
            title="Achterstallige review",
            agreement="Elk half jaar",
            next_review=date(2026, 11, 1),
            norm_fields=["processen"],
        )
        api.content.create(
            container=library,
            type="AssuranceProject",
            title="Klanttevredenheidsonderzoek",
            agreement="Elke drie jaar",
            next_review=date(2027, 6, 1),
            norm_fields=["dienstverlening"],
        )
        if evidence:
            for name, (state, norm, topics, until, kind, has_file) in EVIDENCE.items():
                source = (
                    {
                        "file": NamedBlobFile(
                            b"%PDF-1.4 bewijs", filename="bewijs.pdf", contentType="application/pdf"
                        )
                    }
                    if has_file
                    else {"remote_url": f"https://docs.example.org/{kind}"}
                )
                item = api.content.create(
                    container=library,
                    type="Evidence",
                    title=name,
                    norm_fields=norm,
                    policy_topics=topics,
                    valid_until=until,
                    document_type=kind,
                    **source,
                )
                _evidence_state(item, state)
            # evidence kept inside a project counts for the library too
            item = api.content.create(
                container=reading,
                type="Evidence",
                title="Verslag voorleesuren",
                remote_url="https://docs.example.org/voorlezen",
                norm_fields=["dienstverlening"],
                policy_topics=["Lezen"],
                document_type="evaluatie",
            )
            _evidence_state(item, "released")
    return library


def _evidence_state(item, state):
    if state in ("released", "archived"):
        api.content.transition(obj=item, transition="release")
    if state == "archived":
        api.content.transition(obj=item, transition="archive")


def browser_for(app, user=None):
    """A test browser: anonymous, the site owner (``"admin"``) or a test user."""
    browser = Browser(app)
    browser.handleErrors = os.environ.get("BQ_DEBUG") is None
    if user == "admin":
        browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    elif user:
        browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
    return browser


def tree(browser):
    """The page as an lxml tree."""
    return html.fromstring(browser.contents)


def text(element):
    """The element's text, whitespace collapsed."""
    return " ".join(element.text_content().split())


def commit():
    transaction.commit()
