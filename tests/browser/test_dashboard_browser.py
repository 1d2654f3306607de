"""The demo library's dashboard opens in a real Chromium, styled and without errors."""

import pytest


pytestmark = pytest.mark.browser


def test_dashboard_as_coordinator(visitor):
    visitor.login("coordinator")
    visitor.open("bibliotheek-westfriesland-noord")
    page = visitor.page
    assert page.locator("h1").first.inner_text() == "Bibliotheek Westfriesland-Noord"
    assert page.locator("svg.bq-chart").count() == 1
    # Barceloneta is applied (the theme's stylesheet is loaded)
    assert page.locator("link[href*='barceloneta']").count() >= 1
    visitor.shot("dashboard")
