"""Coverage tells the truth (issue 12, item 7).

- Evidence covers a norm element only while it is released and valid: up to and
  including its ``valid_until`` day, never once archived.
- ``complete`` needs a result for every indicator and an evaluation; the refusal
  names what is missing (in the workflow tool, over REST and on the project page).
- One readiness answer per element (``reports.readiness``): the dashboard, the
  coverage page, ``@norm-coverage``, the quality dossier, ``@quality-dossier`` and
  the self-evaluation's suggestions show the same numbers for the same library.

The clock stands on 1 March 2027; the site has SCOB 3 active (the tests' default).
"""

from bibqual.reports.coverage import norm_coverage
from datetime import date
from datetime import timedelta
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from support import PASSWORD
from support.content import make_assurance
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.content import make_user
from support.content import transition
from support.reports import browser_for
from support.reports import text
from support.reports import tree
from support.round import make_round
from support.round import make_self_assessment
from support.workflows import review_state
from support.workflows import set_state
import pytest
import transaction


TODAY = date(2027, 3, 1)


@pytest.fixture
def today(monkeypatch):
    """bibqual's clock stands on ``TODAY``; ``today(day)`` moves it."""

    def move(day):
        monkeypatch.setattr("bibqual.clock.today", lambda: day)

    move(TODAY)
    return move


def coverage_of(library):
    """``{token: item}`` of ``@norm-coverage``'s answer (the report function)."""
    return {item["token"]: item for item in norm_coverage(library)["items"]}


# -- Evidence covers while it is released and valid -----------------------------------------


@pytest.fixture
def middelen(portal, today):
    """A library with a project in Do on ``middelen`` and evidence on it, released and
    valid until ``TODAY``."""
    library = make_library(portal)
    transition(
        make_project(make_plan(library, 2027), "begroting", norm_fields=["middelen"]), ["start"]
    )
    evidence = make_evidence(
        library, "begroting-2027", "Begroting 2027", norm_fields=["middelen"], valid_until=TODAY
    )
    transition(evidence, ["release"])
    return library, evidence


class TestValidity:
    def test_the_day_of_valid_until_still_covers(self, middelen):
        library, _evidence = middelen
        element = coverage_of(library)["middelen"]
        assert (element["released_evidence"], element["gap"]) == (1, False)

    def test_the_day_after_it_no_longer_covers(self, middelen, today):
        library, _evidence = middelen
        today(TODAY + timedelta(days=1))
        element = coverage_of(library)["middelen"]
        assert (element["released_evidence"], element["gap"]) == (0, True)
        assert element["gap_reasons"] == ["no-evidence"]
        assert element["projects_past_plan"] == 1

    @pytest.mark.parametrize("valid_until", [None, date(2030, 1, 1)])
    def test_archived_evidence_never_covers(self, middelen, valid_until):
        library, evidence = middelen
        evidence.valid_until = valid_until
        transition(evidence, ["archive"])
        element = coverage_of(library)["middelen"]
        assert (element["released_evidence"], element["gap"]) == (0, True)

    def test_released_evidence_without_an_end_covers(self, middelen):
        library, evidence = middelen
        evidence.valid_until = None
        evidence.reindexObject()
        assert coverage_of(library)["middelen"]["released_evidence"] == 1


# -- Complete needs results and an evaluation -----------------------------------------------


INDICATORS = [
    {"name": "Bezoekers", "target": 400, "actual": None, "unit": "personen"},
    {"name": "Voorleesuren", "target": 40, "actual": None, "unit": "uur"},
    {"name": "Nieuwe leden", "target": 20, "actual": 0, "unit": "leden"},
]
BOTH = (
    "The project cannot be completed yet: it needs a result for: Bezoekers, Voorleesuren; "
    "and an evaluation."
)
RESULTS = "The project cannot be completed yet: it needs a result for: Bezoekers, Voorleesuren."
EVALUATION = "The project cannot be completed yet: it needs an evaluation."


def project_in_act(plan, item_id="voorlezen", **fields):
    """A project in Act (as after start, evaluate and adjust) without results."""
    values = {"indicators": INDICATORS, "evaluation": ""}
    values.update(fields)
    project = make_project(plan, item_id, "Voorlezen in de wijk", **values)
    set_state(project, "act")
    return project


def with_results(indicators):
    return [
        {**row, "actual": row["actual"] if row["actual"] is not None else 7} for row in indicators
    ]


def complete_refused(project):
    """The reason ``complete`` is refused (fails when it is not); the project stays in Act."""
    with api.env.adopt_roles(["Manager"]), pytest.raises(WorkflowException) as refused:
        api.portal.get_tool("portal_workflow").doActionFor(project, "complete")
    assert review_state(project) == "act"
    return str(refused.value)


class TestCompleteGuard:
    @pytest.fixture
    def plan(self, portal):
        return make_plan(make_library(portal), 2027)

    def test_names_the_indicators_without_a_result_and_the_evaluation(self, plan):
        assert complete_refused(project_in_act(plan)) == BOTH

    def test_without_results(self, plan):
        project = project_in_act(plan, evaluation="Veel bezoekers, weinig uren.")
        assert complete_refused(project) == RESULTS

    @pytest.mark.parametrize("evaluation", [None, "", "  \n "])
    def test_without_evaluation(self, plan, evaluation):
        project = project_in_act(plan, indicators=with_results(INDICATORS), evaluation=evaluation)
        assert complete_refused(project) == EVALUATION

    def test_with_every_result_and_the_evaluation(self, plan):
        # a result of 0 is a result ("Nieuwe leden")
        project = project_in_act(
            plan, indicators=with_results(INDICATORS), evaluation="Doel grotendeels gehaald."
        )
        transition(project, ["complete"])
        assert review_state(project) == "done"


@pytest.fixture
def coordinated(functional_portal, today):
    """A library with ``coordinator`` (Reviewer) and a project in Act without results
    or evaluation, committed."""
    library = make_library(functional_portal)
    make_user("coordinator", [(library, ["Reviewer"])])
    project = project_in_act(make_plan(library, 2027))
    transaction.commit()
    return project


def test_rest_refuses_complete_with_the_reason(rest, coordinated):
    url = f"{coordinated.absolute_url()}/@workflow/complete"
    response = rest("coordinator", PASSWORD).post(url, json={"comment": "Klaar."})
    assert response.status_code == 400, response.text
    assert response.json()["error"]["message"] == BOTH
    transaction.begin()
    assert review_state(coordinated) == "act"


def test_project_page_shows_why_complete_is_refused(functional_app, coordinated):
    browser = browser_for(functional_app, "coordinator")
    browser.handleErrors = False
    browser.open(coordinated.absolute_url())
    browser.getControl("Complete").click()
    # the page is shown again with the refusal (and what was typed), nothing stored
    assert browser.url.startswith(coordinated.absolute_url())
    assert BOTH in text(tree(browser))
    transaction.begin()
    assert review_state(coordinated) == "act"


# -- One readiness answer on every screen ---------------------------------------------------

# token: (gap, released and valid evidence, projects past Plan), for the coordinator
EXPECTED = {
    "leiderschap": (False, 1, 1),  # valid evidence, project done
    "strategie": (True, 0, 1),  # its evidence expired yesterday
    "medewerkers": (False, 1, 1),  # evidence valid until today: still covers
    "processen": (True, 0, 1),  # archived evidence
    "middelen": (True, 1, 0),  # evidence kept in a cancelled project; that project
    "netwerk": (True, 1, 0),  # the project is still in Plan
    "dienstverlening": (False, 1, 1),  # project of a draft year plan in Do
    "collectie": (True, 0, 1),  # only a draft
    "gemeenten": (True, 0, 0),  # an assurance project only
}


def build_mixed_library(portal):
    """The library of ``EXPECTED``, with a KiB-only tagged project and evidence, and a
    round (SCOB 3) with a new self-evaluation; ``coordinator`` is its Reviewer."""
    library = make_library(portal, "bieb", title="Bibliotheek Zaanstreek")
    make_user("coordinator", [(library, ["Reviewer"])])
    adopted = transition(make_plan(library, 2026), ["adopt"])
    draft = make_plan(library, 2027)
    done = ("start", "evaluate", "adjust", "complete")
    for plan, item_id, title, token, steps in (
        (adopted, "traject", "Leiderschapstraject", "leiderschap", done),
        (adopted, "sessies", "Strategiesessies", "strategie", ("start",)),
        (adopted, "scholing", "Teamscholing", "medewerkers", ("start", "evaluate")),
        (adopted, "processen", "Procesverbetering", "processen", done[:3]),
        (adopted, "overleg", "Netwerkoverleg", "netwerk", ()),
        (draft, "voorleesweek", "Voorleesweek", "dienstverlening", ("start",)),
        (adopted, "collectie", "Collectievernieuwing", "collectie", done),
        (adopted, "kennismaking", "Kennismaking KiB", "mensen", ("start",)),
    ):
        transition(make_project(plan, item_id, title, norm_fields=[token]), steps)
    cancelled = transition(
        make_project(adopted, "begroting", "Begrotingsproject", norm_fields=["middelen"]),
        ["start"],
    )
    for container, item_id, title, token, valid_until, steps in (
        (library, "visie", "Visiedocument", "leiderschap", date(2027, 12, 31), ["release"]),
        (
            library,
            "strategie",
            "Strategisch plan",
            "strategie",
            TODAY - timedelta(days=1),
            ["release"],
        ),
        (library, "personeel", "Personeelsplan", "medewerkers", TODAY, ["release"]),
        (
            library,
            "proces",
            "Procesbeschrijving",
            "processen",
            date(2028, 1, 1),
            ["release", "archive"],
        ),
        (cancelled, "begroting", "Begroting", "middelen", None, ["release"]),
        (library, "convenant", "Convenant", "netwerk", None, ["release"]),
        (library, "onderzoek", "Klantonderzoek", "dienstverlening", None, ["release"]),
        (library, "concept", "Collectieplan concept", "collectie", None, []),
        (library, "agenda", "Samenwerkingsagenda", "samenwerking", None, ["release"]),
    ):
        evidence = make_evidence(
            container, item_id, title, norm_fields=[token], valid_until=valid_until
        )
        transition(evidence, steps)
    transition(cancelled, ["cancel"])
    make_assurance(library, "gemeenten", "Gemeentelijk overleg", norm_fields=["gemeenten"])
    make_self_assessment(make_round(library))
    return library


@pytest.fixture
def mixed(functional_portal, today):
    library = build_mixed_library(functional_portal)
    transaction.commit()
    return library


def page(functional_app, url):
    browser = browser_for(functional_app, "coordinator")
    browser.handleErrors = False
    browser.open(url)
    return tree(browser)


def table_numbers(page_tree, table_id):
    """``{token: (gap, evidence, projects past Plan)}`` of a coverage table."""
    rows = {}
    for row in page_tree.xpath(f"//table[@id='{table_id}']/tbody/tr"):
        cells = {td.get("data-key"): td for td in row.xpath("./td")}
        rows[row.get("data-token")] = (
            cells["gap"].get("data-gap") == "true",
            int(text(cells["released_evidence"])),
            int(text(cells["projects_past_plan"])),
        )
    return rows


def dossier_numbers(page_tree):
    rows = {}
    for section in page_tree.xpath("//section[@id='bq-by-element']/section[@data-token!='']"):
        (evidence,) = section.xpath(".//*[@data-key='released_evidence']")
        (projects,) = section.xpath(".//*[@data-key='projects_past_plan']")
        rows[section.get("data-token")] = (
            "bq-gap" in section.get("class").split(),
            int(text(evidence)),
            int(text(projects)),
        )
    return rows


def suggestion_numbers(page_tree):
    """Per element of the self-evaluation form (its first aspect): the evidence and
    projects suggested, and whether something is missing."""
    rows = {}
    for fieldset in page_tree.cssselect("fieldset[data-element]"):
        aspect = fieldset.cssselect("div[data-aspect]")[0]
        evidence = aspect.cssselect("fieldset[data-picker=evidence] input[type=checkbox]")
        projects = aspect.cssselect("fieldset[data-picker=projects] input[type=checkbox]")
        rows[fieldset.get("data-element")] = (
            not (evidence and projects),
            len(evidence),
            len(projects),
        )
    return rows


def json_numbers(elements):
    return {
        item["token"]: (item["gap"], item["released_evidence"], item["projects_past_plan"])
        for item in elements
    }


def test_every_screen_gives_the_same_numbers(functional_app, rest, mixed):
    base = mixed.absolute_url()
    session = rest("coordinator", PASSWORD)
    coverage = session.get(f"{base}/@norm-coverage").json()
    dossier = session.get(f"{base}/@quality-dossier").json()
    screens = {
        "dashboard": table_numbers(page(functional_app, base), "bq-dashboard-coverage"),
        "coverage page": table_numbers(
            page(functional_app, f"{base}/@@norm-coverage"), "bq-coverage-table"
        ),
        "@norm-coverage": json_numbers(coverage["items"]),
        "dossier page": dossier_numbers(page(functional_app, f"{base}/@@quality-dossier")),
        "@quality-dossier": json_numbers(dossier["elements"]),
        "self-evaluation": suggestion_numbers(
            page(functional_app, f"{base}/ronde-2027/zelfevaluatie/@@self-assessment-form")
        ),
    }
    for name, numbers in screens.items():
        assert numbers == EXPECTED, name
    gaps = [token for token, (gap, _e, _p) in EXPECTED.items() if gap]
    assert coverage["gaps"] == dossier["gaps"] == gaps


def test_summaries_agree(functional_app, mixed):
    base = mixed.absolute_url()
    dashboard = page(functional_app, base)
    assert text(dashboard.xpath("//section[@id='bq-coverage']//span[@class='bq-stat']")[0]) == "3/9"
    coverage = text(
        page(functional_app, f"{base}/@@norm-coverage").xpath("//p[@id='bq-coverage-summary']")[0]
    )
    assert "3 of 9 norm elements covered" in coverage and "6 gaps" in coverage
    dossier = page(functional_app, f"{base}/@@quality-dossier")
    summary = text(dossier.xpath("//p[contains(@class, 'bq-summary')]")[0])
    assert "3 of 9 norm elements covered" in summary and "6 gaps" in summary
    strategie = dossier.xpath("//section[@data-token='strategie']")[0]
    assert "Gap: no released, valid evidence" in text(strategie)
    middelen = dossier.xpath("//section[@data-token='middelen']")[0]
    assert "Gap: no project past Plan" in text(middelen)


def test_the_dossier_lists_tags_of_another_framework_under_it(functional_app, rest, mixed):
    base = mixed.absolute_url()
    dossier = page(functional_app, f"{base}/@@quality-dossier")
    assert not dossier.xpath("//section[@id='bq-element-none']")  # nothing "unassigned"
    (group,) = dossier.xpath("//section[@id='bq-other-frameworks']/section")
    assert group.get("data-framework") == "cbct-kib"
    assert text(group.xpath("./h3")[0]) == "CBCT Kwaliteit in Beeld"
    (element,) = group.xpath("./div[@data-token='samenwerking']")
    assert text(element.xpath("./h4")[0]).startswith("Samenwerking")
    assert [text(a) for a in element.xpath(".//tbody/tr/th/a")] == ["Samenwerkingsagenda"]
    data = rest("coordinator", PASSWORD).get(f"{base}/@quality-dossier").json()
    assert data["unassigned"] == []
    (other,) = data["other_frameworks"]
    assert other["token"] == "cbct-kib"
    assert [(e["token"], [i["title"] for i in e["items"]]) for e in other["elements"]] == [
        ("samenwerking", ["Samenwerkingsagenda"])
    ]
    assert other["elements"][0]["items"][0]["review_state_title"] == "Released"
    # the coverage page counts both KiB-tagged items (a project and the evidence) apart
    coverage = rest("coordinator", PASSWORD).get(f"{base}/@norm-coverage").json()
    (counted,) = coverage["other_frameworks"]
    assert [(e["token"], e["items"]) for e in counted["elements"]] == [
        ("mensen", 1),
        ("samenwerking", 1),
    ]
