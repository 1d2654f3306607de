"""@pdca-overview and @norm-coverage: what a coordinator reads about a library."""

from datetime import date
from plone import api
import pytest
import transaction


@pytest.fixture
def frozen_today(monkeypatch):
    """Freeze bibqual's clock on 1 December 2026."""
    monkeypatch.setattr("bibqual.clock.today", lambda: date(2026, 12, 1))
    return date(2026, 12, 1)


@pytest.fixture
def library_with_work(functional_portal, frozen_today):
    """A library with an adopted 2026 plan: one project overdue in do, one done, one planned."""
    with api.env.adopt_roles(["Manager"]):
        library = api.content.create(container=functional_portal, type="Library", title="Bieb")
        plan = api.content.create(container=library, type="YearPlan", title="Plan 2026", year=2026)
        api.content.transition(obj=plan, transition="adopt")
        base = {"specific": "Doel", "indicators": [{"name": "n", "target": 10, "actual": 5}]}
        late = api.content.create(
            container=plan,
            type="SmartProject",
            title="Te laat",
            deadline=date(2026, 10, 1),
            norm_fields=["collectie"],
            **base,
        )
        api.content.transition(obj=late, transition="start")
        finished = api.content.create(
            container=plan,
            type="SmartProject",
            title="Klaar",
            deadline=date(2026, 9, 1),
            norm_fields=["collectie", "netwerk"],
            evaluation="Gehaald",
            **base,
        )
        for step in ("start", "evaluate", "adjust", "complete"):
            api.content.transition(obj=finished, transition=step)
        api.content.create(
            container=plan,
            type="SmartProject",
            title="Nog te doen",
            deadline=date(2027, 3, 1),
            norm_fields=["leiderschap"],
            **base,
        )
        evidence = api.content.create(
            container=library,
            type="Evidence",
            title="Collectieplan",
            remote_url="https://example.org/collectieplan.pdf",
            norm_fields=["collectie"],
        )
        api.content.transition(obj=evidence, transition="release")
        api.content.create(
            container=library,
            type="AssuranceProject",
            title="Evaluatie collectieplan",
            agreement="Jaarlijks",
            next_review=date(2026, 12, 20),
            norm_fields=["collectie"],
        )
        api.content.create(
            container=library,
            type="AssuranceProject",
            title="Klanttevredenheid",
            agreement="Elke drie jaar",
            next_review=date(2027, 6, 1),
        )
    transaction.commit()
    return library


class TestPdcaOverview:
    def test_counts_per_state(self, rest, library_with_work):
        data = rest("admin").get(f"{library_with_work.absolute_url()}/@pdca-overview").json()
        (plan,) = data["year_plans"]
        assert plan["year"] == 2026
        assert plan["review_state"] == "adopted"
        assert plan["counts"] == {
            "plan": 1,
            "do": 1,
            "check": 0,
            "act": 0,
            "done": 1,
            "cancelled": 0,
        }
        assert plan["total"] == 3

    def test_overdue_is_deadline_passed_and_not_done(self, rest, library_with_work):
        data = rest("admin").get(f"{library_with_work.absolute_url()}/@pdca-overview").json()
        overdue = data["year_plans"][0]["overdue"]
        assert [item["title"] for item in overdue] == ["Te laat"]
        assert overdue[0]["deadline"] == "2026-10-01"

    def test_assurance_due_within_60_days(self, rest, library_with_work):
        data = rest("admin").get(f"{library_with_work.absolute_url()}/@pdca-overview").json()
        assert [item["title"] for item in data["assurance_due"]] == ["Evaluatie collectieplan"]

    def test_anonymous_refused(self, rest, library_with_work):
        response = rest().get(f"{library_with_work.absolute_url()}/@pdca-overview")
        assert response.status_code == 401


class TestNormCoverage:
    def items(self, rest, library):
        data = rest("admin").get(f"{library.absolute_url()}/@norm-coverage").json()
        return {item["token"]: item for item in data["items"]}, data

    def test_every_element_of_the_framework_listed(self, rest, library_with_work):
        items, _data = self.items(rest, library_with_work)
        assert list(items) == [
            "leiderschap",
            "strategie",
            "medewerkers",
            "processen",
            "middelen",
            "netwerk",
            "dienstverlening",
            "collectie",
            "gemeenten",
        ]

    def test_covered_element(self, rest, library_with_work):
        items, _data = self.items(rest, library_with_work)
        collectie = items["collectie"]
        assert collectie["projects"]["do"] == 1
        assert collectie["projects"]["done"] == 1
        assert collectie["released_evidence"] == 1
        assert collectie["assurance_projects"] == 1
        assert collectie["gap"] is False

    def test_gap_without_released_evidence(self, rest, library_with_work):
        items, data = self.items(rest, library_with_work)
        assert items["netwerk"]["projects"]["done"] == 1
        assert items["netwerk"]["gap"] is True
        assert "netwerk" in data["gaps"]

    def test_gap_with_only_planned_projects(self, rest, library_with_work):
        items, _data = self.items(rest, library_with_work)
        assert items["leiderschap"]["projects_total"] == 1
        assert items["leiderschap"]["projects_past_plan"] == 0
        assert items["leiderschap"]["gap"] is True
