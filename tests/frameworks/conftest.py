"""Fixtures of the norm framework tests: browsers and a library tagged under SCOB.

``tagged_library`` is built on the site the tests name (``functional_portal`` has SCOB
active, as a site upgraded from 1003; ``kib_functional_portal`` is a new site).
"""

from support.frameworks import build_tagged_library
import pytest
import transaction


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
