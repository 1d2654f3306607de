"""The administrator adds a framework file and edits the mapping between frameworks:
in the Classic settings form and over ``@controlpanels/bibqual-settings``. A bad
file or line is refused with the reason, and nothing is stored."""

from lxml import html
from support.frameworks import browser_for
import copy
import json
import pytest
import transaction


PANEL = "/@controlpanels/bibqual-settings"
FRAMEWORK = {
    "token": "eigen-norm",
    "title": "Eigen kwaliteitsnorm",
    "description": "De norm van een netwerk van bibliotheken.",
    "scale": {"min": 1, "max": 5, "labels": {"1": "Slecht", "5": "Uitstekend"}},
    "bands": [
        {"from": 0, "token": "onvoldoende", "title": "Onvoldoende"},
        {"from": 70, "token": "voldoende", "title": "Voldoende"},
    ],
    "aspects": [{"token": "opzet", "title": "Opzet"}, {"token": "werking", "title": "Werking"}],
    "elements": [
        {"token": "leesbevordering", "title": "Leesbevordering"},
        {
            "token": "digitale-inclusie",
            "title": "Digitale inclusie",
            "aspects": [{"token": "bereik", "title": "Bereik"}],
        },
    ],
}


def with_change(**changes):
    data = copy.deepcopy(FRAMEWORK)
    data.update(changes)
    return json.dumps(data, indent=2)


def field_errors(browser, name):
    """The text of the settings form's block of the field ``name`` (with its errors)."""
    block = html.fromstring(browser.contents).xpath(f'//div[@id="formfield-form-widgets-{name}"]')
    return " ".join(block[0].text_content().split())


def registry(portal, name):
    transaction.begin()
    return portal.portal_registry[name]


class TestRest:
    def test_add_a_framework(self, rest, functional_portal):
        admin = rest("admin")
        response = admin.patch(PANEL, json={"framework_files": [json.dumps(FRAMEWORK)]})
        assert response.status_code == 204, response.text

        frameworks = admin.get("/@norm-frameworks").json()
        added = {item["token"]: item for item in frameworks["items"]}["eigen-norm"]
        assert added["title"] == "Eigen kwaliteitsnorm"
        assert added["added"] is True and added["active"] is False
        assert [e["token"] for e in added["elements"]] == ["leesbevordering", "digitale-inclusie"]
        assert added["elements"][1]["aspects"] == [{"token": "bereik", "title": "Bereik"}]
        assert added["scale"] == {"min": 1, "max": 5, "labels": {"1": "Slecht", "5": "Uitstekend"}}

        vocabulary = admin.get("/@vocabularies/bibqual.vocabularies.NormFrameworks").json()
        assert "eigen-norm" in [item["token"] for item in vocabulary["items"]]

        # then it can be made the active framework; items are offered its elements
        response = admin.patch(PANEL, json={"active_framework": "eigen-norm"})
        assert response.status_code == 204, response.text
        elements = admin.get("/@vocabularies/bibqual.vocabularies.NormFields").json()
        assert [item["token"] for item in elements["items"]] == [
            "leesbevordering",
            "digitale-inclusie",
        ]
        assert admin.get("/@norm-frameworks").json()["active"] == "eigen-norm"

    @pytest.mark.parametrize(
        "text,reason",
        [
            ("{geen json", "not valid JSON"),
            (with_change(token="Eigen Norm"), "'Eigen Norm' is not a token"),
            (with_change(elements=[]), "a framework needs elements"),
            (with_change(scale={"min": 4, "max": 1}), "the scale's max must be above its min"),
            (with_change(bands=[{"from": 50, "token": "x", "title": "X"}]), "must start at 0"),
            (with_change(aspects=["opzet"]), "'aspects' must be a list of objects"),
            (
                with_change(
                    elements=[
                        {"token": "a", "title": "A"},
                        {"token": "a", "title": "Nog eens A"},
                    ]
                ),
                "an element token is used twice",
            ),
        ],
    )
    def test_bad_file_refused_with_the_reason(self, rest, functional_portal, text, reason):
        response = rest("admin").patch(PANEL, json={"framework_files": [text]})
        assert response.status_code == 400, response.text
        message = response.json()["error"]["message"]
        assert "framework_files, item 1: This framework file cannot be used:" in message
        assert reason in message
        assert registry(functional_portal, "bibqual.framework_files") == []

    def test_same_token_twice_refused(self, rest, functional_portal):
        text = json.dumps(FRAMEWORK)
        response = rest("admin").patch(PANEL, json={"framework_files": [text, text]})
        assert response.status_code == 400
        assert "Two framework files have the token 'eigen-norm'" in response.text
        assert registry(functional_portal, "bibqual.framework_files") == []

    def test_mapping_lines(self, rest, functional_portal):
        admin = rest("admin")
        lines = ["scob3->cbct-kib|collectie|producten-en-diensten, samenwerking"]
        response = admin.patch(PANEL, json={"norm_mappings": lines})
        assert response.status_code == 204, response.text
        assert registry(functional_portal, "bibqual.norm_mappings") == lines

    @pytest.mark.parametrize(
        "line,reason",
        [
            ("collectie|producten-en-diensten", "Write an element mapping as"),
            ("scob3->iso|collectie|kwaliteit", "Unknown norm framework 'iso'."),
            ("scob3->cbct-kib|mensen|samenwerking", "'mensen' is not an element of scob3."),
            ("scob3->cbct-kib|collectie|netwerk", "'netwerk' is not an element of cbct-kib."),
            ("scob3->scob3|collectie|netwerk", "A mapping leads from one framework to another."),
        ],
    )
    def test_bad_mapping_line_refused(self, rest, functional_portal, line, reason):
        default = registry(functional_portal, "bibqual.norm_mappings")
        response = rest("admin").patch(PANEL, json={"norm_mappings": [line]})
        assert response.status_code == 400
        assert f"norm_mappings, line 1: {reason}" in response.json()["error"]["message"]
        assert registry(functional_portal, "bibqual.norm_mappings") == default

    def test_default_mapping_is_the_shipped_file(self, functional_portal):
        lines = registry(functional_portal, "bibqual.norm_mappings")
        assert "scob3->cbct-kib|collectie|producten-en-diensten" in lines
        assert "scob3->cbct-kib|netwerk|samenwerking" in lines
        assert len(lines) == 9


class TestClassicForm:
    def open(self, app, portal):
        browser = browser_for(app)
        browser.open(f"{portal.absolute_url()}/@@bibqual-settings")
        return browser

    def add_file(self, browser, text):
        browser.getControl(name="form.widgets.framework_files.buttons.add").click()
        browser.getControl(name="form.widgets.framework_files.0").value = text
        browser.getControl(name="form.buttons.save").click()

    def test_add_a_framework(self, functional_app, functional_portal, rest):
        browser = self.open(functional_app, functional_portal)
        self.add_file(browser, json.dumps(FRAMEWORK, indent=2))
        assert "Changes saved" in browser.contents
        assert registry(functional_portal, "bibqual.framework_files")[0].startswith("{")
        browser.open(f"{functional_portal.absolute_url()}/@@bibqual-settings")
        options = browser.getControl(name="form.widgets.active_framework:list").options
        assert "eigen-norm" in options
        tokens = [item["token"] for item in rest("admin").get("/@norm-frameworks").json()["items"]]
        assert tokens == ["cbct-kib", "scob3", "eigen-norm"]

    def test_bad_file_shows_the_reason(self, functional_app, functional_portal):
        browser = self.open(functional_app, functional_portal)
        self.add_file(browser, with_change(scale={"min": 4, "max": 1}))
        assert "There were some errors" in browser.contents
        errors = field_errors(browser, "framework_files")
        assert "This framework file cannot be used: framework eigen-norm:" in errors
        assert "the scale's max must be above its min" in errors
        assert "Changes saved" not in browser.contents
        assert registry(functional_portal, "bibqual.framework_files") == []

    def test_edit_the_mapping(self, functional_app, functional_portal):
        browser = self.open(functional_app, functional_portal)
        control = browser.getControl(name="form.widgets.norm_mappings")
        assert "scob3->cbct-kib|collectie|producten-en-diensten" in control.value
        control.value = "scob3->cbct-kib|collectie|producten-en-diensten, samenwerking"
        browser.getControl(name="form.buttons.save").click()
        assert "Changes saved" in browser.contents
        assert registry(functional_portal, "bibqual.norm_mappings") == [
            "scob3->cbct-kib|collectie|producten-en-diensten, samenwerking"
        ]

    def test_bad_mapping_line_shows_the_reason(self, functional_app, functional_portal):
        browser = self.open(functional_app, functional_portal)
        default = registry(functional_portal, "bibqual.norm_mappings")
        browser.getControl(
            name="form.widgets.norm_mappings"
        ).value = "scob3->cbct-kib|mensen|samenwerking"
        browser.getControl(name="form.buttons.save").click()
        assert "'mensen' is not an element of scob3." in field_errors(browser, "norm_mappings")
        assert registry(functional_portal, "bibqual.norm_mappings") == default

    def test_switch_on_a_module(self, functional_app, functional_portal):
        browser = self.open(functional_app, functional_portal)
        browser.getControl(name="form.widgets.norm_modules:list").value = ["cbct-kib:educatie"]
        browser.getControl(name="form.buttons.save").click()
        assert registry(functional_portal, "bibqual.norm_modules") == ["cbct-kib:educatie"]
