"""The annual report in Word (``GET {library}/@annual-report?year=Y``, issue 13 item 1).

The .docx is opened with python-docx and read as a reader would: the headings
(Word's own heading styles), the project under its spearhead, the indicator table.
What it should hold is asked of the catalog as the same user, so a project the
user may not see (a blocked one, a cancelled one for the auditor, another
library's) is never in it. The library's own template gives the house style.
"""

from bibqual.audit.grants import grant
from bibqual.content.library import ILibrary
from bibqual.documents.annual import annual_report
from bibqual.documents.word import to_bytes
from bibqual.errors import BibqualError
from bibqual.planning.plans import project_brains
from bibqual.validation import ClearValidationError
from DateTime import DateTime
from datetime import date
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from io import BytesIO
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.namedfile.file import NamedBlobFile
from plone.testing.zope import Browser
from support import PASSWORD
from support.content import make_assurance
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.content import make_user
from support.content import transition
from support.field_errors import form_field_error
from zope.globalrequest import getRequest
import base64
import pytest
import transaction


TODAY = date(2026, 6, 15)
SPEARHEADS = ["Taal en lezen", "Digitale inclusie", "Erfgoed"]
DONE = ("start", "evaluate", "adjust", "complete")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FILENAME = 'attachment; filename="jaarverslag-bibliotheek-noorderkwartier-2026.docx"'
BAD_TEMPLATE = "The Word template must be a Word document (.docx)"


@pytest.fixture(autouse=True)
def frozen(monkeypatch):
    """bibqual's clock stands on 15 June 2026 (grants, cycles, the dashboard)."""
    monkeypatch.setattr("bibqual.clock.today", lambda: TODAY)


def released_on(evidence, day):
    """Release ``evidence`` and date its ``release`` step on ``day``."""
    transition(evidence, ["release"])
    steps = list(evidence.workflow_history["bibqual_evidence_workflow"])
    steps[-1] = {**steps[-1], "time": DateTime(f"{day.isoformat()} 10:00:00 GMT+1")}
    evidence.workflow_history["bibqual_evidence_workflow"] = tuple(steps)
    return evidence


def build(portal, adopt=True):
    """The library "Bibliotheek Noorderkwartier" with its 2026 plan and what surrounds it."""
    library = make_library(portal, "bieb", title="Bibliotheek Noorderkwartier")
    make_user("medewerker", [(library, ["Editor", "Contributor"])], fullname="Mees Medewerker")
    make_user("coordinator", [(library, ["Reviewer"])], fullname="Cora Coördinator")
    make_user("auditor", fullname="Extern Auditor")
    make_user("buitenstaander")
    plan = make_plan(library, 2026, spearheads=SPEARHEADS)
    voorlezen = make_project(
        plan, "voorlezen", "Voorlezen op de peuterspeelzaal", spearhead="Taal en lezen",
        specific="Elke peuterspeelzaal krijgt wekelijks een voorleesuur.",
        indicators=[
            {"name": "Voorleesuren", "target": 40, "actual": 30, "unit": "uur"},
            {"name": "Bereikte peuters", "target": 200, "actual": None, "unit": "kinderen"},
        ],
        core_functions=["lezen-en-literatuur"], partners=["Kinderopvang Kits"],
        target_groups=["peuters", "ouders"], responsible="coordinator",
        improvements="Ook op zaterdag voorlezen.", deadline=date(2026, 11, 30),
    )  # fmt: skip
    transition(voorlezen, ["start"])
    digicafe = make_project(
        plan, "digicafe", "Digicafé", spearhead="Digitale inclusie",
        core_functions=["kennis-en-informatie"],
    )  # fmt: skip
    transition(digicafe, DONE)
    make_project(plan, "leesclub", "Leesclub zonder speerpunt", spearhead=None)
    transition(
        make_project(plan, "gestopt", "Gestopt project", spearhead="Taal en lezen"), ["cancel"]
    )
    hidden = make_project(plan, "geheim", "Geheim project", spearhead="Digitale inclusie")
    hidden.__ac_local_roles_block__ = True
    hidden.reindexObjectSecurity()
    make_project(make_plan(library, 2025), "vorig-jaar", "Project van vorig jaar")
    other = make_library(portal, "andere", title="Andere bibliotheek")
    make_project(make_plan(other, 2026, spearheads=SPEARHEADS), "elders", "Project elders",
                 spearhead="Taal en lezen")  # fmt: skip
    borging = make_assurance(library, "collectieplan", "Collectieplan", evaluation="Op orde.")
    transition(borging, ["start", "evaluate", "adjust", "new_cycle"])  # completed on TODAY
    released_on(make_evidence(library, "begroting", "Begroting 2026", document_type="beleidsplan",
                              valid_until=date(2027, 12, 31)), date(2026, 3, 15))  # fmt: skip
    released_on(make_evidence(library, "oud", "Verslag 2025"), date(2025, 12, 1))
    make_evidence(library, "concept", "Concept jaarplan")
    if adopt:
        transition(plan, ["adopt"])
    with api.env.adopt_roles(["Manager"]):
        grant(library, "auditor", date(2026, 12, 31))
    return library


def blocks(data):
    """The document's body in order: ``("heading", level, text)``, ``("text", text)``
    and ``("table", rows)``."""
    document = Document(BytesIO(data))
    result = []
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            result.append(("table", [[cell.text for cell in row.cells] for row in item.rows]))
        elif item.style.name == "Title":
            result.append(("heading", 0, item.text))
        elif item.style.name.startswith("Heading "):
            result.append(("heading", int(item.style.name.split()[-1]), item.text))
        else:
            result.append(("text", item.text))
    return result


def projects_in(parts):
    """``{project heading: (its Heading 1, the rows of its indicator table)}``."""
    found, section, current = {}, None, None
    for part in parts:
        if part[0] == "heading" and part[1] == 1:
            section, current = part[2], None
        elif part[0] == "heading" and part[1] == 2:
            current = part[2]
            found[current] = (section, None)
        elif part[0] == "table" and current and found[current][1] is None:
            found[current] = (section, part[1])
    return found


def report_as(library, user, year=2026):
    with api.env.adopt_user(username=user):
        return to_bytes(annual_report(library, year, getRequest()))


def expected(library, user):
    """``{title: (spearhead or None, indicators)}`` of the 2026 projects ``user`` finds."""
    with api.env.adopt_user(username=user):
        return {
            brain.Title: (brain.spearhead or None, brain.indicators)
            for brain in project_brains(library["jaarplan-2026"])
        }


class TestContent:
    @pytest.fixture
    def library(self, portal):
        return build(portal)

    @pytest.mark.parametrize("user", ["medewerker", "coordinator", "auditor"])
    def test_every_visible_project_under_its_spearhead(self, library, user):
        parts = blocks(report_as(library, user))
        shown = projects_in(parts)
        wanted = expected(library, user)
        assert set(shown) == set(wanted)
        first_h1 = [part[2] for part in parts if part[:2] == ("heading", 1)]
        assert first_h1[: len(SPEARHEADS)] == SPEARHEADS  # the plan's order, empty ones too
        for title, (spearhead, indicators) in wanted.items():
            section, rows = shown[title]
            if spearhead is None:  # "Overige projecten", after the spearheads
                assert first_h1.index(section) == len(SPEARHEADS)
            else:
                assert section == spearhead
            assert [row[:4] for row in rows[1:]] == [
                [i["name"], f"{i['target']:g}", "" if i["actual"] is None else f"{i['actual']:g}",
                 i["unit"]]
                for i in indicators
            ]  # fmt: skip

    def test_what_the_user_may_not_see_is_absent(self, library):
        staff = " ".join(str(part[-1]) for part in blocks(report_as(library, "medewerker")))
        auditor = " ".join(str(part[-1]) for part in blocks(report_as(library, "auditor")))
        for title in ("Geheim project", "Project elders", "Project van vorig jaar"):
            assert title not in staff and title not in auditor
        assert "Gestopt project" in staff and "Gestopt project" not in auditor
        assert "Concept jaarplan" not in staff  # a draft was never released
        with api.env.adopt_roles(["Manager"]):  # the blocked project exists
            assert "Geheim project" in projects_in(
                blocks(to_bytes(annual_report(library, 2026, getRequest())))
            )

    def test_numbers_people_and_dates(self, library):
        parts = blocks(report_as(library, "medewerker"))
        _section, rows = projects_in(parts)["Voorlezen op de peuterspeelzaal"]
        assert rows[1] == ["Voorleesuren", "40", "30", "uur", "75,0 %"]
        assert rows[2] == ["Bereikte peuters", "200", "", "kinderen", ""]
        texts = [part[1] for part in parts if part[0] == "text"]
        assert any(text.endswith(": Cora Coördinator") for text in texts)
        assert any(text.endswith(": 30-11-2026") for text in texts)
        assert any(text.endswith(": Kinderopvang Kits") for text in texts)
        assert any(text.endswith(": Ook op zaterdag voorlezen.") for text in texts)
        tables = [part[1] for part in parts if part[0] == "table"]
        assert ["Collectieplan", "1", "15-06-2026"] in tables[-2]  # the cycle completed today
        (evidence,) = tables[-1][1:]  # released in 2026; not the 2025 one, not the draft
        assert evidence[0] == "Begroting 2026"
        assert evidence[2:] == ["15-03-2026", "31-12-2027"]

    def test_headings_use_words_heading_styles(self, library):
        document = Document(BytesIO(report_as(library, "medewerker")))
        styles = {p.style.name for p in document.paragraphs if p.style.name != "Normal"}
        assert {"Title", "Heading 1", "Heading 2", "Heading 3"} <= styles
        assert document.paragraphs[0].style.name == "Title"

    @pytest.mark.parametrize("year", [None, "", "twee", 1999, 2101, "2026.5"])
    def test_bad_year_is_400(self, library, year):
        with pytest.raises(BibqualError) as refused:
            report_as(library, "medewerker", year)
        assert refused.value.status == 400

    def test_year_without_plan_is_404(self, library):
        with pytest.raises(BibqualError) as refused:
            report_as(library, "medewerker", 2030)
        assert refused.value.status == 404


def template(header=None, font=None, without_headings=False):
    """A library's own template (.docx) with a header text or a Normal font."""
    document = Document()
    if font:
        document.styles["Normal"].font.name = font
        document.styles["Normal"].font.size = Pt(13)
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if without_headings:  # as Word saves a template in which no heading was used
        for style in list(document.styles.element):
            if (style.get(qn("w:styleId")) or "").startswith(("Heading", "Title")):
                document.styles.element.remove(style)
    document.add_paragraph("Tekst van de sjabloon die niet in het verslag komt.")
    return to_bytes(document)


class TestTemplate:
    @pytest.fixture
    def library(self, portal):
        return build(portal)

    def test_the_librarys_template_gives_the_house_style(self, library):
        shipped = Document(BytesIO(report_as(library, "medewerker")))
        assert shipped.styles["Normal"].font.name != "Comic Sans MS"
        library.word_template = NamedBlobFile(
            template("Huisstijl Noorderkwartier", "Comic Sans MS"), filename="huisstijl.docx"
        )
        document = Document(BytesIO(report_as(library, "medewerker")))
        assert document.styles["Normal"].font.name == "Comic Sans MS"
        assert document.sections[0].header.paragraphs[0].text == "Huisstijl Noorderkwartier"
        assert "niet in het verslag" not in " ".join(p.text for p in document.paragraphs)

    def test_a_template_without_heading_styles_still_gets_headings(self, library):
        library.word_template = NamedBlobFile(template(without_headings=True), filename="t.docx")
        parts = blocks(report_as(library, "medewerker"))
        assert parts[0][:2] == ("heading", 0)
        assert [part[2] for part in parts if part[:2] == ("heading", 1)][:3] == SPEARHEADS

    @pytest.mark.parametrize("data", [b"%PDF-1.4 geen Word", b"PK\x03\x04 kapot", b""])
    def test_the_field_refuses_what_is_not_a_docx(self, library, data):
        field = ILibrary["word_template"].bind(library)
        with pytest.raises(ClearValidationError) as refused:
            field.validate(NamedBlobFile(data, filename="huisstijl.docx"))
        assert refused.value.doc().startswith(BAD_TEMPLATE)
        field.validate(NamedBlobFile(template(), filename="huisstijl.docx"))


def dashboard_links(library, user):
    with api.env.adopt_user(username=user):
        page = library.restrictedTraverse("@@dashboard")()
    return page


class TestDashboard:
    def test_buttons_for_the_current_plan_and_each_plan(self, portal):
        library = build(portal)
        page = dashboard_links(library, "medewerker")
        assert 'id="bq-annual-report-link"' in page
        assert f"{library.absolute_url()}/@annual-report?year=2026" in page
        assert f"{library.absolute_url()}/@annual-report?year=2025" in page


@pytest.fixture
def site(functional_portal):
    library = build(functional_portal)
    transaction.commit()
    return library


def get(rest, user, library, query="?year=2026"):
    session = rest(user, PASSWORD) if user else rest()
    return session.get(f"{library.absolute_url()}/@annual-report{query}", headers={"Accept": "*/*"})


class TestDownload:
    @pytest.mark.parametrize("user", ["medewerker", "coordinator", "auditor"])
    def test_who_may_view_the_library_downloads_it(self, rest, site, user):
        response = get(rest, user, site)
        assert response.status_code == 200, response.text
        assert response.headers["Content-Type"] == DOCX
        assert response.headers["Content-Disposition"] == FILENAME
        assert "Voorlezen op de peuterspeelzaal" in projects_in(blocks(response.content))

    @pytest.mark.parametrize("user", ["buitenstaander", None])
    def test_others_get_nothing(self, rest, site, user):
        """A REST client is refused (401); a browser is sent to the login form."""
        session = rest(user, PASSWORD) if user else rest()
        url = f"{site.absolute_url()}/@annual-report?year=2026"
        response = session.get(url, headers={"Accept": "application/json"})
        assert response.status_code == 401
        assert response.json()["type"] == "Unauthorized"
        response = session.get(url, headers={"Accept": "*/*"}, allow_redirects=False)
        assert response.status_code == 302
        assert "/require_login?" in response.headers["Location"]
        assert response.headers["Content-Type"] != DOCX

    def test_the_grant_ends_by_itself(self, rest, site, monkeypatch):
        assert get(rest, "auditor", site).status_code == 200
        monkeypatch.setattr("bibqual.clock.today", lambda: date(2027, 1, 1))
        response = rest("auditor", PASSWORD).get(f"{site.absolute_url()}/@annual-report?year=2026")
        assert response.status_code == 401

    def test_without_year_the_latest_plan(self, rest, site):
        response = get(rest, "medewerker", site, "")
        assert response.headers["Content-Disposition"] == FILENAME

    @pytest.mark.parametrize("query,status", [("?year=abc", 400), ("?year=2030", 404)])
    def test_bad_year_as_json(self, rest, site, query, status):
        response = rest("medewerker", PASSWORD).get(f"{site.absolute_url()}/@annual-report{query}")
        assert response.status_code == status
        assert response.json()["error"]["message"]

    def test_dutch_on_a_dutch_site(self, rest, site):
        """Partly needs the new msgids in the Dutch catalogue (listed in the report)."""
        api.portal.set_registry_record("plone.available_languages", ["nl"])
        api.portal.set_registry_record("plone.default_language", "nl")
        transaction.commit()
        parts = blocks(get(rest, "medewerker", site).content)
        texts = [part[1] for part in parts if part[0] == "text"]
        tables = [part[1] for part in parts if part[0] == "table"]
        # msgids the catalogue has
        assert "Status: Do" in texts and "Verantwoordelijke: Cora Coördinator" in texts
        assert tables[0][0] == [
            "Indicator",
            "Streefwaarde",
            "Gerealiseerd",
            "Eenheid",
            "Percentage",
        ]
        assert ["Kennis en informatie", "0", "0", "0", "0", "1", "0", "1"] in tables[-4]
        assert tables[-1][1][1] == "Beleidsplan"
        # new msgids
        assert parts[0] == ("heading", 0, "Jaarverslag 2026 — Bibliotheek Noorderkwartier")
        headings = [part[2] for part in parts if part[:2] == ("heading", 1)]
        assert headings[len(SPEARHEADS) :] == [
            "Overige projecten",
            "Projecten per kernfunctie",
            "Normelementen",
            "Borgingscycli afgerond in 2026",
            "Bewijsstukken vrijgegeven in 2026",
        ]

    def test_patch_refuses_a_template_that_is_not_a_docx(self, rest, site):
        def patch(data):
            body = {"data": base64.b64encode(data).decode(), "encoding": "base64",
                    "filename": "huisstijl.docx", "content-type": DOCX}  # fmt: skip
            return rest("coordinator", PASSWORD).patch(
                site.absolute_url(), json={"word_template": body}
            )

        response = patch(b"%PDF-1.4 geen Word")
        assert response.status_code == 400
        assert BAD_TEMPLATE in response.json()["message"]
        transaction.begin()
        assert site.word_template is None
        assert patch(template(header="Huisstijl")).status_code == 204
        transaction.begin()
        assert site.word_template.filename == "huisstijl.docx"
        document = Document(BytesIO(get(rest, "medewerker", site).content))
        assert document.sections[0].header.paragraphs[0].text == "Huisstijl"


def test_the_edit_form_refuses_a_template_that_is_not_a_docx(site, functional_app):
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(site.absolute_url() + "/edit")
    control = browser.getControl(name="form.widgets.word_template")
    control.add_file(BytesIO(b"%PDF-1.4 geen Word"), "application/pdf", "huisstijl.docx")
    browser.getControl(name="form.buttons.save").click()
    assert form_field_error(browser.contents, "form-widgets-word_template").startswith(BAD_TEMPLATE)
    transaction.begin()
    assert site.word_template is None
    # the form keeps the refused upload ("no change") until the user replaces it
    browser.getControl(name="form.widgets.word_template.action").value = ["replace"]
    browser.getControl(name="form.widgets.word_template").add_file(
        BytesIO(template(header="Huisstijl")), DOCX, "huisstijl.docx"
    )
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    assert site.word_template.filename == "huisstijl.docx"
