"""Helpers shared by the tests: one test password, content builders, workflow and page helpers.

Imported as a package (``from support.content import make_library``): ``tests`` is on
pytest's ``pythonpath`` (pyproject.toml), so no test edits ``sys.path``.

- ``support.content``: the library / year plan / project / assurance / evidence tree;
- ``support.workflows``: one user per role, states, readable permission grids;
- ``support.pages``, ``support.reports``: reading Classic pages, the report fixtures;
- ``support.field_errors``: the refusals of bad input (REST 400 and Classic form).
"""

PASSWORD = "geheim-wachtwoord-2026"
"""The password of every user a test creates."""

DEMO_PASSWORD = "bibqual-demo"
"""The password of the demo profile's users (set by the demo content, not by the tests)."""
