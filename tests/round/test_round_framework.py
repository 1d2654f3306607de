"""A round is judged against one of the site's frameworks (the shipped ones and the
administrator's), with the elements the site works with: an optional module's
elements only when the module is switched on."""

from bibqual.certification.framework import framework_of
from datetime import date
from plone import api
from support.content import create
from support.content import make_library
import json
import pytest


OWN_FRAMEWORK = {
    "token": "eigen-norm",
    "title": "Eigen kwaliteitsnorm",
    "scale": {"min": 1, "max": 5},
    "bands": [
        {"from": 0, "token": "onvoldoende", "title": "Onvoldoende"},
        {"from": 70, "token": "voldoende", "title": "Voldoende"},
    ],
    "aspects": [{"token": "opzet", "title": "Opzet"}, {"token": "werking", "title": "Werking"}],
    "elements": [{"token": "leesbevordering", "title": "Leesbevordering"}],
}
KIB = [
    "missie-visie-strategie",
    "middelen",
    "mensen",
    "samenwerking",
    "producten-en-diensten",
    "resultaten-en-verantwoording",
    "wet-en-regelgeving",
]


def make_round(library, framework):
    return create(
        library,
        "Certification",
        "ronde",
        title="Certificering",
        framework=framework,
        certified_until=date(2027, 5, 31),
        audit_date=date(2027, 4, 15),
    )


@pytest.fixture
def library(portal):
    return make_library(portal)


def test_a_round_on_a_framework_the_administrator_added(library):
    api.portal.set_registry_record("bibqual.framework_files", [json.dumps(OWN_FRAMEWORK)])
    certification = make_round(library, "eigen-norm")
    assert framework_of(certification).title == "Eigen kwaliteitsnorm"
    self_assessment = create(
        certification,
        "SelfAssessment",
        "zelfevaluatie",
        scores=[{"element": "leesbevordering", "aspect": "opzet", "score": 4}],
    )
    # scored on the added framework's scale: 4 of 5
    assert (self_assessment.percentage, self_assessment.band) == (80.0, "voldoende")


def test_optional_modules_only_when_switched_on(library):
    certification = make_round(library, "cbct-kib")
    assert [e.token for e in framework_of(certification).elements] == KIB
    api.portal.set_registry_record("bibqual.norm_modules", ["cbct-kib:educatie"])
    assert [e.token for e in framework_of(certification).elements] == [
        *KIB,
        "educatieve-dienstverlening",
    ]


def test_a_framework_the_site_does_not_know(library):
    assert framework_of(make_round(library, "verdwenen-norm")) is None
