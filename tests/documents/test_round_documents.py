"""The self-evaluation and the recovery plan as Word files (issue 13, item 2):
opened with python-docx and checked against what the round holds, and who may
download them (``@self-evaluation-docx``, ``@recovery-plan-docx``).

The library "Bibliotheek Westfriesland" with a coordinator (Reviewer), a staff
member (Editor) and an auditor with a grant running to 30 April 2027; the round
"Certificering 2027" (SCOB 3rd round, audit on 15 April 2027) with its
self-evaluation, and an audit report with findings. The clock stands on
1 March 2027.
"""

from bibqual.certification.framework import framework_of
from bibqual.certification.scoring import result
from bibqual.documents.recovery import recovery_plan_document
from bibqual.documents.selfevaluation import self_evaluation_document
from bibqual.documents.word import DOCX_TYPE
from bibqual.documents.word import to_bytes
from datetime import date
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from io import BytesIO
from plone import api
from plone.i18n.utility import setLanguageBinding
from support import PASSWORD
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.content import make_user
from support.content import transition
from support.reports import browser_for
from support.round import DONE
from support.round import make_auditor
from support.round import make_finding
from support.round import make_report
from support.round import make_round
from support.round import make_self_assessment
from support.round import tree_fixtures
import pytest
import transaction


# the scores of the first eight aspects (the first two elements): 24 of 32 = 75 %
SCORES = [4, 3, 3, 2, 3, 3, 2, 4]
SELF_EVALUATION_NAME = "zelfevaluatie-bibliotheek-westfriesland-2027.docx"
RECOVERY_NAME = "herstelplan-bibliotheek-westfriesland-2027-03-01.docx"
REFUSED = (401, 403)


def build(portal):
    """The library, its people, the round with a scored self-evaluation, a report
    with three open findings and one closed one."""
    library = make_library(portal, "bieb", title="Bibliotheek Westfriesland")
    make_user("coordinator", [(library, ["Reviewer"])])
    make_user("medewerker", [(library, ["Editor", "Contributor"])])
    make_auditor(library)
    make_auditor(make_library(portal, "ander", title="Andere bibliotheek"), "vreemde")
    plan = make_plan(library, 2026)
    taalcafe = transition(make_project(plan, "taalcafe", "Taalcafé"), ["start"])
    leesclub = transition(make_project(plan, "leesclub", "Leesclub"), DONE)
    verslag = make_evidence(leesclub, "verslag", "Verslag leesclub", valid_until=date(2027, 12, 31))
    transition(verslag, ["release"])
    begroting = make_evidence(
        library,
        "begroting",
        "Begroting 2026",
        norm_fields=["middelen"],
        valid_until=date(2027, 12, 31),
    )
    transition(begroting, ["release"])
    concept = make_evidence(library, "concept", "Concept personeelsplan", norm_fields=["middelen"])
    certification = make_round(library)
    self_assessment = make_self_assessment(
        certification,
        ambitions="Elke inwoner vindt de weg naar de bibliotheek.",
        bottlenecks="Te weinig vrijwilligers.",
    )
    framework = framework_of(certification)
    keys = [(e.token, a.token) for e in framework.elements for a in e.aspects]
    rows = [
        {
            "element": element,
            "aspect": aspect,
            "score": score,
            "explanation": f"Toelichting {element}/{aspect}",
            "evidence": [],
            "projects": [],
        }
        for (element, aspect), score in zip(keys, SCORES, strict=False)
    ]
    rows[0]["evidence"] = [begroting.UID(), concept.UID()]
    rows[0]["projects"] = [taalcafe.UID()]
    self_assessment.scores = rows
    self_assessment.reindexObject()
    report = make_report(
        certification,
        audit_date=date(2027, 4, 15),
        percentage=72.5,
        outcome="conditional",
    )
    findings = {
        "sterk": make_finding(report, "sterk", "Sterke netwerkpositie", "strength", None),
        "verbeter": make_finding(
            report, "verbeter", "Leesbevordering meten", "improvement", date(2027, 9, 1), [leesclub]
        ),
        "tekort": make_finding(
            report, "tekort", "Geen meerjarenbegroting", "shortcoming", date(2027, 2, 1), [taalcafe]
        ),
        "klaar": make_finding(
            report, "klaar", "Leesclub evalueren", "improvement", date(2027, 1, 15), [leesclub]
        ),
    }
    transition(findings["klaar"], ["close"])
    return {
        "library": library,
        "certification": certification,
        "self_assessment": self_assessment,
        "report": report,
        "framework": framework,
        "rows": rows,
        "findings": findings,
    }


tree, functional_tree = tree_fixtures(build)


def submit(self_assessment):
    with api.env.adopt_user(username="coordinator"):
        api.content.transition(obj=self_assessment, transition="submit")


def as_user(user, make, *args):
    """The document ``make(*args, request)`` as ``user`` would get it, reopened; the
    request bound to the site's language (Dutch) as Plone's traversal binds it."""
    request = api.env.getRequest()
    setLanguageBinding(request)
    with api.env.adopt_user(username=user):
        document = make(*args, request)
        return Document(BytesIO(to_bytes(document)))


def blocks(document):
    """Paragraphs and tables of the body, in order."""
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield Table(child, document)


def sections(document, style="Heading 2"):
    """``[(heading text, [paragraph texts], [table rows])]`` for each heading in
    ``style``: what stands under it up to the next heading of any level."""
    result = []
    for block in blocks(document):
        if isinstance(block, Paragraph) and block.style.name.startswith(("Heading", "Title")):
            if block.style.name == style:
                result.append((block.text, [], []))
            else:
                result.append((None, [], []))
        elif result and isinstance(block, Paragraph):
            result[-1][1].append(block.text)
        elif result:
            result[-1][2].extend(tuple(cell.text for cell in row.cells) for row in block.rows[1:])
    return [item for item in result if item[0] is not None]


def all_text(document):
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(texts)


# --- the self-evaluation ---------------------------------------------------------------


def test_every_scored_aspect_stands_under_its_element_heading(tree):
    document = as_user("coordinator", self_evaluation_document, tree["self_assessment"])
    framework = tree["framework"]
    found = sections(document)
    # one Heading 2 per norm element, in the framework's order
    assert [title for title, _, _ in found] == [element.title for element in framework.elements]
    tables = {title: rows for title, _, rows in found}
    for row in tree["rows"]:
        element = framework.element(row["element"])
        aspect = {a.token: a.title for a in element.aspects}[row["aspect"]]
        label = framework.scale.label(row["score"])
        cells = [cells for cells in tables[element.title] if cells[0] == aspect]
        assert cells, (element.title, aspect)
        assert cells[0][1] == f"{row['score']} – {label}"
        assert cells[0][2] == row["explanation"]
    # an aspect without a score is listed with an empty score
    last = framework.elements[-1]
    assert [cells[1] for cells in tables[last.title]] == [""] * len(last.aspects)


def test_the_head_texts_and_the_result_match_the_scoring(tree):
    document = as_user("coordinator", self_evaluation_document, tree["self_assessment"])
    text = all_text(document)
    assert "Elke inwoner vindt de weg naar de bibliotheek." in text
    assert "Te weinig vrijwilligers." in text
    assert "Normenkader: SCOB 3e ronde (2014-2017)" in text
    assert "Auditdatum: 15-04-2027" in text
    percentage, band = result(tree["rows"], tree["framework"])
    assert percentage == 75.0 and band.token == "conditional"
    assert "Percentage: 75,0 %" in text
    assert f"Uitkomstklasse: {band.title}" in text
    assert band.consequence in text


def test_the_percentage_has_a_dutch_comma(tree):
    self_assessment = tree["self_assessment"]
    rows = [dict(row) for row in tree["rows"]]
    rows[1]["score"] = 2  # 23 of 32 = 71.875 %: shown 71,8, band "reaudit"
    self_assessment.scores = rows
    document = as_user("coordinator", self_evaluation_document, self_assessment)
    percentage, band = result(rows, tree["framework"])
    assert (percentage, band.token) == (71.8, "reaudit")
    assert "Percentage: 71,8 %" in all_text(document)
    assert f"Uitkomstklasse: {band.title}" in all_text(document)


def test_the_title_and_headers_are_dutch(tree):
    document = as_user("coordinator", self_evaluation_document, tree["self_assessment"])
    title = next(p for p in document.paragraphs if p.style.name == "Title")
    assert title.text == "Zelfevaluatie — Bibliotheek Westfriesland"
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert header == ["Aspect", "Score", "Toelichting", "Bewijsstukken", "Projecten"]
    assert "Gevolg: " in all_text(document)


def test_linked_items_the_user_may_not_see_are_not_printed(tree):
    submit(tree["self_assessment"])
    element = tree["framework"].elements[0].title
    # the auditor sees released evidence only, and no project of a draft year plan
    for user, evidence, projects in (
        ("coordinator", "Begroting 2026\nConcept personeelsplan", "Taalcafé"),
        ("auditor", "Begroting 2026", ""),
    ):
        document = as_user(user, self_evaluation_document, tree["self_assessment"])
        first = dict((title, rows) for title, _, rows in sections(document))[element][0]
        assert (first[3], first[4]) == (evidence, projects), user
        if user == "auditor":
            assert "Concept personeelsplan" not in all_text(document)
            assert "Taalcafé" not in all_text(document)


# --- the recovery plan -------------------------------------------------------------------


def test_the_recovery_plan_lists_open_findings_with_their_actions(tree):
    for context in (tree["certification"], tree["report"]):
        document = as_user("coordinator", recovery_plan_document, context)
        found = sections(document)
        # open ones soonest due first (without a due date last), then the closed one
        assert [title for title, _, _ in found] == [
            "Geen meerjarenbegroting",
            "Leesbevordering meten",
            "Sterke netwerkpositie",
            "Leesclub evalueren (Afgesloten)",
        ]
        parts = {title: (texts, rows) for title, texts, rows in found}
        texts, rows = parts["Geen meerjarenbegroting"]
        assert "Soort: Tekortkoming" in texts
        assert "Normelement: Middelen" in texts
        assert "Termijn: 01-02-2027 (te laat)" in texts
        assert "Status: Open" in texts
        assert "Tekst van Geen meerjarenbegroting." in texts
        assert [row[0] for row in rows] == ["Taalcafé"]
        assert rows[0][2] == "deadline 30-11-2026 (te laat)"
        texts, rows = parts["Leesbevordering meten"]
        assert "Termijn: 01-09-2027" in texts
        assert [(row[0], row[3]) for row in rows] == [("Leesclub", "Verslag leesclub")]
        assert "Nog geen acties." in parts["Sterke netwerkpositie"][0]
        texts, rows = parts["Leesclub evalueren (Afgesloten)"]
        assert "Status: Afgesloten" in texts
        text = all_text(document)
        assert "Open bevindingen: 3" in text
        assert "over de termijn: 1" in text


def test_the_recovery_plan_shows_the_reports_outcome_and_percentage(tree):
    document = as_user("coordinator", recovery_plan_document, tree["certification"])
    text = all_text(document)
    assert "Uitkomst: Voorwaardelijk gecertificeerd (herstelplan)" in text
    assert "Percentage: 72,5 %" in text
    assert "per 01-03-2027" in text
    title = next(p for p in document.paragraphs if p.style.name == "Title")
    assert title.text == "Herstelplan — Bibliotheek Westfriesland"


def test_a_closed_strength_is_left_out_and_actions_show_their_pdca_phase(tree):
    """A closed strength never asked for work: it is not in the plan."""
    transition(tree["findings"]["sterk"], ["close"])
    document = as_user("coordinator", recovery_plan_document, tree["report"])
    titles = [title for title, _, _ in sections(document)]
    assert "Sterke netwerkpositie" not in " ".join(titles)
    rows = dict((title, rows) for title, _, rows in sections(document))["Geen meerjarenbegroting"]
    assert rows[0][1] == "Do"


# --- who may download --------------------------------------------------------------------


def get(rest, user, url):
    session = rest(user, PASSWORD) if user else rest()
    return session.get(url)


def assert_docx(response, filename):
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == DOCX_TYPE
    assert response.headers["Content-Disposition"] == f'attachment; filename="{filename}"'
    return Document(BytesIO(response.content))


@pytest.mark.parametrize("user", ["coordinator", "medewerker", "auditor"])
def test_a_submitted_self_evaluation_is_for_the_library_and_its_auditor(
    rest, functional_tree, user
):
    submit(functional_tree["self_assessment"])
    transaction.commit()
    for context in ("self_assessment", "certification"):
        url = functional_tree[context].absolute_url() + "/@self-evaluation-docx"
        document = assert_docx(get(rest, user, url), SELF_EVALUATION_NAME)
        assert "Te weinig vrijwilligers." in all_text(document)


@pytest.mark.parametrize("user", [None, "vreemde"])
def test_a_self_evaluation_is_refused_to_others(rest, functional_tree, user):
    submit(functional_tree["self_assessment"])
    transaction.commit()
    for context in ("self_assessment", "certification"):
        url = functional_tree[context].absolute_url() + "/@self-evaluation-docx"
        response = get(rest, user, url)
        assert response.status_code in ((401,) if user is None else REFUSED)
        assert "Te weinig vrijwilligers" not in response.text


def test_a_draft_self_evaluation_is_not_for_the_auditor(rest, functional_tree):
    tree = functional_tree
    url = tree["self_assessment"].absolute_url() + "/@self-evaluation-docx"
    assert get(rest, "auditor", url).status_code in REFUSED
    response = get(rest, "auditor", tree["certification"].absolute_url() + "/@self-evaluation-docx")
    assert response.status_code == 403
    assert response.json()["error"]["type"] == "Forbidden"
    # the staff read their draft
    assert_docx(get(rest, "medewerker", url), SELF_EVALUATION_NAME)


def test_a_round_without_self_evaluation_answers_404(rest, functional_tree):
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(functional_tree["self_assessment"])
    transaction.commit()
    url = functional_tree["certification"].absolute_url() + "/@self-evaluation-docx"
    response = get(rest, "coordinator", url)
    assert response.status_code == 404
    assert response.json()["error"]["type"] == "NotFound"


@pytest.mark.parametrize("user", ["coordinator", "medewerker", "auditor"])
def test_the_recovery_plan_is_for_the_library_and_its_auditor(rest, functional_tree, user):
    for context in ("certification", "report"):
        url = functional_tree[context].absolute_url() + "/@recovery-plan-docx"
        document = assert_docx(get(rest, user, url), RECOVERY_NAME)
        assert "Tekst van Geen meerjarenbegroting." in all_text(document)


@pytest.mark.parametrize("user", [None, "vreemde"])
def test_the_recovery_plan_is_refused_to_others(rest, functional_tree, user):
    for context in ("certification", "report"):
        url = functional_tree[context].absolute_url() + "/@recovery-plan-docx"
        response = get(rest, user, url)
        assert response.status_code in ((401,) if user is None else REFUSED)
        assert "meerjarenbegroting" not in response.text


def test_the_pages_offer_the_word_files(functional_app, functional_tree):
    api.portal.set_registry_record("plone.available_languages", ["en", "nl"])
    api.portal.set_registry_record("plone.use_request_negotiation", True)
    transaction.commit()
    browser = browser_for(functional_app, "coordinator")
    browser.handleErrors = False
    browser.addHeader("Accept-Language", "nl")
    browser.open(functional_tree["self_assessment"].absolute_url())
    link = browser.getLink(id="bq-self-evaluation-docx")
    assert link.text == "Download als Word"
    link.click()
    assert browser.headers["Content-Type"] == DOCX_TYPE
    browser.open(functional_tree["report"].absolute_url() + "/@@recovery-plan")
    link = browser.getLink(id="bq-recovery-plan-docx")
    assert link.text == "Download als Word"
    link.click()
    assert SELF_EVALUATION_NAME not in browser.headers["Content-Disposition"]
    assert RECOVERY_NAME in browser.headers["Content-Disposition"]
