"""Helpers of the norm framework tests (tests/frameworks)."""

from support import reports
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.content import make_user
from support.content import transition


def browser_for(app, user=None):
    """A test browser on ``app`` that raises errors: the site owner, or ``user``."""
    browser = reports.browser_for(app, user or "admin")
    browser.handleErrors = False
    return browser


def build_tagged_library(portal):
    """A library with ``coordinator`` (Reviewer) and ``nieuw`` (Editor, Contributor: a
    new colleague), a project, an assurance project and released evidence tagged with
    SCOB elements, and a project tagged with KiB's ``middelen`` (in both)."""
    library = make_library(portal, "bieb", title="Bibliotheek Westfriesland")
    make_user("coordinator", [(library, ["Reviewer"])], fullname="Cora Coördinator")
    make_user("nieuw", [(library, ["Editor", "Contributor"])], fullname="Nina Nieuw")
    plan = make_plan(library, 2026)
    items = {
        "library": library,
        "plan": plan,
        "project": make_project(
            plan, "voorlezen", "Voorlezen", norm_fields=["collectie", "netwerk"]
        ),
        "budget": make_project(plan, "begroting", "Begroting", norm_fields=["middelen"]),
        "evidence": make_evidence(
            library, "verslag", "Jaarverslag", norm_fields=["gemeenten", "leiderschap"]
        ),
    }
    transition(items["evidence"], ["release"])
    return items
