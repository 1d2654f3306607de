"""The certification round of the tests (tests/round, tests/documents, tests/docs).

- ``make_round``, ``make_self_assessment``, ``make_report``, ``make_finding``: the
  round "Certificering 2027" of a library and its parts, made as a Manager;
- ``make_auditor``: a user with an audit grant on a library (to 30 April 2027);
- ``frozen_today``: the fixture that stands bibqual's clock on 1 March 2027;
- ``tree_fixtures(build, ...)``: the fixture pair of a builder, on the integration
  site and on the functional site (committed), the clock on 1 March 2027.
"""

from bibqual.audit.grants import grant
from bibqual.certification.corrective import link_action
from bibqual.ids import SELF_ASSESSMENT
from datetime import date
from plone import api
from support.content import create
from support.content import make_user
import pytest
import transaction


TODAY = date(2027, 3, 1)
GRANT_END = date(2027, 4, 30)
DONE = ("start", "evaluate", "adjust", "complete")
"""The transitions that take a project from Plan to done."""


def freeze(monkeypatch, day=TODAY):
    """Stand bibqual's clock on ``day`` (1 March 2027) for the test; return it."""
    monkeypatch.setattr("bibqual.clock.today", lambda: day)
    return day


@pytest.fixture
def frozen_today(monkeypatch):
    """bibqual's clock stands on 1 March 2027."""
    return freeze(monkeypatch)


def make_round(library, item_id="ronde-2027", **fields):
    """The Certification ``ronde-2027`` of ``library``: "Certificering 2027", SCOB 3rd
    round, the certificate until 31 May 2027, the audit on 15 April 2027 (``fields``
    override; ``audit_date=None`` for a round without an audit date)."""
    values = {
        "title": "Certificering 2027",
        "framework": "scob3",
        "certified_until": date(2027, 5, 31),
        "audit_date": date(2027, 4, 15),
    }
    values.update(fields)
    return create(library, "Certification", item_id, **values)


def make_self_assessment(certification, **fields):
    """The self-evaluation ``zelfevaluatie`` of ``certification`` (no scores unless given)."""
    values = {"title": "Zelfevaluatie"}
    values.update(fields)
    return create(certification, SELF_ASSESSMENT, "zelfevaluatie", **values)


def make_report(certification, **fields):
    """The audit report ``rapport`` of ``certification``, "Auditrapport 2027" (a draft)."""
    values = {"title": "Auditrapport 2027"}
    values.update(fields)
    return create(certification, "AuditReport", "rapport", **values)


def make_finding(report, item_id, title, kind, due, actions=(), **fields):
    """A finding of ``report`` on "middelen" with the text "Tekst van ``title``.", the
    projects ``actions`` linked as its corrective actions (``fields`` override)."""
    values = {"norm_field": "middelen", "text": f"Tekst van {title}."}
    values.update(fields)
    obj = create(report, "Finding", item_id, title=title, kind=kind, due=due, **values)
    with api.env.adopt_roles(["Manager"]):
        for action in actions:
            link_action(obj, action)
    return obj


def make_auditor(library, user_id="auditor", until=GRANT_END):
    """The user ``user_id`` (test ``PASSWORD``) with an audit grant on ``library`` that
    runs to ``until``; returns the user id."""
    make_user(user_id)
    with api.env.adopt_roles(["Manager"]):
        grant(library, user_id, until)
    return user_id


def tree_fixtures(build, names=("tree", "functional_tree"), day=TODAY):
    """Two fixtures of ``build(portal)`` with the clock on ``day``: ``names[0]`` on the
    integration site, ``names[1]`` on the functional site, committed. Bind both in the
    test module or conftest: ``tree, functional_tree = tree_fixtures(build)``."""

    @pytest.fixture(name=names[0])
    def on_portal(portal, monkeypatch):
        """The builder's tree on the integration site."""
        freeze(monkeypatch, day)
        return build(portal)

    @pytest.fixture(name=names[1])
    def on_functional_portal(functional_portal, monkeypatch):
        """The builder's tree on the functional site, committed."""
        freeze(monkeypatch, day)
        result = build(functional_portal)
        transaction.commit()
        return result

    return on_portal, on_functional_portal
