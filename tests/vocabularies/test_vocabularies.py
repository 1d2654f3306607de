"""The vocabularies editors pick from: norm elements, core functions, document types, ..."""

from plone.registry.interfaces import IRegistry
from zope.component import getUtility
import pytest


NORM_FIELDS = "bibqual.vocabularies.NormFields"
NORM_FRAMEWORKS = "bibqual.vocabularies.NormFrameworks"
CORE_FUNCTIONS = "bibqual.vocabularies.CoreFunctions"
DOCUMENT_TYPES = "bibqual.vocabularies.DocumentTypes"
SPEARHEADS = "bibqual.vocabularies.Spearheads"

SCOB3_TOKENS = [
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
CBCT_TOKENS = [
    "missie-visie-strategie",
    "middelen",
    "mensen",
    "samenwerking",
    "producten-en-diensten",
    "resultaten-en-verantwoording",
    "wet-en-regelgeving",
]
CORE_FUNCTION_TOKENS = [
    "kennis-en-informatie",
    "ontwikkeling-en-educatie",
    "lezen-en-literatuur",
    "ontmoeting-en-debat",
    "kunst-en-cultuur",
]
DOCUMENT_TYPE_TOKENS = [
    "beleidsplan",
    "jaarplan",
    "jaarverslag",
    "zelfevaluatie",
    "auditdagvoorstel",
    "evaluatie",
    "klanttevredenheidsonderzoek",
    "procedure",
    "overeenkomst",
    "overig",
]

FRAMEWORK_RECORD = "bibqual.active_framework"
EXTRA_RECORD = "bibqual.extra_norm_elements"


def tokens(vocabulary):
    return [term.token for term in vocabulary]


def set_record(name, value):
    """Store a setting the way the control panel does (validated)."""
    getUtility(IRegistry)[name] = value


def force_record(name, value):
    """Store a setting without validation: data from an import or an older version."""
    getUtility(IRegistry).records._values[name] = value


class TestNormFields:
    def test_scob3_active(self, portal, get_vocabulary):
        """The test site of these tests has SCOB active (as a site upgraded from 1003)."""
        assert tokens(get_vocabulary(NORM_FIELDS, portal)) == SCOB3_TOKENS

    def test_new_site_offers_kwaliteit_in_beeld(self, kib_portal, get_vocabulary):
        assert tokens(get_vocabulary(NORM_FIELDS, kib_portal)) == CBCT_TOKENS

    def test_optional_module_switched_on(self, kib_portal, get_vocabulary):
        """KiB's modules are offered only when the settings switch them on."""
        set_record("bibqual.norm_modules", ["cbct-kib:educatie"])
        assert tokens(get_vocabulary(NORM_FIELDS, kib_portal)) == [
            *CBCT_TOKENS,
            "educatieve-dienstverlening",
        ]

    def test_scob3_titles_are_the_norm_names(self, portal, get_vocabulary):
        vocabulary = get_vocabulary(NORM_FIELDS, portal)
        assert vocabulary.getTerm("gemeenten").title == "Gemeente(n)"
        assert vocabulary.getTerm("leiderschap").title == "Leiderschap"

    def test_cbct_framework(self, portal, get_vocabulary):
        set_record(FRAMEWORK_RECORD, "cbct-kib")
        vocabulary = get_vocabulary(NORM_FIELDS, portal)
        assert tokens(vocabulary) == CBCT_TOKENS
        assert "leiderschap" not in tokens(vocabulary)
        assert vocabulary.getTerm("mensen").title == "Mensen"

    def test_other_frameworks_elements_are_accepted_not_offered(self, portal, get_vocabulary):
        """A tag given under SCOB stays valid under KiB; a token nobody knows is refused."""
        set_record(FRAMEWORK_RECORD, "cbct-kib")
        vocabulary = get_vocabulary(NORM_FIELDS, portal)
        assert "leiderschap" in vocabulary
        assert "kwaliteitszorg" not in vocabulary
        assert vocabulary.getTermByToken("leiderschap").title.mapping == {
            "element": "Leiderschap",
            "framework": "SCOB 3e ronde (2014-2017)",
        }

    def test_back_to_scob3(self, portal, get_vocabulary):
        set_record(FRAMEWORK_RECORD, "cbct-kib")
        set_record(FRAMEWORK_RECORD, "scob3")
        assert tokens(get_vocabulary(NORM_FIELDS, portal)) == SCOB3_TOKENS

    def test_unknown_framework_is_refused_by_the_registry(self, portal):
        from zope.schema.interfaces import ValidationError

        with pytest.raises(ValidationError):
            set_record(FRAMEWORK_RECORD, "iso-9001")
        assert getUtility(IRegistry)[FRAMEWORK_RECORD] == "scob3"

    @pytest.mark.parametrize("framework", ["scob3", "cbct-kib"])
    def test_extra_element_for_all_frameworks(self, portal, get_vocabulary, framework):
        set_record(FRAMEWORK_RECORD, framework)
        set_record(EXTRA_RECORD, ["duurzaamheid|Duurzaamheid"])
        vocabulary = get_vocabulary(NORM_FIELDS, portal)
        assert tokens(vocabulary)[-1] == "duurzaamheid"
        assert vocabulary.getTerm("duurzaamheid").title == "Duurzaamheid"

    def test_extra_element_for_one_framework(self, portal, get_vocabulary):
        set_record(EXTRA_RECORD, ["cbct-kib|innovatie|Innovatie"])
        assert "innovatie" not in tokens(get_vocabulary(NORM_FIELDS, portal))
        set_record(FRAMEWORK_RECORD, "cbct-kib")
        vocabulary = get_vocabulary(NORM_FIELDS, portal)
        assert tokens(vocabulary) == [*CBCT_TOKENS, "innovatie"]
        assert vocabulary.getTerm("innovatie").title == "Innovatie"

    def test_extra_elements_keep_their_order(self, portal, get_vocabulary):
        set_record(EXTRA_RECORD, ["duurzaamheid|Duurzaamheid", "scob3|innovatie|Innovatie"])
        assert tokens(get_vocabulary(NORM_FIELDS, portal)) == [
            *SCOB3_TOKENS,
            "duurzaamheid",
            "innovatie",
        ]

    def test_extra_element_does_not_duplicate_a_norm_element(self, portal, get_vocabulary):
        set_record(EXTRA_RECORD, ["middelen|Geld en gebouwen"])
        vocabulary = get_vocabulary(NORM_FIELDS, portal)
        assert tokens(vocabulary) == SCOB3_TOKENS
        assert vocabulary.getTerm("middelen").title == "Middelen"

    @pytest.mark.parametrize(
        "line",
        [
            "geen pipe",
            "a|b|c|d",
            "Hoofdletters|Titel",
            "met spatie|Titel",
            "iso-9001|kwaliteit|Kwaliteit",
            "leeg|",
            "",
        ],
    )
    def test_malformed_line_is_ignored(self, portal, get_vocabulary, line):
        force_record(EXTRA_RECORD, [line, "duurzaamheid|Duurzaamheid"])
        assert tokens(get_vocabulary(NORM_FIELDS, portal)) == [*SCOB3_TOKENS, "duurzaamheid"]

    def test_settings_schema_refuses_a_malformed_line(self, portal):
        """The control panel and ``@controlpanels`` validate against this schema."""
        from bibqual.interfaces import IBibqualSettings
        from zope.interface import Invalid

        field = IBibqualSettings["extra_norm_elements"].bind(portal)
        field.validate(["duurzaamheid|Duurzaamheid", "cbct-kib|innovatie|Innovatie"])
        with pytest.raises(Invalid):
            field.validate(["geen pipe"])


class TestNormFrameworks:
    def test_frameworks(self, portal, get_vocabulary):
        vocabulary = get_vocabulary(NORM_FRAMEWORKS, portal)
        assert tokens(vocabulary) == ["cbct-kib", "scob3"]

    def test_titles(self, portal, get_vocabulary):
        vocabulary = get_vocabulary(NORM_FRAMEWORKS, portal)
        assert "SCOB" in vocabulary.getTerm("scob3").title
        assert "CBCT" in vocabulary.getTerm("cbct-kib").title


class TestCoreFunctions:
    def test_tokens(self, portal, get_vocabulary):
        assert tokens(get_vocabulary(CORE_FUNCTIONS, portal)) == CORE_FUNCTION_TOKENS

    def test_titles_in_english(self, portal, get_vocabulary):
        vocabulary = get_vocabulary(CORE_FUNCTIONS, portal)
        assert vocabulary.getTerm("kennis-en-informatie").title == "Knowledge and information"

    @pytest.mark.parametrize(
        "token,dutch",
        [
            ("kennis-en-informatie", "Kennis en informatie"),
            ("lezen-en-literatuur", "Lezen en literatuur"),
        ],
    )
    def test_titles_translated_to_dutch(self, portal, http_request, get_vocabulary, token, dutch):
        """Needs src/bibqual/locales/nl/LC_MESSAGES/bibqual.po (and its .mo)."""
        from zope.i18n import translate

        term = get_vocabulary(CORE_FUNCTIONS, portal).getTerm(token)
        assert translate(term.title, context=http_request, target_language="nl") == dutch


class TestDocumentTypes:
    def test_tokens(self, portal, get_vocabulary):
        assert tokens(get_vocabulary(DOCUMENT_TYPES, portal)) == DOCUMENT_TYPE_TOKENS

    def test_every_type_has_a_title(self, portal, get_vocabulary):
        assert all(term.title for term in get_vocabulary(DOCUMENT_TYPES, portal))


class TestSpearheads:
    def test_in_project(self, project, get_vocabulary):
        vocabulary = get_vocabulary(SPEARHEADS, project)
        assert [term.value for term in vocabulary] == ["Taal en lezen", "Digitale inclusie"]

    def test_in_year_plan(self, year_plan, get_vocabulary):
        vocabulary = get_vocabulary(SPEARHEADS, year_plan)
        assert "Digitale inclusie" in vocabulary

    def test_follows_the_year_plan(self, year_plan, project, get_vocabulary):
        year_plan.spearheads = ["Taal en lezen", "Digitale inclusie", "Taal en lezen", "Ontmoeting"]
        vocabulary = get_vocabulary(SPEARHEADS, project)
        assert [term.value for term in vocabulary] == [
            "Taal en lezen",
            "Digitale inclusie",
            "Ontmoeting",
        ]

    def test_empty_at_site_root(self, portal, get_vocabulary):
        assert len(get_vocabulary(SPEARHEADS, portal)) == 0

    def test_empty_in_library(self, library, get_vocabulary):
        assert len(get_vocabulary(SPEARHEADS, library)) == 0


class TestRestVocabularies:
    def test_norm_fields(self, rest):
        response = rest("admin").get(f"/@vocabularies/{NORM_FIELDS}")
        assert response.status_code == 200, response.text
        data = response.json()
        assert [item["token"] for item in data["items"]] == SCOB3_TOKENS
        assert data["items_total"] == len(SCOB3_TOKENS)
        titles = {item["token"]: item["title"] for item in data["items"]}
        assert titles["gemeenten"] == "Gemeente(n)"

    def test_core_functions(self, rest):
        response = rest("admin").get(f"/@vocabularies/{CORE_FUNCTIONS}")
        assert response.status_code == 200, response.text
        assert [item["token"] for item in response.json()["items"]] == CORE_FUNCTION_TOKENS
