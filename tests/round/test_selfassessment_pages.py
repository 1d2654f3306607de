"""The self-evaluation's pages: filling it in (suggestions, round trip, refusals),
reading it, and starting from the previous round."""

from datetime import date
from round_support import page
from round_support import text
from support.content import create
from support.content import transition
from urllib.parse import urlencode
from zExceptions import Forbidden
from zExceptions import Unauthorized
import pytest
import transaction


MIDDELEN = 16  # form index of middelen/beleid: after 4 elements of 4 aspects in scob3


def fieldset(tree, element):
    return tree.cssselect(f"fieldset[data-element={element}]")[0]


def picker(tree, element, aspect, key):
    block = fieldset(tree, element).cssselect(f"div[data-aspect={aspect}]")[0]
    return {
        text(box.getparent()): box.get("checked") is not None
        for box in block.cssselect(f"fieldset[data-picker={key}] input[type=checkbox]")
    }


def open_form(browser, tree, user="coordinator"):
    b = browser(user)
    b.open(f"{tree['self_assessment'].absolute_url()}/@@self-assessment-form")
    return b


def test_form_has_a_fieldset_per_element_with_the_scales_labels(browser, functional_round):
    tree = page(open_form(browser, functional_round))
    legends = [text(f.cssselect("legend")[0]) for f in tree.cssselect("fieldset[data-element]")]
    assert legends[:3] == ["Leiderschap", "Strategie", "Medewerkers"] and len(legends) == 9
    middelen = fieldset(tree, "middelen")
    assert [text(h) for h in middelen.cssselect("h3")] == [
        "Beleid en doelen",
        "Uitvoering",
        "Meten en evalueren",
        "Verbeteren en borgen",
    ]
    options = [text(o) for o in middelen.cssselect(f"select[name=score_{MIDDELEN}] option")]
    assert options == [
        "no score",
        "0 – Voldoet niet",
        "1 – Voldoet niet",
        "2 – Zwak",
        "3 – Voldoet",
        "4 – Uitstekend",
    ]


def test_new_aspects_start_with_what_bibqual_knows(browser, functional_round):
    tree = page(open_form(browser, functional_round))
    # released and valid: checked; expired and draft evidence are not offered
    assert picker(tree, "middelen", "beleid", "evidence") == {"Begroting 2026": True}
    projects = picker(tree, "middelen", "beleid", "projects")
    assert set(projects) == {"Leesclub Completed", "Taalcafé Do"} and all(projects.values())
    assert picker(tree, "netwerk", "meting", "projects") == {"Voorlezen Check": True}
    assert picker(tree, "gemeenten", "beleid", "evidence") == {}


def test_scoring_round_trip(browser, functional_round):
    b = open_form(browser, functional_round)
    b.getControl(name="ambitions").value = "Iedereen doet mee."
    b.getControl(name=f"score_{MIDDELEN}").value = ["3"]
    b.getControl(name=f"explanation_{MIDDELEN}").value = "Begroting sluit aan op het beleid."
    b.getControl(name=f"score_{MIDDELEN + 1}").value = ["4"]
    # the second aspect keeps only the evidence, not the suggested projects
    b.getControl(name=f"projects_{MIDDELEN + 1}:list").value = []
    b.getControl(name="form.buttons.save").click()
    assert b.url == functional_round["self_assessment"].absolute_url()
    transaction.begin()
    self_assessment = functional_round["self_assessment"]
    rows = {(r["element"], r["aspect"]): r for r in self_assessment.scores}
    assert len(rows) == 36
    begroting = functional_round["evidence"]["begroting"].UID()
    first, second = rows[("middelen", "beleid")], rows[("middelen", "uitvoering")]
    assert (first["score"], first["explanation"], first["evidence"]) == (
        3,
        "Begroting sluit aan op het beleid.",
        [begroting],
    )
    assert len(first["projects"]) == 2
    assert (second["score"], second["evidence"], second["projects"]) == (4, [begroting], [])
    assert rows[("leiderschap", "beleid")]["score"] is None
    assert self_assessment.ambitions == "Iedereen doet mee."
    assert (self_assessment.percentage, self_assessment.band) == (87.5, "certified")
    # the view shows it back
    view = page(b)
    assert text(view.cssselect("#bq-percentage")[0]) == "87.5 %"
    assert text(view.cssselect("#bq-band")[0]) == "Gecertificeerd"
    row = view.cssselect("section[data-element=middelen] tr[data-aspect=beleid]")[0]
    assert "3 – Voldoet" in text(row) and "Begroting 2026" in text(row)
    # the form now shows what is stored, no longer the suggestions
    tree = page(open_form(browser, functional_round))
    assert picker(tree, "middelen", "uitvoering", "projects") == {
        "Leesclub Completed": False,
        "Taalcafé Do": False,
    }
    select = fieldset(tree, "middelen").cssselect(f"select[name=score_{MIDDELEN}]")[0]
    assert select.cssselect("option[selected]")[0].get("value") == "3"


def test_refused_form_shows_the_message_and_stores_nothing(browser, functional_round):
    b = open_form(browser, functional_round)
    token = b.getControl(name="_authenticator").value
    data = [("_authenticator", token), ("ambitions", "Niet bewaren"), ("form.buttons.save", "Save")]
    data += [(f"score_{MIDDELEN}", "7"), (f"explanation_{MIDDELEN}", "Te hoog")]
    b.post(
        f"{functional_round['self_assessment'].absolute_url()}/@@self-assessment-form",
        urlencode(data),
    )
    tree = page(b)
    error = text(tree.cssselect("#bq-form-error")[0])
    assert "Nothing was saved." in error
    assert "Middelen / Beleid en doelen: the score must be a number from 0 to 4" in error
    # what was typed is shown again
    assert tree.cssselect("#bq-ambitions")[0].text == "Niet bewaren"
    assert tree.cssselect(f"#bq-explanation-{MIDDELEN}")[0].text == "Te hoog"
    transaction.begin()
    assert functional_round["self_assessment"].scores == []
    assert not functional_round["self_assessment"].ambitions


def test_start_from_the_previous_round(browser, functional_round):
    tree = functional_round
    library = tree["library"]
    older = create(
        library,
        "Certification",
        "ronde-2023",
        title="Certificering 2023",
        certified_until=date(2023, 5, 31),
        framework="scob3",
    )
    old_self = create(
        older,
        "SelfAssessment",
        "zelfevaluatie",
        title="Zelfevaluatie 2023",
        ambitions="Lezen bevorderen.",
        bottlenecks="Te weinig vrijwilligers.",
    )
    old_self.scores = [
        {
            "element": "middelen",
            "aspect": "beleid",
            "score": 2,
            "explanation": "Begroting op orde.",
            "evidence": [tree["evidence"]["begroting"].UID()],
            "projects": [tree["projects"]["leesclub"].UID(), "verdwenen-uid"],
        },
        {"element": "middelen", "aspect": "meting", "score": 1, "explanation": "Nog niet."},
    ]
    transition(older, ["audit", "decide"])
    transaction.commit()
    b = browser("coordinator")
    b.open(tree["self_assessment"].absolute_url())
    assert page(b).cssselect("#bq-start-from-previous")
    b.getForm(action="start-from-previous").submit()
    assert b.url.endswith("/@@self-assessment-form")
    assert "Started from Zelfevaluatie 2023: 2 aspects" in b.contents
    transaction.begin()
    new = tree["self_assessment"]
    assert new.ambitions == "Lezen bevorderen."
    assert new.bottlenecks == "Te weinig vrijwilligers."
    assert new.scores == [
        {
            "element": "middelen",
            "aspect": "beleid",
            "score": None,
            "explanation": "Begroting op orde.",
            "evidence": [tree["evidence"]["begroting"].UID()],
            "projects": [tree["projects"]["leesclub"].UID()],
        },
        {
            "element": "middelen",
            "aspect": "meting",
            "score": None,
            "explanation": "Nog niet.",
            "evidence": [],
            "projects": [],
        },
    ]
    assert new.percentage is None
    # once it has content, the action is gone and refused
    b.open(tree["self_assessment"].absolute_url())
    assert not page(b).cssselect("#bq-start-from-previous")
    token = b.getControl(name="_authenticator", index=0).value
    b.post(
        f"{tree['self_assessment'].absolute_url()}/@@start-from-previous",
        urlencode({"_authenticator": token}),
    )
    assert "already has content" in b.contents


def test_no_previous_round_no_action(browser, functional_round):
    b = browser("coordinator")
    b.open(functional_round["self_assessment"].absolute_url())
    assert not page(b).cssselect("#bq-start-from-previous")


def test_add_and_edit_forms_leave_the_scores_to_the_scoring_page(browser, functional_round):
    b = browser()
    b.open(f"{functional_round['certification'].absolute_url()}/++add++SelfAssessment")
    assert "form.widgets.ambitions" in b.contents
    assert "form.widgets.scores" not in b.contents
    b.open(f"{functional_round['self_assessment'].absolute_url()}/edit")
    assert "form.widgets.bottlenecks" in b.contents
    assert "form.widgets.scores" not in b.contents


def test_staff_fill_in_a_draft_but_not_a_submitted_one(browser, functional_round):
    b = open_form(browser, functional_round, "medewerker")
    assert b.getControl(name=f"score_{MIDDELEN}")
    transition(functional_round["self_assessment"], ["submit"])
    transaction.commit()
    with pytest.raises(Unauthorized):
        open_form(browser, functional_round, "medewerker")


def test_saving_needs_the_form_token(browser, functional_round):
    b = browser("coordinator")
    url = f"{functional_round['self_assessment'].absolute_url()}/@@self-assessment-form"
    with pytest.raises(Forbidden):
        b.post(url, urlencode({"form.buttons.save": "Save", f"score_{MIDDELEN}": "3"}))
    transaction.begin()
    assert functional_round["self_assessment"].scores == []
