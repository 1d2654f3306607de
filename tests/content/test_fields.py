"""Every field of every type keeps what was stored in it; schema rules hold."""

from bibqual.content.assuranceproject import IAssuranceProject
from bibqual.content.classification import IClassification
from bibqual.content.evidence import IEvidence
from bibqual.content.library import ILibrary
from bibqual.content.smartproject import ISmartProject
from bibqual.content.yearplan import IYearPlan
from datetime import date
from plone import api
from plone.dexterity.utils import iterSchemata
from plone.namedfile.file import NamedBlobFile
from plone.supermodel.interfaces import FIELDSETS_KEY
from zope.i18n import translate
from zope.interface import Invalid
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import TooBig
from zope.schema.interfaces import TooSmall
from zope.schema.interfaces import WrongContainedType
from zope.schema.interfaces import WrongType
import pytest


def _create(container, portal_type, **data):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(container=container, type=portal_type, **data)


class _Data:
    """Stand-in for the form data an invariant sees."""

    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)


LIBRARY_DATA = {
    "title": "Bibliotheek Kennemerwaard",
    "description": "Bibliotheek voor vier gemeenten",
    "municipalities": ["Heerhugowaard", "Langedijk"],
    "network": "Netwerk Noord-Holland",
    "share_with_network": True,
}
YEAR_PLAN_DATA = {
    "title": "Jaarplan 2027",
    "description": "Wat we in 2027 doen",
    "year": 2027,
    "spearheads": ["Laaggeletterdheid", "Digitale inclusie"],
}
PROJECT_DATA = {
    "title": "Taalcafé",
    "specific": "Wekelijks taalcafé voor anderstaligen in drie vestigingen.",
    "measurable": "Aantal bezoekers per sessie.",
    "achievable": "Vrijwilligers van Humanitas doen mee.",
    "realistic": "Twee uur per week van een medewerker.",
    "start": date(2026, 3, 1),
    "deadline": date(2026, 12, 15),
    "indicators": [
        {"name": "Sessies", "target": 40, "actual": 12, "unit": "sessies"},
        {"name": "Bezoekers", "target": 8.5, "actual": None, "unit": "gemiddeld"},
    ],
    "responsible": "jdevries",
    "partners": ["Humanitas", "ROC Kop van Noord-Holland"],
    "target_groups": ["Anderstaligen", "Statushouders"],
    "budget": 2500.5,
    "spearhead": "Digitale inclusie",
    "evaluation": "Gemiddeld tien bezoekers.",
    "improvements": "Ook op zaterdag.",
    "norm_fields": ["dienstverlening", "netwerk"],
    "core_functions": ["ontmoeting-en-debat", "ontwikkeling-en-educatie"],
    "policy_topics": ["Laaggeletterdheid"],
}
ASSURANCE_DATA = {
    "title": "Collectieplan evalueren",
    "agreement": "Het collectieplan wordt elk jaar geëvalueerd.",
    "interval_months": 6,
    "next_review": date(2026, 9, 1),
    "responsible": "collectiespecialist",
    "norm_fields": ["collectie"],
    "core_functions": ["lezen-en-literatuur"],
    "policy_topics": ["Leesbevordering"],
}
EVIDENCE_DATA = {
    "title": "Jaarverslag 2025",
    "remote_url": "https://example.org/jaarverslag-2025.pdf",
    "document_type": "jaarverslag",
    "valid_until": date(2027, 1, 1),
    "norm_fields": ["strategie"],
    "core_functions": ["kennis-en-informatie"],
    "policy_topics": ["Verantwoording"],
}


def _schema_fields(obj):
    """``{name: (schema, field)}`` of every field of ``obj``: its type schema and behaviors."""
    fields = {}
    for schema in iterSchemata(obj):
        for name, field in getFieldsInOrder(schema):
            fields.setdefault(name, (schema, field))
    return fields


def _assert_stored(obj, data, name):
    """``name`` is a field of ``obj``'s schema, ``data[name]`` is valid for it and the
    field reads the stored value back (through the behavior's adapter where it has one)."""
    fields = _schema_fields(obj)
    assert name in fields, f"{name} is not a field of {obj.portal_type}"
    schema, field = fields[name]
    bound = field.bind(obj)
    bound.validate(data[name])
    assert bound.get(schema(obj)) == data[name]


class TestStoredFields:
    """Each value is stored in a field the type's schema really has (not just any attribute:
    DexterityContent accepts every keyword) and the schema field reads it back."""

    @pytest.mark.parametrize("name", list(LIBRARY_DATA))
    def test_library(self, portal, name):
        _assert_stored(_create(portal, "Library", **LIBRARY_DATA), LIBRARY_DATA, name)

    def test_library_does_not_share_by_default(self, portal):
        obj = _create(portal, "Library", title="Bibliotheek Oost")
        assert obj.share_with_network is False
        assert obj.municipalities == []

    @pytest.mark.parametrize("name", list(YEAR_PLAN_DATA))
    def test_year_plan(self, library, name):
        _assert_stored(_create(library, "YearPlan", **YEAR_PLAN_DATA), YEAR_PLAN_DATA, name)

    @pytest.mark.parametrize("name", list(PROJECT_DATA))
    def test_smart_project(self, year_plan, name):
        year_plan.spearheads = ["Taal en lezen", "Digitale inclusie"]
        _assert_stored(_create(year_plan, "SmartProject", **PROJECT_DATA), PROJECT_DATA, name)

    @pytest.mark.parametrize("name", list(ASSURANCE_DATA))
    def test_assurance_project(self, library, name):
        _assert_stored(_create(library, "AssuranceProject", **ASSURANCE_DATA), ASSURANCE_DATA, name)

    @pytest.mark.parametrize("name", list(EVIDENCE_DATA))
    def test_evidence(self, library, name):
        _assert_stored(_create(library, "Evidence", **EVIDENCE_DATA), EVIDENCE_DATA, name)

    def test_evidence_file(self, library):
        upload = NamedBlobFile(
            data=b"%PDF-1.4 jaarverslag", contentType="application/pdf", filename="verslag.pdf"
        )
        obj = _create(library, "Evidence", title="Verslag", file=upload)
        assert obj.file.data == b"%PDF-1.4 jaarverslag"
        assert obj.file.filename == "verslag.pdf"
        assert obj.file.contentType == "application/pdf"
        assert obj.document_type == "overig"

    def test_classification_read_through_behavior(self, project):
        classification = IClassification(project)
        assert classification.norm_fields == ["dienstverlening", "netwerk"]
        assert classification.core_functions == ["lezen-en-literatuur"]
        assert classification.policy_topics == []


class TestIndicators:
    def test_round_trip_as_list_of_dicts(self, project):
        assert project.indicators == [
            {"name": "Voorleesuren", "target": 40, "actual": 30, "unit": "uur"},
            {"name": "Bereikte peuters", "target": 200, "actual": None, "unit": "kinderen"},
        ]
        assert all(isinstance(row, dict) for row in project.indicators)

    def test_field_accepts_valid_rows(self):
        field = ISmartProject["indicators"]
        field.validate([{"name": "Leden", "target": 100, "actual": 90.5, "unit": "leden"}])

    @pytest.mark.parametrize(
        "row",
        [
            pytest.param({"target": 10, "actual": None, "unit": ""}, id="no-name"),
            pytest.param(
                {"name": "Leden", "target": None, "actual": None, "unit": ""}, id="no-target"
            ),
            pytest.param(
                {"name": "Leden", "target": "veel", "actual": None, "unit": ""}, id="text"
            ),
            pytest.param({"name": "Leden", "target": True, "actual": None, "unit": ""}, id="bool"),
        ],
    )
    def test_field_refuses_bad_rows(self, row):
        with pytest.raises(WrongContainedType):
            ISmartProject["indicators"].validate([row])

    def test_new_project_has_no_indicators(self, year_plan):
        obj = _create(
            year_plan, "SmartProject", title="Leeg", specific="x", deadline=date(2026, 5, 1)
        )
        assert obj.indicators == []


class TestReadOnlyFields:
    def test_cycle_starts_at_one(self, library):
        obj = _create(library, "AssuranceProject", title="Borging", agreement="Afspraak")
        assert obj.cycle == 1

    def test_cycle_read_only(self):
        field = IAssuranceProject["cycle"]
        assert field.readonly is True
        assert field.default == 1

    def test_interval_defaults_to_a_year(self, library):
        obj = _create(library, "AssuranceProject", title="Borging", agreement="Afspraak")
        assert obj.interval_months == 12

    def test_copied_from_read_only(self, project):
        assert ISmartProject["copied_from"].readonly is True
        assert project.copied_from is None


class TestSchemaRules:
    @pytest.mark.parametrize(
        "schema,name",
        [
            (ISmartProject, "specific"),
            (ISmartProject, "deadline"),
            (IAssuranceProject, "agreement"),
            (IYearPlan, "year"),
        ],
    )
    def test_required(self, schema, name):
        assert schema[name].required is True

    @pytest.mark.parametrize(
        "schema,name",
        [
            (ISmartProject, "start"),
            (ISmartProject, "budget"),
            (ISmartProject, "spearhead"),
            (IEvidence, "file"),
            (IEvidence, "remote_url"),
            (ILibrary, "network"),
        ],
    )
    def test_optional(self, schema, name):
        assert schema[name].required is False

    @pytest.mark.parametrize("value", [0, 5000, 12.5])
    def test_budget_accepts_numbers(self, value):
        ISmartProject["budget"].validate(value)

    def test_budget_refuses_negative(self):
        with pytest.raises(TooSmall):
            ISmartProject["budget"].validate(-0.01)

    def test_budget_refuses_boolean(self):
        with pytest.raises(WrongType):
            ISmartProject["budget"].validate(True)

    @pytest.mark.parametrize(
        "value,error", [(1999, TooSmall), (2101, TooBig), (2000, None), (2100, None)]
    )
    def test_year_bounds(self, value, error):
        field = IYearPlan["year"]
        if error is None:
            field.validate(value)
        else:
            with pytest.raises(error):
                field.validate(value)

    @pytest.mark.parametrize("value,error", [(0, TooSmall), (61, TooBig), (1, None), (60, None)])
    def test_interval_bounds(self, value, error):
        field = IAssuranceProject["interval_months"]
        if error is None:
            field.validate(value)
        else:
            with pytest.raises(error):
                field.validate(value)


class TestInvariants:
    def test_deadline_before_start_refused(self):
        data = _Data(start=date(2026, 6, 1), deadline=date(2026, 5, 31))
        with pytest.raises(Invalid, match="deadline cannot be before the start"):
            ISmartProject.validateInvariants(data)

    @pytest.mark.parametrize(
        "start,deadline",
        [(date(2026, 6, 1), date(2026, 6, 1)), (None, date(2026, 1, 1)), (date(2026, 1, 1), None)],
    )
    def test_deadline_accepted(self, start, deadline):
        ISmartProject.validateInvariants(_Data(start=start, deadline=deadline))

    def test_evidence_needs_file_or_link(self):
        with pytest.raises(Invalid, match="Upload a file or give a link"):
            IEvidence.validateInvariants(_Data(file=None, remote_url=None))

    def test_evidence_with_link(self):
        IEvidence.validateInvariants(_Data(file=None, remote_url="https://example.org"))

    def test_duplicate_year_in_library(self, library, year_plan):
        with pytest.raises(Invalid) as exc:
            IYearPlan.validateInvariants(_Data(__context__=library, year=2026))
        assert translate(exc.value.args[0]) == "This library already has a year plan for 2026."

    def test_other_year_in_library(self, library, year_plan):
        IYearPlan.validateInvariants(_Data(__context__=library, year=2027))

    def test_year_plan_keeps_its_own_year(self, year_plan):
        IYearPlan.validateInvariants(_Data(__context__=year_plan, year=2026))

    def test_same_year_in_other_library(self, portal, year_plan):
        other = _create(portal, "Library", id="andere", title="Andere bibliotheek")
        IYearPlan.validateInvariants(_Data(__context__=other, year=2026))


class TestFieldsets:
    def test_smart_fieldsets_in_order(self):
        fieldsets = ISmartProject.queryTaggedValue(FIELDSETS_KEY)
        names = [fieldset.__name__ for fieldset in fieldsets]
        smart = [name for name in names if name.startswith("smart_")]
        assert smart == ["smart_s", "smart_m", "smart_a", "smart_r", "smart_t"]
        assert names.index("smart_t") < names.index("check_act")

    @pytest.mark.parametrize(
        "fieldset,fields",
        [
            ("smart_s", ["specific", "target_groups"]),
            ("smart_m", ["measurable", "indicators"]),
            ("smart_a", ["achievable", "responsible", "partners"]),
            ("smart_r", ["realistic", "budget"]),
            ("smart_t", ["start", "deadline"]),
            ("check_act", ["evaluation", "improvements", "copied_from"]),
        ],
    )
    def test_fieldset_fields(self, fieldset, fields):
        fieldsets = {fs.__name__: fs for fs in ISmartProject.queryTaggedValue(FIELDSETS_KEY)}
        assert fieldsets[fieldset].fields == fields

    def test_labels_start_with_letter(self):
        labels = [
            str(fs.label)
            for fs in ISmartProject.queryTaggedValue(FIELDSETS_KEY)
            if fs.__name__.startswith("smart_")
        ]
        assert [label[0] for label in labels] == ["S", "M", "A", "R", "T"]

    def test_schema_order_follows_smart(self):
        order = [name for name, _field in getFieldsInOrder(ISmartProject)]
        letters = ["specific", "measurable", "achievable", "realistic", "deadline"]
        assert [order.index(name) for name in letters] == sorted(
            order.index(name) for name in letters
        )

    def test_classification_fieldset(self):
        fieldsets = IClassification.queryTaggedValue(FIELDSETS_KEY)
        assert [fs.__name__ for fs in fieldsets] == ["classification"]
        assert fieldsets[0].fields == ["norm_fields", "core_functions", "policy_topics"]
