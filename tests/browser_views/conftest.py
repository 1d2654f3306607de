"""Fixtures of the page tests (board, project, assurance project)."""

from page_support import PASSWORD
from page_support import TODAY
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
import pytest
import transaction


@pytest.fixture
def frozen_today(monkeypatch):
    """bibqual's clock stands on 1 June 2026."""
    monkeypatch.setattr("bibqual.clock.today", lambda: TODAY)
    return TODAY


@pytest.fixture
def browser(functional_app):
    """Factory of test browsers: ``browser()`` is the site owner (Manager),
    ``browser(user)`` a user made with ``PASSWORD``."""

    def factory(user=None):
        result = Browser(functional_app)
        result.handleErrors = False
        if user is None:
            result.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        else:
            result.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        return result

    return factory


@pytest.fixture
def staffed_library(functional_portal):
    """A Library with the user ``jan`` (full name Jan Jansen, Editor) and
    ``lezer`` (Reader only)."""
    with api.env.adopt_roles(["Manager"]):
        library = api.content.create(
            container=functional_portal, type="Library", id="bieb", title="Bibliotheek Kennemerland"
        )
        api.user.create(
            email="jan@example.org",
            username="jan",
            password=PASSWORD,
            properties={"fullname": "Jan Jansen"},
        )
        api.user.create(email="lezer@example.org", username="lezer", password=PASSWORD)
        api.user.grant_roles(username="jan", obj=library, roles=["Editor", "Contributor"])
        api.user.grant_roles(username="lezer", obj=library, roles=["Reader"])
    transaction.commit()
    return library
