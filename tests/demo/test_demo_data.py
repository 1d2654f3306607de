"""The data files of ``bibqual:demo`` and how the loader reads them.

``test_demo.py`` checks what the demo site holds; these tests check the data on its own
(every reference resolves, every date reads) and that its dates follow bibqual's clock.
"""

from bibqual.setuphandlers import demo
from bibqual.setuphandlers.demo import PROFILE
from bibqual.setuphandlers.demo import load
from datetime import date
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
import pytest


TODAY = date(2031, 3, 1)
DATE_KEYS = ("start", "deadline", "next_review", "valid_until")
ROUND_DATE_KEYS = ("certified_until", "audit_date", "decision_date", "new_certified_until", "due")


def items():
    """Every item of the data files: libraries, plans, projects, assurance, evidence."""
    for library in load("libraries.json"):
        yield library
        for plan in library["year_plans"]:
            yield plan
            yield from plan.get("projects", [])
    yield from load("assurance.json")["assurance_projects"]
    yield from load("evidence.json")


def round_items():
    """Every item of ``rounds.json``: rounds, self-evaluations, reports and findings."""
    for spec in load("rounds.json")["rounds"]:
        yield spec
        if "self_assessment" in spec:
            yield spec["self_assessment"]
        for report in spec.get("reports", []):
            yield report
            yield from report.get("findings", [])


@pytest.fixture
def frozen(monkeypatch):
    """bibqual's clock stands on 1 March 2031."""
    monkeypatch.setattr("bibqual.clock.today", lambda: TODAY)


class TestData:
    def test_references_resolve(self):
        ids = [item["id"] for item in items() if "id" in item]
        assert len(ids) == len(set(ids))
        libraries = {library["id"] for library in load("libraries.json")}
        assert load("assurance.json")["library"] in libraries
        for item in load("evidence.json"):
            assert item["container"] in ids, item["id"]
            assert set(item.get("related", [])) <= set(ids), item["id"]
        for user in load("users.json")["users"]:
            assert set(user["local_roles"]) <= libraries
        assert load("rounds.json")["library"] in libraries

    def test_round_links_and_actions_resolve(self):
        ids = {item["id"] for item in items() if "id" in item}
        for item in round_items():
            assert set(item.get("actions", [])) <= ids, item["id"]
            for row in item.get("scores", []):
                assert set(row.get("evidence", [])) <= ids, row
                assert set(row.get("projects", [])) <= ids, row

    def test_files_are_shipped(self):
        for item in load("evidence.json"):
            assert ("file" in item) != ("remote_url" in item), item["id"]
            if "file" in item:
                assert (PROFILE / "files" / item["file"]).is_file(), item["file"]

    def test_every_date_reads(self):
        reader = demo._Demo(TODAY, set())
        for item in items():
            for key in DATE_KEYS:
                if key in item:
                    assert isinstance(reader.date(item[key], 2030), date), (item["id"], key)
        for item in round_items():
            for key in ROUND_DATE_KEYS:
                if key in item:
                    assert isinstance(reader.date(item[key]), date), (item["id"], key)

    def test_every_step_has_a_transition_and_a_comment(self):
        for item in [*items(), *round_items()]:
            for step in item.get("workflow", []):
                assert set(step) - {"fields"} == {"transition", "comment"}, step
                assert step["transition"] and len(step["comment"]) > 10, step


class TestRelativeDates:
    @pytest.mark.parametrize(
        "value,expected",
        [
            ("today+30", date(2031, 3, 31)),
            ("today-1", date(2031, 2, 28)),
            ("{year}-12-15", date(2030, 12, 15)),
            ("{year+2}-12-31", date(2032, 12, 31)),
        ],
    )
    def test_in_the_year_of_the_plan(self, value, expected):
        assert demo._Demo(TODAY, set()).date(value, 2030) == expected

    @pytest.mark.parametrize(
        "value,expected",
        [
            ("quarter+0", date(2031, 3, 31)),
            ("quarter+1", date(2031, 6, 30)),
            ("quarter+1-21", date(2031, 6, 9)),
            ("quarter+4", date(2032, 3, 31)),
            ("quarter-15", date(2027, 6, 30)),
            ("quarter-15+30", date(2027, 7, 30)),
        ],
    )
    def test_quarters_from_today(self, value, expected):
        """The last day of a quarter counted from today's, and days from it."""
        assert demo._Demo(TODAY, set()).date(value) == expected

    def test_next_quarter_across_the_year(self):
        assert demo._Demo(date(2031, 11, 15), set()).date("quarter+1") == date(2032, 3, 31)

    def test_this_year_without_a_plan(self):
        assert demo._Demo(TODAY, set()).date("{year+1}-10-01") == date(2032, 10, 1)

    @pytest.mark.parametrize(
        "value", ["2030-12-15", "today", "{year}-1-5", "+30", "quarter", "quarter1", "quarter+1-"]
    )
    def test_unknown_forms_are_refused(self, value):
        with pytest.raises(ValueError, match="Demo date"):
            demo._Demo(TODAY, set()).date(value)

    def test_texts_name_the_plan_years(self):
        assert demo._Demo(TODAY, set()).text("Jaarverslag {previous} / {current}") == (
            "Jaarverslag 2030 / 2031"
        )


class TestClock:
    def test_demo_follows_the_clock(self, integration, frozen):
        """Plans, dates and comments are those of the clock's year, not of the real date."""
        portal = integration["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        demo.post_install(None)
        library = portal["bibliotheek-westfriesland-noord"]
        assert {"jaarplan-2030", "jaarplan-2031"} <= set(library.objectIds())
        previous = library["jaarplan-2030"]
        assert previous["boekstart-voor-babys"].deadline == date(2030, 12, 31)
        close = previous.workflow_history["bibqual_yearplan_workflow"][-1]
        assert "jaarverslag 2030" in close["comments"]
        collection = library["jaarlijkse-evaluatie-collectieplan"]
        assert collection.next_review == date(2031, 3, 31)
        assert api.content.get_state(collection) == "do"
        taalhuis = library["jaarplan-2031"]["digitale-taalspreekuren-taalhuis"]
        assert taalhuis["samenwerkingsovereenkomst-taalhuis"].valid_until == date(2031, 4, 15)

    def test_rounds_follow_the_clock(self, integration, frozen):
        """The running round's certificate ends in the next quarter (2031-Q2), the
        previous round's sixteen quarters earlier; ids and titles name the audit year."""
        portal = integration["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        demo.post_install(None)
        library = portal["bibliotheek-westfriesland-noord"]
        current, previous = library["certificering-2031"], library["certificering-2027"]
        assert (current.certified_until, current.audit_date) == (
            date(2031, 6, 30),
            date(2031, 6, 9),
        )
        assert current.title == "Certificering 2031"
        assert previous.certified_until == date(2027, 6, 30)
        assert previous.new_certified_until == current.certified_until
        assert previous["zelfevaluatie"].title == "Zelfevaluatie 2027"
        explanation = current["zelfevaluatie"].scores[1]["explanation"]
        assert "jaarplannen 2030 en 2031" in explanation
