"""Fixtures of the norm framework tests: browsers and a library tagged under SCOB.

``tagged_library`` is built on the site the tests name (``functional_portal`` has SCOB
active, as a site upgraded from 1003; ``kib_functional_portal`` is a new site).
"""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from support import PASSWORD
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.content import make_user
from support.content import transition
import pytest
import transaction


def browser_for(app, user=None):
    """A test browser on ``app``: the site owner, or ``user`` (made with ``PASSWORD``)."""
    browser = Browser(app)
    browser.handleErrors = False
    if user is None:
        browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    else:
        browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
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


@pytest.fixture
def tagged(functional_portal):
    """``build_tagged_library`` on the SCOB site, committed."""
    items = build_tagged_library(functional_portal)
    transaction.commit()
    return items


@pytest.fixture
def switch_framework(functional_portal):
    """Make ``token`` the active framework, as the administrator does in the settings."""

    def switch(token):
        transaction.begin()
        functional_portal.portal_registry["bibqual.active_framework"] = token
        transaction.commit()

    return switch


@pytest.fixture
def refresh():
    """See what the browser's or the REST requests committed."""
    return transaction.begin
