"""Volto drives bibqual: ``@types`` gives a form stock Volto renders, and what Volto
sends back (indicator rows, an evaluation, workflow steps without a comment) works.

``volto_widget`` picks the widget for a field's JSON schema the way stock Volto's
``Form/Field.jsx`` does (its widget configuration in ``config/Widgets.jsx``), so the
tests assert what a Volto user sees, not just the JSON.
"""

from datetime import date
from support.content import make_assurance
from support.content import make_library
from support.content import make_plan
from support.content import make_project
import pytest
import transaction
import uuid


LIBRARY = "/bieb"
PLAN = "/bieb/jaarplan-2026"
PROJECT = "/bieb/jaarplan-2026/voorlezen"
ASSURANCE = "/bieb/borging"

# Stock Volto's widget configuration (config/Widgets.jsx), by how Field.jsx looks it up.
VOLTO_BY_ID = {"subjects", "query", "recurrence", "remoteUrl", "id", "site_logo"}
VOLTO_WIDGETS = {
    "textarea",
    "datetime",
    "date",
    "time",
    "password",
    "file",
    "image",
    "url",
    "internal_url",
    "email",
    "array",
    "token",
    "object_browser",
    "object",
    "object_list",
    "select",
    "checkbox_group",
    "radio_group",
}
VOLTO_BY_VOCABULARY = {"plone.app.vocabularies.Catalog": "object_browser"}
VOLTO_BY_FACTORY = {"Relation List": "object_browser", "Relation Choice": "reference"}
VOLTO_BY_TYPE = {
    "boolean": "checkbox",
    "array": "array",
    "object": "file",
    "datetime": "datetime",
    "date": "date",
    "password": "password",
    "number": "number",
    "integer": "number",
    "id": "id",
}


def _vocabulary_name(vocabulary):
    return vocabulary["@id"].rsplit("/@vocabularies/", 1)[-1]


def volto_widget(name, field):
    """The widget stock Volto renders for the JSON schema ``field`` (Field.jsx's order);
    ``"text"`` is its default, a one-line text input."""
    frontend = (field.get("widgetOptions") or {}).get("frontendOptions") or {}
    if name in VOLTO_BY_ID:
        return name
    if isinstance(frontend.get("widget"), str):
        return frontend["widget"]
    if isinstance(field.get("widget"), str):
        return field["widget"] if field["widget"] in VOLTO_WIDGETS else "text"
    if field.get("choices") or field.get("vocabulary"):
        return "select"
    hint = (field.get("widgetOptions") or {}).get("vocabulary")
    if hint and _vocabulary_name(hint) in VOLTO_BY_VOCABULARY:
        return VOLTO_BY_VOCABULARY[_vocabulary_name(hint)]
    if field.get("factory") in VOLTO_BY_FACTORY:
        return VOLTO_BY_FACTORY[field["factory"]]
    return VOLTO_BY_TYPE.get(field.get("type"), "text")


@pytest.fixture
def tree(functional_portal):
    """A library with a 2026 plan (two spearheads), a project with two indicators and
    an assurance project, committed."""
    library = make_library(functional_portal, title="Bibliotheek West")
    plan = make_plan(library, 2026, spearheads=["Taal en lezen", "Digitale inclusie"])
    make_project(
        plan,
        "voorlezen",
        title="Voorlezen",
        indicators=[
            {"name": "Voorleesuren", "target": 40, "actual": 30, "unit": "uur"},
            {"name": "Peuters", "target": 200, "actual": None, "unit": ""},
        ],
    )
    make_assurance(library, "borging", next_review=date(2026, 9, 1))
    transaction.commit()
    return functional_portal


@pytest.fixture
def admin(rest, tree):
    return rest("admin")


# Where Volto's add form asks for the schema (the container), and for every bibqual
# field that is not a plain text: the widget Volto renders and what it needs.
TYPES = {
    "Library": "/",
    "YearPlan": LIBRARY,
    "SmartProject": PLAN,
    "AssuranceProject": LIBRARY,
    "Evidence": LIBRARY,
}
TOKEN_VOCABULARIES = {
    "norm_fields": "bibqual.vocabularies.NormFields",
    "core_functions": "bibqual.vocabularies.CoreFunctions",
}
CHOICES = {
    ("SmartProject", "spearhead"): "bibqual.vocabularies.Spearheads",
    ("Evidence", "document_type"): "bibqual.vocabularies.DocumentTypes",
}
FREE_LISTS = {
    "Library": ["municipalities"],
    "YearPlan": ["spearheads"],
    "SmartProject": ["partners", "target_groups", "policy_topics"],
    "AssuranceProject": ["policy_topics"],
    "Evidence": ["policy_topics"],
}
DATES = {
    "SmartProject": ["start", "deadline"],
    "AssuranceProject": ["next_review"],
    "Evidence": ["valid_until"],
}
NUMBERS = {
    ("YearPlan", "year"): ("integer", 2000, 2100),
    ("SmartProject", "budget"): ("number", 0, None),
    ("AssuranceProject", "interval_months"): ("integer", 1, 60),
}
TEXTS = {
    "SmartProject": ["specific", "measurable", "achievable", "realistic", "evaluation"],
    "AssuranceProject": ["agreement", "evaluation"],
}


def bibqual_fields(schema):
    """``{name: field}`` of the fields bibqual adds (its schemas and its behavior)."""
    return {
        name: field
        for name, field in schema["properties"].items()
        if field["behavior"].startswith("bibqual")
    }


@pytest.fixture
def schemas(admin):
    """``{portal_type: JSON schema}`` as Volto's add form reads them."""
    result = {}
    for portal_type, container in TYPES.items():
        response = admin.get(f"{container}/@types/{portal_type}")
        assert response.status_code == 200, response.text
        result[portal_type] = response.json()
    return result


class TestTypes:
    @pytest.mark.parametrize("portal_type", TYPES)
    def test_every_field_has_a_volto_widget_for_its_type(self, schemas, portal_type):
        """No list, number, date, vocabulary or relation falls back to a text input."""
        fields = bibqual_fields(schemas[portal_type])
        assert fields
        for name, field in fields.items():
            widget = volto_widget(name, field)
            if field["type"] == "string" and not field.get("vocabulary"):
                assert widget in {"text", "textarea", "url", "date"}, (name, widget)
            else:
                assert widget != "text", (name, field)

    def test_indicators_are_an_object_list_with_the_row_schema(self, schemas):
        field = schemas["SmartProject"]["properties"]["indicators"]
        assert volto_widget("indicators", field) == "object_list"
        assert field["type"] == "array"
        assert field["maxItems"] == 50
        row = field["schema"]
        assert row["title"] == "Indicator"
        assert row["addMessage"] == "Add an indicator"
        assert [fieldset["fields"] for fieldset in row["fieldsets"]] == [
            ["name", "target", "actual", "unit"]
        ]
        assert row["fieldsets"][0]["id"] == "default"
        kinds = {key: (value["type"], value["title"]) for key, value in row["properties"].items()}
        assert kinds == {
            "name": ("string", "Indicator"),
            "target": ("number", "Target"),
            "actual": ("number", "Actual"),
            "unit": ("string", "Unit"),
        }
        widgets = {key: volto_widget(key, value) for key, value in row["properties"].items()}
        assert widgets == {"name": "text", "target": "number", "actual": "number", "unit": "text"}
        assert row["required"] == ["name", "target"]
        assert field["items"]["type"] == "object"
        assert field["items"]["properties"] == row["properties"]

    @pytest.mark.parametrize("portal_type", ["SmartProject", "AssuranceProject", "Evidence"])
    @pytest.mark.parametrize("name", TOKEN_VOCABULARIES)
    def test_tokens_are_a_multi_select_with_a_vocabulary(self, admin, schemas, portal_type, name):
        field = schemas[portal_type]["properties"][name]
        assert volto_widget(name, field) == "array"
        assert field["uniqueItems"] is True
        vocabulary = field["items"]["vocabulary"]["@id"]
        assert _vocabulary_name(field["items"]["vocabulary"]) == TOKEN_VOCABULARIES[name]
        terms = admin.get(vocabulary).json()["items"]
        assert len(terms) >= 5
        assert all(term["token"] and term["title"] for term in terms)

    @pytest.mark.parametrize("portal_type, name", CHOICES)
    def test_choices_are_a_select_with_a_vocabulary(self, admin, schemas, portal_type, name):
        field = schemas[portal_type]["properties"][name]
        assert volto_widget(name, field) == "select"
        assert _vocabulary_name(field["vocabulary"]) == CHOICES[portal_type, name]
        assert admin.get(field["vocabulary"]["@id"]).json()["items"]

    def test_spearheads_are_those_of_the_year_plan(self, admin, schemas):
        """Add form (the plan's URL) and edit form (the project's URL) offer the same."""
        add = schemas["SmartProject"]["properties"]["spearhead"]["vocabulary"]["@id"]
        edit = admin.get(f"{PROJECT}/@types/SmartProject").json()
        edit = edit["properties"]["spearhead"]["vocabulary"]["@id"]
        for url in (add, edit):
            titles = [term["title"] for term in admin.get(url).json()["items"]]
            assert titles == ["Taal en lezen", "Digitale inclusie"], url

    @pytest.mark.parametrize(
        "portal_type, name", [(t, n) for t, names in FREE_LISTS.items() for n in names]
    )
    def test_free_lists_are_a_list_of_strings(self, schemas, portal_type, name):
        field = schemas[portal_type]["properties"][name]
        assert volto_widget(name, field) == "array"
        assert field["items"]["type"] == "string"
        assert "vocabulary" not in field["items"]

    @pytest.mark.parametrize(
        "portal_type, name", [(t, n) for t, names in DATES.items() for n in names]
    )
    def test_dates_are_a_date_widget(self, schemas, portal_type, name):
        field = schemas[portal_type]["properties"][name]
        assert field["widget"] == "date"
        assert volto_widget(name, field) == "date"

    @pytest.mark.parametrize("portal_type, name", NUMBERS)
    def test_numbers_are_a_number_widget_with_limits(self, schemas, portal_type, name):
        kind, minimum, maximum = NUMBERS[portal_type, name]
        field = schemas[portal_type]["properties"][name]
        assert (field["type"], field.get("minimum"), field.get("maximum")) == (
            kind,
            minimum,
            maximum,
        )
        assert volto_widget(name, field) == "number"

    @pytest.mark.parametrize(
        "portal_type, name", [(t, n) for t, names in TEXTS.items() for n in names]
    )
    def test_texts_are_a_textarea(self, schemas, portal_type, name):
        assert volto_widget(name, schemas[portal_type]["properties"][name]) == "textarea"

    def test_related_projects_use_the_object_browser(self, schemas):
        """As plone.restapi gives relatedItems: the catalog vocabulary as a widget hint."""
        field = schemas["Evidence"]["properties"]["related_projects"]
        assert volto_widget("related_projects", field) == "object_browser"
        assert field["factory"] == "Relation List"
        options = field["widgetOptions"]
        assert _vocabulary_name(options["vocabulary"]) == "plone.app.vocabularies.Catalog"
        assert options["pattern_options"]["selectableTypes"] == ["SmartProject", "AssuranceProject"]
        assert "choices" not in field["items"]

    def test_evidence_file_link_and_library_switch(self, schemas):
        evidence = schemas["Evidence"]["properties"]
        assert volto_widget("file", evidence["file"]) == "file"
        assert volto_widget("remote_url", evidence["remote_url"]) == "url"
        library = schemas["Library"]["properties"]
        assert volto_widget("share_with_network", library["share_with_network"]) == "checkbox"

    def test_evaluation_is_a_field_of_both_projects(self, schemas):
        for portal_type in ("SmartProject", "AssuranceProject"):
            field = schemas[portal_type]["properties"]["evaluation"]
            assert field["widget"] == "textarea"
            assert "evaluation" not in schemas[portal_type]["required"]


def volto_row(**values):
    """An indicator row as Volto's object_list widget sends it: keyed by a uuid, numbers
    from its number widget as text."""
    return {"@id": str(uuid.uuid4()), **values}


class TestIndicatorsRoundTrip:
    def test_create_as_volto_sends_it(self, admin, tree):
        response = admin.post(
            PLAN,
            json={
                "@type": "SmartProject",
                "title": "Taalcafé",
                "specific": "Wekelijks taalcafé voor anderstaligen.",
                "deadline": "2026-12-15",
                "indicators": [
                    volto_row(name="Sessies", target="40", actual="12", unit="sessies"),
                    volto_row(name="Bezoekers", target=8.5),
                ],
            },
        )
        assert response.status_code == 201, response.text
        transaction.begin()
        project = tree["bieb"]["jaarplan-2026"]["taalcafe"]
        assert project.indicators == [
            {"name": "Sessies", "target": 40, "actual": 12, "unit": "sessies"},
            {"name": "Bezoekers", "target": 8.5, "actual": None, "unit": ""},
        ]

    def test_every_row_has_its_own_id_for_volto(self, admin):
        """Volto's object_list shows no row without an ``@id``."""
        rows = admin.get(PROJECT).json()["indicators"]
        assert [{k: v for k, v in row.items() if k != "@id"} for row in rows] == [
            {"name": "Voorleesuren", "target": 40, "actual": 30, "unit": "uur"},
            {"name": "Peuters", "target": 200, "actual": None, "unit": ""},
        ]
        ids = [row["@id"] for row in rows]
        assert all(isinstance(row_id, str) and row_id for row_id in ids)
        assert len(set(ids)) == len(ids)

    def test_edit_as_volto_sends_it(self, admin, tree):
        """Volto sends back the rows it got, moved and changed, plus a new one."""
        first, second = admin.get(PROJECT).json()["indicators"]
        rows = [{**second, "actual": "150"}, first, volto_row(name="Ouders", target="50")]
        response = admin.patch(PROJECT, json={"indicators": rows})
        assert response.status_code == 204, response.text
        transaction.begin()
        assert tree["bieb"]["jaarplan-2026"]["voorlezen"].indicators == [
            {"name": "Peuters", "target": 200, "actual": 150, "unit": ""},
            {"name": "Voorleesuren", "target": 40, "actual": 30, "unit": "uur"},
            {"name": "Ouders", "target": 50, "actual": None, "unit": ""},
        ]

    @pytest.mark.parametrize(
        "row, message",
        [
            (volto_row(name="Sessies", target="veel"), "target of indicator 1 must be a number"),
            (volto_row(name="Sessies"), "target of indicator 1 must be a number"),
            (volto_row(name="Sessies", target=4, colour="red"), "unknown keys: colour"),
        ],
    )
    def test_bad_row_refused_with_its_reason(self, admin, tree, row, message):
        response = admin.patch(PROJECT, json={"indicators": [row]})
        assert response.status_code == 400, response.text
        assert message in response.json()["message"]
        transaction.begin()
        assert len(tree["bieb"]["jaarplan-2026"]["voorlezen"].indicators) == 2


class TestRelationsRoundTrip:
    def test_related_projects_as_the_object_browser_sends_them(self, admin):
        """Volto's object browser sends the chosen items as objects with their URL."""
        project = admin.get(PROJECT).json()
        assurance = admin.get(ASSURANCE).json()
        chosen = [
            {"@id": item["@id"], "title": item["title"], "@type": item["@type"]}
            for item in (project, assurance)
        ]
        response = admin.post(
            LIBRARY,
            json={
                "@type": "Evidence",
                "title": "Verslag",
                "remote_url": "https://example.org/verslag",
                "related_projects": chosen,
            },
        )
        assert response.status_code == 201, response.text
        related = response.json()["related_projects"]
        assert [item["@id"] for item in related] == [project["@id"], assurance["@id"]]


class TestAssuranceEvaluation:
    """Volto's workflow menu sends no comment: every step works with the field alone."""

    def step(self, session, transition, **body):
        return session.post(f"{ASSURANCE}/@workflow/{transition}", json=body)

    def test_a_cycle_without_comments(self, admin, tree, monkeypatch):
        monkeypatch.setattr("bibqual.clock.today", lambda: date(2026, 8, 20))
        for transition in ("start", "evaluate"):
            assert self.step(admin, transition).status_code == 200

        refused = self.step(admin, "adjust")
        assert refused.status_code == 400, refused.text
        assert refused.json()["error"]["message"] == (
            "Fill in the evaluation of this cycle before adjusting."
        )
        assert admin.get(ASSURANCE).json()["review_state"] == "check"

        evaluation = "Collectieplan is actueel; de jeugdcollectie in Opmeer vernieuwd."
        assert admin.patch(ASSURANCE, json={"evaluation": evaluation}).status_code == 204
        adjusted = self.step(admin, "adjust")
        assert adjusted.status_code == 200, adjusted.text
        assert adjusted.json()["review_state"] == "act"
        assert admin.get(ASSURANCE).json()["evaluation"] == evaluation

        assert self.step(admin, "new_cycle").status_code == 200
        item = admin.get(ASSURANCE).json()
        assert item["review_state"] == "plan"
        assert item["cycle"] == 2
        assert item["evaluation"] is None
        assert item["next_review"] == "2027-09-01"
        assert item["cycle_history"] == [
            {"cycle": 1, "evaluation": evaluation, "date": "2026-08-20"}
        ]

    def test_second_cycle_needs_its_own_evaluation(self, admin, tree):
        admin.patch(ASSURANCE, json={"evaluation": "Eerste ronde"})
        for transition in ("start", "evaluate", "adjust", "new_cycle", "start", "evaluate"):
            assert self.step(admin, transition).status_code == 200, transition
        assert self.step(admin, "adjust").status_code == 400
        admin.patch(ASSURANCE, json={"evaluation": "Tweede ronde"})
        assert self.step(admin, "adjust", comment="Besproken in het MT.").status_code == 200
        assert self.step(admin, "new_cycle").status_code == 200
        history = admin.get(ASSURANCE).json()["cycle_history"]
        assert [(entry["cycle"], entry["evaluation"]) for entry in history] == [
            (1, "Eerste ronde"),
            (2, "Tweede ronde"),
        ]

    def test_cycle_history_is_read_only(self, admin, tree):
        response = admin.patch(
            ASSURANCE, json={"cycle_history": [{"cycle": 1, "evaluation": "x", "date": None}]}
        )
        assert response.status_code in (204, 400)
        assert admin.get(ASSURANCE).json()["cycle_history"] == []
