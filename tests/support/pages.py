"""Helpers of the page tests (board, project, assurance project): reading pages,
making projects. The fixtures are in ``tests/browser_views/conftest.py``."""

from datetime import date
from support.content import create
from support.content import transition
import lxml.html


TODAY = date(2026, 6, 1)


def html(browser):
    """The page as an lxml tree, for CSS selectors."""
    return lxml.html.fromstring(browser.contents)


def text(element):
    return " ".join(element.text_content().split())


def make_project(plan, steps=(), **fields):
    """A SmartProject in ``plan`` taken through ``steps`` (transition ids)."""
    values = {
        "specific": "Een helder doel.",
        "deadline": date(2026, 11, 30),
        "indicators": [{"name": "Deelnemers", "target": 10, "actual": 5, "unit": "personen"}],
        "evaluation": "Geëvalueerd.",
    }
    values.update(fields)
    return transition(create(plan, "SmartProject", **values), steps)
