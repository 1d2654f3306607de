"""Fixtures of the certification round tests: a library with quality work and a round.

``build_round(portal)`` makes, as a Manager:

- the library ``bieb`` with ``coordinator`` (Reviewer) and ``medewerker`` (Editor,
  Contributor), both with the test ``PASSWORD``;
- year plan 2026 with "Taalcafé" (do, middelen), "Leesclub" (done, middelen),
  "Nog te plannen" (plan, middelen) and "Voorlezen" (check, netwerk);
- evidence: "Begroting 2026" (released, middelen, valid), "Oude begroting" (released,
  middelen, expired), "Concept personeelsplan" (draft, middelen);
- the round ``ronde-2027`` (framework scob3, certificate until 31 May 2027, audit on
  15 April 2027) with the self-evaluation ``zelfevaluatie`` (no scores).

The clock stands on 1 March 2027 (``frozen_today``).
"""

from datetime import date
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.content import make_user
from support.content import transition
from support.reports import browser_for
from support.round import DONE
from support.round import frozen_today  # noqa: F401 (fixture)
from support.round import make_round
from support.round import make_self_assessment
from support.round import tree_fixtures
import pytest


INDICATORS = [{"name": "Sessies", "target": 40, "actual": 38, "unit": "sessies"}]


def build_round(portal):
    library = make_library(portal, "bieb", title="Bibliotheek Westfriesland")
    make_user("coordinator", [(library, ["Reviewer"])], fullname="Cora Coördinator")
    make_user("medewerker", [(library, ["Editor", "Contributor"])], fullname="Mees Medewerker")
    plan = make_plan(library, 2026)
    projects = {
        "taalcafe": make_project(plan, "taalcafe", "Taalcafé", norm_fields=["middelen"]),
        "leesclub": make_project(
            plan, "leesclub", "Leesclub", norm_fields=["middelen"], indicators=INDICATORS
        ),
        "later": make_project(plan, "later", "Nog te plannen", norm_fields=["middelen"]),
        "voorlezen": make_project(plan, "voorlezen", "Voorlezen", norm_fields=["netwerk"]),
    }
    transition(projects["taalcafe"], ["start"])
    transition(projects["leesclub"], DONE)
    transition(projects["voorlezen"], ["start", "evaluate"])
    evidence = {
        "begroting": make_evidence(
            library,
            "begroting",
            "Begroting 2026",
            norm_fields=["middelen"],
            valid_until=date(2027, 12, 31),
        ),
        "oud": make_evidence(
            library,
            "oud",
            "Oude begroting",
            norm_fields=["middelen"],
            valid_until=date(2026, 12, 31),
        ),
        "concept": make_evidence(
            library, "concept", "Concept personeelsplan", norm_fields=["middelen"]
        ),
    }
    transition(evidence["begroting"], ["release"])
    transition(evidence["oud"], ["release"])
    certification = make_round(library)
    self_assessment = make_self_assessment(certification)
    return {
        "library": library,
        "plan": plan,
        "projects": projects,
        "evidence": evidence,
        "certification": certification,
        "self_assessment": self_assessment,
    }


# ``round_tree``: ``build_round`` on the integration site; ``functional_round``: on the
# functional site, committed (the clock on 1 March 2027 in both)
round_tree, functional_round = tree_fixtures(build_round, ("round_tree", "functional_round"))


@pytest.fixture
def browser(functional_app):
    """Factory of test browsers that raise errors: ``browser()`` is the site owner,
    ``browser(user)`` a user made with ``PASSWORD``."""

    def factory(user="admin"):
        result = browser_for(functional_app, user)
        result.handleErrors = False
        return result

    return factory
