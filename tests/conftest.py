"""Shared fixtures: the Plone layers of bibqual, a library tree and REST sessions.

The builders behind the tree are in ``support.content`` (``tests/support``).

``portal``, ``functional_portal`` and ``rest`` are a site with the SCOB 3rd round
active (the tests written before KiB became the default tag with its elements);
``kib_portal``, ``kib_functional_portal`` and ``kib_rest`` are the site as a new
installation has it, with CBCT Kwaliteit in Beeld active.
"""

from bibqual.testing import DEMO_FUNCTIONAL_TESTING
from bibqual.testing import DEMO_INTEGRATION_TESTING
from bibqual.testing import FUNCTIONAL_TESTING
from bibqual.testing import HOST_FUNCTIONAL_TESTING
from bibqual.testing import HOST_SITE_ID
from bibqual.testing import INTEGRATION_TESTING
from bibqual.testing import KIB_FUNCTIONAL_TESTING
from bibqual.testing import KIB_INTEGRATION_TESTING
from datetime import date
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import login
from plone.app.testing import logout
from pytest_plone import fixtures_factory
from pytest_plone.fixtures.requests import RelativeSession
from support.content import create
from support.content import make_library
from support.content import make_plan
from zope.component.hooks import setSite
import pytest


pytest_plugins = ["pytest_plone"]

globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
            (KIB_FUNCTIONAL_TESTING, "kib_functional"),
            (KIB_INTEGRATION_TESTING, "kib_integration"),
        )
    )
)
# The demo layers are not kept for the session: their content must not leak
# into the plain test sites.
globals().update(
    fixtures_factory(
        (
            (DEMO_INTEGRATION_TESTING, "demo_integration"),
            (DEMO_FUNCTIONAL_TESTING, "demo_functional"),
        ),
        keep_session=False,
    )
)
# The host layer has no bibqual installed; it is used by one module only.
globals().update(
    fixtures_factory(((HOST_FUNCTIONAL_TESTING, "host_functional"),), keep_session=False)
)


@pytest.fixture
def package_name() -> str:
    """The distribution under test (used by pytest-plone's ``uninstalled``)."""
    return "bibqual"


@pytest.fixture
def library(portal):
    """A Library at the site root (integration layer), as a Manager made it."""
    return make_library(
        portal, "bieb", title="Bibliotheek Noorderkwartier", municipalities=["Alkmaar", "Heiloo"]
    )


@pytest.fixture
def year_plan(library):
    """The 2026 YearPlan of ``library`` with two spearheads."""
    return make_plan(library, 2026, spearheads=["Taal en lezen", "Digitale inclusie"])


@pytest.fixture
def project(year_plan):
    """A SmartProject in ``year_plan`` with two indicators."""
    return create(
        year_plan,
        "SmartProject",
        "voorlezen",
        title="Voorlezen op de peuterspeelzaal",
        specific="Elke peuterspeelzaal in Alkmaar krijgt wekelijks een voorleesuur.",
        start=date(2026, 2, 1),
        deadline=date(2026, 11, 30),
        spearhead="Taal en lezen",
        norm_fields=["dienstverlening", "netwerk"],
        core_functions=["lezen-en-literatuur"],
        partners=["Kinderopvang Kits"],
        indicators=[
            {"name": "Voorleesuren", "target": 40, "actual": 30, "unit": "uur"},
            {"name": "Bereikte peuters", "target": 200, "actual": None, "unit": "kinderen"},
        ],
    )


@pytest.fixture
def kib_portal(kib_integration):
    """A new site's portal (integration): CBCT Kwaliteit in Beeld is the active framework."""
    return kib_integration["portal"]


@pytest.fixture
def kib_functional_portal(kib_functional):
    """A new site's portal on the WSGI server: CBCT Kwaliteit in Beeld is active."""
    return kib_functional["portal"]


@pytest.fixture
def kib_functional_app(kib_functional):
    """The Zope application of ``kib_functional_portal`` (for ``plone.testing`` browsers)."""
    return kib_functional["app"]


def _sessions(portal):
    """Factory of REST sessions on ``portal``; yields it, then closes its sessions."""
    sessions = []

    def factory(user=None, password=None):
        session = RelativeSession(portal.absolute_url())
        session.headers.update({"Accept": "application/json", "Content-Type": "application/json"})
        if user == "admin":
            session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        elif user:
            session.auth = (user, password)
        sessions.append(session)
        return session

    yield factory
    for session in sessions:
        session.close()


@pytest.fixture
def rest(functional_portal):
    """Factory of REST sessions on the functional portal (a real WSGI server).

    ``rest()`` is anonymous, ``rest("admin")`` the site owner, and
    ``rest(user, password)`` any user the test created.
    """
    yield from _sessions(functional_portal)


@pytest.fixture
def kib_rest(kib_functional_portal):
    """``rest`` on the new site's portal (CBCT Kwaliteit in Beeld active)."""
    yield from _sessions(kib_functional_portal)


@pytest.fixture(scope="class")
def host_site(host_functional_class):
    """``(app, site)``: a plain Dutch Classic site without bibqual installed, shared by
    the tests of one class (each class gets a fresh one), the site owner logged in."""
    host_functional_class.testSetUp()
    try:
        app = host_functional_class["app"]
        site = app[HOST_SITE_ID]
        setSite(site)
        login(app, SITE_OWNER_NAME)  # the Zope root's user folder holds the site owner
        yield app, site
    finally:
        logout()
        host_functional_class.testTearDown()
