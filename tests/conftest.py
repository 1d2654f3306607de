"""Shared fixtures: the Plone layers of bibqual and REST sessions."""

from bibqual.testing import DEMO_FUNCTIONAL_TESTING
from bibqual.testing import DEMO_INTEGRATION_TESTING
from bibqual.testing import FUNCTIONAL_TESTING
from bibqual.testing import INTEGRATION_TESTING
from pytest_plone import fixtures_factory

import pytest


pytest_plugins = ["pytest_plone"]

globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
            (DEMO_INTEGRATION_TESTING, "demo_integration"),
            (DEMO_FUNCTIONAL_TESTING, "demo_functional"),
        )
    )
)


@pytest.fixture
def package_name() -> str:
    """The distribution under test (used by pytest-plone's ``uninstalled``)."""
    return "bibqual"
