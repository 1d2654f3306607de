"""``GET {site}/@norm-frameworks`` and the framework files bibqual ships."""

from bibqual.frameworks.store import read_framework_text
from bibqual.frameworks.store import shipped_frameworks
from bibqual.frameworks.store import shipped_mappings
import pytest


KIB_NORMS = [
    "missie-visie-strategie",
    "middelen",
    "mensen",
    "samenwerking",
    "producten-en-diensten",
    "resultaten-en-verantwoording",
    "wet-en-regelgeving",
]


class TestShippedFiles:
    def test_kwaliteit_in_beeld(self):
        kib = shipped_frameworks()["cbct-kib"]
        assert list(kib.tokens())[:7] == KIB_NORMS
        assert [m.title for m in kib.modules] == [
            "Module 1 Educatieve dienstverlening",
            "Module Aangepast Lezen",
        ]
        assert [e.token for e in kib.selected_elements()] == KIB_NORMS

    def test_scob_third_round(self):
        scob = shipped_frameworks()["scob3"]
        assert len(scob.elements) == 9
        assert all(len(element.aspects) == 4 for element in scob.elements)
        assert (scob.scale.min, scob.scale.max) == (0, 4)
        assert [(b.lower, b.token) for b in scob.bands] == [
            (0, "not_certified"),
            (65, "reaudit"),
            (75, "conditional"),
            (80, "certified"),
        ]

    def test_mapping_covers_every_scob_element(self):
        (mapping,) = shipped_mappings()
        frameworks = shipped_frameworks()
        assert (mapping.source, mapping.target) == ("scob3", "cbct-kib")
        assert set(mapping.map) == set(frameworks["scob3"].tokens())
        targets = {t for targets in mapping.map.values() for t in targets}
        assert targets <= set(frameworks["cbct-kib"].tokens())

    @pytest.mark.parametrize(
        "text,reason",
        [
            ("", "empty"),
            ("[]", "holds one JSON object"),
            ('{"token": "x", "title": "X"}', "'scale' must be an object"),
            (
                '{"token": "x", "title": "X", "scale": {"min": 0, "max": 4}, "bands": '
                '[{"from": 0, "token": "a", "title": "A"}], "elements": [{"token": "e", '
                '"title": "E"}]}',
                "element e has no aspects",
            ),
            (
                '{"token": "x", "title": "X", "scale": {"min": 0, "max": 4}, "bands": '
                '[{"from": 0, "token": "a", "title": "A"}], "aspects": [{"token": "p", '
                '"title": "P"}], "elements": [{"token": "e", "title": "E", "module": "m"}]}',
                "names unknown module 'm'",
            ),
        ],
    )
    def test_bad_file_refused_with_the_reason(self, text, reason):
        with pytest.raises(ValueError, match=reason):
            read_framework_text(text)


class TestService:
    def test_every_framework_and_the_active_one(self, kib_rest):
        response = kib_rest("admin").get("/@norm-frameworks")
        assert response.status_code == 200, response.text
        data = response.json()
        assert data["active"] == "cbct-kib"
        items = {item["token"]: item for item in data["items"]}
        assert list(items) == ["cbct-kib", "scob3"]
        assert items["cbct-kib"]["active"] is True and items["scob3"]["active"] is False
        scob = items["scob3"]
        assert scob["title"] == "SCOB 3e ronde (2014-2017)"
        assert scob["elements"][0]["token"] == "leiderschap"
        assert scob["elements"][0]["title"] == "Leiderschap"
        assert [a["token"] for a in scob["elements"][0]["aspects"]] == [
            "beleid",
            "uitvoering",
            "meting",
            "verbetering",
        ]
        assert scob["elements"][0]["aspects"][0]["title"] == "Beleid en doelen"
        assert scob["scale"]["min"] == 0 and scob["scale"]["max"] == 4
        assert scob["scale"]["labels"]["4"] == "Uitstekend"
        assert [(b["from"], b["token"]) for b in scob["bands"]] == [
            (0, "not_certified"),
            (65, "reaudit"),
            (75, "conditional"),
            (80, "certified"),
        ]
        assert scob["bands"][2]["title"] == "Voorwaardelijk gecertificeerd"
        kib = items["cbct-kib"]
        assert [e["token"] for e in kib["elements"]][:7] == KIB_NORMS
        assert kib["elements"][7]["module"] == "educatie"
        assert kib["modules"][0] == {
            "token": "educatie",
            "title": "Module 1 Educatieve dienstverlening",
            "optional": True,
        }

    def test_the_scob_site(self, rest):
        assert rest("admin").get("/@norm-frameworks").json()["active"] == "scob3"

    def test_public_knowledge(self, kib_rest):
        """The norms are published by the certifiers; whoever may view the site reads them."""
        response = kib_rest().get("/@norm-frameworks")
        assert response.status_code == 200, response.text
        assert response.json()["active"] == "cbct-kib"
