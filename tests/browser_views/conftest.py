"""Fixtures of the page tests (board, project, assurance project)."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from support import PASSWORD
from support.content import make_library
from support.content import make_user
from support.pages import TODAY
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
    library = make_library(functional_portal, "bieb", title="Bibliotheek Kennemerland")
    make_user("jan", [(library, ["Editor", "Contributor"])], fullname="Jan Jansen")
    make_user("lezer", [(library, ["Reader"])])
    transaction.commit()
    return library
