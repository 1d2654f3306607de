"""Two libraries in one site: one shares with the network, one does not."""

from datetime import date
from plone import api
import pytest
import transaction


PASSWORD = "secret-bibqual"


def _project(plan, title, specific, state_steps=(), **extra):
    values = {
        "specific": specific,
        "measurable": "Tellingen per kwartaal",
        "deadline": date(plan.year, 11, 30),
        "start": date(plan.year, 2, 1),
        "indicators": [
            {"name": "Deelnemers", "target": 120, "actual": 95, "unit": "personen"},
            {"name": "Tevredenheid", "target": 8, "actual": 7.5, "unit": "cijfer"},
        ],
        "norm_fields": ["dienstverlening"],
        "core_functions": ["lezen-en-literatuur"],
        "partners": ["Taalhuis"],
        "target_groups": ["laaggeletterden"],
        "evaluation": "Doel grotendeels gehaald",
        "improvements": "Meer vrijwilligers werven",
        "budget": 2500,
        "responsible": "jan",
    }
    values.update(extra)
    project = api.content.create(container=plan, type="SmartProject", title=title, **values)
    for step in state_steps:
        # stopping a project needs a reason (issue 15, item 2)
        comment = "Geen budget meer" if step == "cancel" else ""
        api.content.transition(obj=project, transition=step, comment=comment)
    return project


@pytest.fixture
def network(functional_portal):
    """Sharing library ``noord`` (plan 2025 adopted), closed library ``zuid``, and
    ``west`` with an empty 2026 plan and a staff member ``anna`` (Editor+Contributor)."""
    portal = functional_portal
    with api.env.adopt_roles(["Manager"]):
        noord = api.content.create(
            container=portal,
            type="Library",
            id="noord",
            title="Bibliotheek Noord",
            share_with_network=True,
        )
        zuid = api.content.create(
            container=portal,
            type="Library",
            id="zuid",
            title="Bibliotheek Zuid",
            share_with_network=False,
        )
        west = api.content.create(
            container=portal,
            type="Library",
            id="west",
            title="Bibliotheek West",
        )
        plan_noord = api.content.create(
            container=noord,
            type="YearPlan",
            id="jaarplan-2025",
            title="Jaarplan 2025",
            year=2025,
            spearheads=["Taal en lezen"],
        )
        plan_zuid = api.content.create(
            container=zuid,
            type="YearPlan",
            id="jaarplan-2025",
            title="Jaarplan 2025",
            year=2025,
        )
        plan_west = api.content.create(
            container=west,
            type="YearPlan",
            id="jaarplan-2026",
            title="Jaarplan 2026",
            year=2026,
            spearheads=["Taal en lezen"],
        )
        voorlezen = _project(
            plan_noord,
            "Voorlezen op de peuterspeelzaal",
            "Elke peuterspeelzaal krijgt wekelijks een voorleesuur met een vrijwilliger.",
            ("start", "evaluate"),
            spearhead="Taal en lezen",
        )
        _project(
            plan_noord,
            "Digicafé voor senioren",
            "Senioren leren DigiD gebruiken in een wekelijks digicafé.",
            ("start", "evaluate", "adjust", "complete"),
        )
        _project(
            plan_noord,
            "Makerspace",
            "Jongeren bouwen robots.",
            ("cancel",),
        )
        geheim = _project(
            plan_zuid,
            "Voorleesontbijt",
            "Voorlezen tijdens het nationale voorleesontbijt.",
        )
        # the network sees projects of adopted (or closed) plans only
        api.content.transition(obj=plan_noord, transition="adopt")
        api.content.transition(obj=plan_zuid, transition="adopt")
        api.user.create(
            email="anna@example.org",
            username="anna",
            password=PASSWORD,
            properties={"fullname": "Anna de Vries"},
        )
        api.user.grant_roles(username="anna", obj=west, roles=["Editor", "Contributor"])
        west.reindexObjectSecurity()
    transaction.commit()
    return {
        "portal": portal,
        "noord": noord,
        "zuid": zuid,
        "west": west,
        "plan_noord": plan_noord,
        "plan_west": plan_west,
        "voorlezen": voorlezen,
        "geheim": geheim,
    }
