"""Helpers of the page tests (board, project, assurance project): reading pages,
making projects. The fixtures are in ``conftest.py`` beside this module."""

from datetime import date
from plone import api
import lxml.html


PASSWORD = "geheim-wachtwoord-2026"
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
    with api.env.adopt_roles(["Manager"]):
        project = api.content.create(container=plan, type="SmartProject", **values)
        for step in steps:
            api.content.transition(obj=project, transition=step)
    return project
