"""Numbers are finite and dates are ``YYYY-MM-DD`` (security issue 9, findings 9 and 11).

Finding 9: ``NaN`` and ``Infinity`` were accepted as budget and indicator numbers and
then served as invalid JSON, which broke the similar-projects panel for everybody.
Finding 11: ``"20270601"``, datetimes, ISO week dates and integers were accepted as
dates, looser than the contract. Both are now refused with a 400 naming the field.
"""

from bibqual.audit.grants import GrantError
from bibqual.audit.grants import parse_until
from bibqual.content.fields import Number
from bibqual.validation import ClearValidationError
from bibqual.validation import parse_iso_date
from datetime import date
from datetime import datetime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from support import PASSWORD
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.field_errors import field_errors
from support.field_errors import form_field_error
from support.workflows import make_users
import json
import pytest
import transaction


PLAN = "/bieb/jaarplan-2026"
PROJECT = "/bieb/jaarplan-2026/voorlezen"
STAFF = "Contributor"
EDITOR = "Editor"
BODY = (
    '{"@type": "SmartProject", "title": "Taalcafe", "deadline": "2026-12-15", '
    '"specific": "Wekelijks een taalcafe voor anderstaligen.", %s}'
)


def strict_json(text):
    """JSON as the browser's ``JSON.parse`` reads it: no NaN or Infinity."""

    def refuse(constant):
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def post_raw(http, path, body):
    return http.post(path, data=body.encode(), headers={"Content-Type": "application/json"})


def project_ids(plan):
    transaction.begin()
    return sorted(plan.objectIds())


@pytest.fixture(scope="class")
def tree(site):
    library = make_library(site)
    make_users(library)
    plan = make_plan(library)
    make_project(plan, "voorlezen", budget=750, title="Taalcafé voorlezen")
    make_evidence(library, "jaarverslag", valid_until=date(2027, 1, 1))
    transaction.commit()
    return {"library": library, "plan": plan}


@pytest.mark.usefixtures("fresh")
class TestNumbers:
    @pytest.mark.parametrize(
        "member",
        ['"budget": NaN', '"budget": Infinity', '"budget": -Infinity', '"budget": 1e999'],
        ids=["nan", "infinity", "minus-infinity", "overflow"],
    )
    def test_budget_refused(self, tree, session, member):
        response = post_raw(session(STAFF), PLAN, BODY % member)
        assert response.status_code == 400, response.text
        assert {"field": "budget", "message": "budget must be a number."} in field_errors(response)
        assert project_ids(tree["plan"]) == ["voorlezen"]

    @pytest.mark.parametrize("text", ["NaN", "nan", "Infinity", "-inf", "1e999"])
    def test_budget_as_text_refused(self, tree, session, text):
        body = json.loads(BODY % '"budget": 1')
        response = session(STAFF).post(PLAN, json={**body, "budget": text})
        assert response.status_code == 400, response.text
        assert {"field": "budget", "message": "budget must be a number."} in field_errors(response)

    @pytest.mark.parametrize(
        "row,key",
        [
            ('{"name": "Bezoek", "target": NaN}', "target"),
            ('{"name": "Bezoek", "target": 10, "actual": Infinity}', "actual"),
            ('{"name": "Bezoek", "target": -Infinity}', "target"),
        ],
        ids=["target-nan", "actual-infinity", "target-minus-infinity"],
    )
    def test_indicator_refused(self, tree, session, row, key):
        response = post_raw(session(STAFF), PLAN, BODY % f'"indicators": [{row}]')
        assert response.status_code == 400, response.text
        message = f"The {key} of indicator 1 must be a number."
        assert {"field": "indicators", "message": message} in field_errors(response)
        assert project_ids(tree["plan"]) == ["voorlezen"]

    def test_patch_refused_and_similar_projects_stay_json(self, tree, session):
        http = session(EDITOR)
        patch = '{"budget": NaN, "indicators": [{"name": "Bezoek", "target": Infinity}]}'
        response = http.patch(
            PROJECT, data=patch.encode(), headers={"Content-Type": "application/json"}
        )
        assert response.status_code == 400, response.text
        transaction.begin()
        project = tree["plan"]["voorlezen"]
        assert project.budget == 750
        assert project.indicators[0]["target"] == 40
        # the panel's request: the answer is JSON a browser can read
        found = http.get("/@similar-projects", params={"q": "taalcafé voorlezen"})
        assert found.status_code == 200, found.text
        assert strict_json(found.text)
        assert strict_json(http.get(PROJECT).text)["budget"] == 750

    def test_number_field_refuses_non_finite(self):
        field = Number(title="Budget", min=0.0)
        for value in (float("nan"), float("inf"), float("-inf")):
            with pytest.raises(ClearValidationError):
                field.validate(value)
        field.validate(1e308)
        field.validate(12)


class TestNumbersInTheForm:
    def test_budget_nan_refused(self, functional_app, functional_portal):
        library = make_library(functional_portal)
        make_project(make_plan(library), "voorlezen", budget=750)
        transaction.commit()
        browser = Browser(functional_app)
        browser.handleErrors = False
        browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        browser.open(f"{functional_portal.absolute_url()}{PROJECT}/edit")
        for value in ("NaN", "Infinity"):
            browser.getControl(name="form.widgets.budget").value = value
            browser.getControl(name="form.buttons.save").click()
            assert "There were some errors." in browser.contents
            assert form_field_error(browser.contents, "form-widgets-budget")
            transaction.begin()
            assert functional_portal.unrestrictedTraverse(PROJECT[1:]).budget == 750


NOT_DATES = [
    pytest.param("20270601", id="basic-format"),
    pytest.param("2027-06-01T00:00:00", id="datetime"),
    pytest.param("2027-06-01T12:00:00+02:00", id="datetime-with-zone"),
    pytest.param("2027-06-01 00:00", id="date-and-time"),
    pytest.param("2027-W22-2", id="week-date"),
    pytest.param("2027W222", id="week-date-basic"),
    pytest.param("2027-152", id="ordinal-date"),
    pytest.param(20270601, id="integer"),
    pytest.param(1780272000, id="timestamp"),
    pytest.param("2027-6-1", id="no-leading-zeros"),
    pytest.param("2027-06-01\n", id="trailing-newline"),
    pytest.param("\uff12\uff10\uff12\uff17-\uff10\uff16-\uff10\uff11", id="full-width-digits"),
    pytest.param(["2027-06-01"], id="list"),
]


@pytest.mark.usefixtures("fresh")
class TestDates:
    @pytest.mark.parametrize("value", NOT_DATES)
    def test_project_deadline_refused(self, tree, session, value):
        body = json.loads(BODY % '"budget": 1')
        response = session(STAFF).post(PLAN, json={**body, "deadline": value})
        assert response.status_code == 400, response.text
        errors = [e for e in field_errors(response) if e["field"] == "deadline"]
        assert len(errors) == 1, response.text
        assert "is not a date for deadline; write it as YYYY-MM-DD." in errors[0]["message"]
        assert project_ids(tree["plan"]) == ["voorlezen"]

    @pytest.mark.parametrize("value", NOT_DATES)
    def test_evidence_valid_until_patch_refused(self, tree, session, value):
        response = session(EDITOR).patch("/bieb/jaarverslag", json={"valid_until": value})
        assert response.status_code == 400, response.text
        assert "is not a date for valid_until" in response.text
        transaction.begin()
        assert tree["library"]["jaarverslag"].valid_until == date(2027, 1, 1)

    def test_the_contract_format_accepted(self, tree, session):
        body = json.loads(BODY % '"budget": 1')
        response = session(STAFF).post(
            PLAN, json={**body, "start": "2026-03-01", "deadline": "2026-12-15"}
        )
        assert response.status_code == 201, response.text
        assert response.json()["deadline"] == "2026-12-15"
        transaction.begin()
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(obj=tree["plan"][response.json()["id"]])
        transaction.commit()

    @pytest.mark.parametrize(
        "value",
        [
            pytest.param("20990601", id="basic-format"),
            pytest.param("2099-06-01T00:00:00", id="datetime"),
            pytest.param("2099-W22-2", id="week-date"),
            pytest.param(20990601, id="integer"),
            pytest.param(" 2099-06-01", id="leading-space"),
        ],
    )
    def test_audit_access_until_refused(self, tree, session, value):
        with api.env.adopt_roles(["Manager"]):
            if api.user.get(userid="extern-auditor") is None:
                api.user.create(
                    email="auditor@example.org", username="extern-auditor", password=PASSWORD
                )
        transaction.commit()
        http = session("Reviewer")
        response = http.post("/bieb/@audit-access", json={"user": "extern-auditor", "until": value})
        assert response.status_code == 400, response.text
        assert "YYYY-MM-DD" in response.json()["error"]["message"]
        items = http.get("/bieb/@audit-access").json()["items"]
        assert [item for item in items if item["kind"] == "grant" and item["active"]] == []
        response = http.post(
            "/bieb/@audit-access", json={"user": "extern-auditor", "until": "2099-06-01"}
        )
        assert response.status_code == 201, response.text
        assert http.delete("/bieb/@audit-access", json={"user": "extern-auditor"}).ok


class TestDateRule:
    """The one date parser, used by the REST dates and by the audit grants."""

    @pytest.mark.parametrize("value", NOT_DATES + ["", None, "2027-02-30", "morgen"])
    def test_refused(self, value):
        with pytest.raises(ValueError):
            parse_iso_date(value)

    def test_accepted(self):
        assert parse_iso_date("2027-06-01") == date(2027, 6, 1)

    def test_grant_until(self, monkeypatch):
        monkeypatch.setattr("bibqual.clock.today", lambda: date(2026, 6, 1))
        assert parse_until("2027-06-01") == date(2027, 6, 1)
        assert parse_until(date(2027, 6, 1)) == date(2027, 6, 1)
        for value in ("20270601", 20270601, datetime(2027, 6, 1, 12, 0)):
            with pytest.raises(GrantError):
                parse_until(value)
