"""Fixtures of the security tests: REST sessions on a class-scoped functional site.

The helpers shared with the workflow tests (one user per role, states, content
builders) live in the ``support`` package (``tests/support``).
"""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from pytest_plone.fixtures.requests import RelativeSession
from support import PASSWORD
from support.workflows import user_id
import pytest


@pytest.fixture(scope="class")
def site(functional_portal_class):
    """The functional portal, shared by the tests of one class (commit to publish)."""
    return functional_portal_class


@pytest.fixture(scope="class")
def session(site):
    """``session(role)``: a REST session as the ``support.workflows`` user of ``role``.

    ``session("Anonymous")`` sends no credentials; ``session("admin")`` is the site owner.
    """

    sessions = {}

    def factory(role):
        if role not in sessions:
            http = RelativeSession(site.absolute_url())
            http.headers.update({"Accept": "application/json"})
            if role == "admin":
                http.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
            elif role != "Anonymous":
                http.auth = (user_id(role), PASSWORD)
            sessions[role] = http
        return sessions[role]

    yield factory
    for http in sessions.values():
        http.close()


@pytest.fixture
def fresh():
    """Start a new transaction: see what the server committed, drop stale objects."""
    import transaction

    transaction.begin()
