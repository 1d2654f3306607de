"""The audit dossier ``GET {library}/@audit-dossier`` over real HTTP, opened with zipfile.

The library (SCOB 3rd round active, the clock on 1 March 2027) holds released,
valid evidence as files and links, in several elements, without a tag and
inside a project; and a draft, an archived and an expired item that must never
appear. The ZIP is compared with the catalog and with the stored files. Its words
are Dutch (the certifier's language), also on this English test site.
"""

from bibqual.documents.dossier_zip import dossier_members
from bibqual.documents.dossier_zip import safe_name
from bibqual.ids import EVIDENCE
from bibqual.reports.expiry import covers
from bibqual.reports.readiness import norm_readiness
from datetime import date
from docx import Document
from io import BytesIO
from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.uuid.interfaces import IUUID
from support import PASSWORD
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.content import make_user
from support.content import transition
from support.reports import browser_for
from support.reports import text
from support.reports import tree
from support.round import TODAY
from support.round import frozen_today  # noqa: F401 (fixture)
from support.round import make_auditor
from support.round import make_round
from support.round import make_self_assessment
import csv
import hashlib
import io
import os
import pytest
import transaction
import zipfile


VALID = date(2027, 12, 31)
SECRET = ("Concept personeelsplan", "Oud convenant", "Oude begroting")
MIDDELEN = "middelen Middelen"
NOT_TAGGED = "Zonder normelement"


def _file(name, data, content_type="application/pdf"):
    return NamedBlobFile(data, filename=name, contentType=content_type)


def _evidence(container, item_id, title, state="released", **fields):
    item = make_evidence(container, item_id, title, **fields)
    steps = {"draft": [], "released": ["release"], "archived": ["release", "archive"]}
    return transition(item, steps[state])


def _items(payload):
    """``(in the project?, id, title, state, fields)`` of the evidence of ``build``."""
    text = ("jaarverslag ë:2026?.txt", "Financiële verantwoording".encode() * 50, "text/plain")
    return [
        (False, "begroting", "Begroting 2026", "released", {
            "file": _file("begroting.pdf", payload), "valid_until": VALID,
            "norm_fields": ["leiderschap", "middelen"]}),
        (False, "notulen-1", "Notulen maart", "released", {
            "file": _file("notulen.pdf", b"%PDF maart"), "norm_fields": ["middelen"]}),
        (False, "notulen-2", "Notulen april", "released", {
            "file": _file("Notulen.PDF", b"%PDF april"), "norm_fields": ["middelen"]}),
        (False, "jaarverslag", "Jaarverslag 2026", "released", {
            "file": _file(*text), "valid_until": VALID, "norm_fields": ["middelen"],
            "document_type": "jaarverslag"}),
        (False, "beleidsplan", "Meerjarenbeleidsplan 2025-2028", "released", {
            "remote_url": "https://docs.example.org/beleid?jaar=2025",
            "norm_fields": ["strategie"], "document_type": "beleidsplan"}),
        (False, "los", "Losse notitie", "released", {"file": _file("los.pdf", b"%PDF los")}),
        (False, "kib", "Personeelsbeleid", "released", {
            "file": _file("mensen.pdf", b"%PDF mensen"), "norm_fields": ["mensen"]}),
        (True, "verslag", "Verslag taalcafé", "released", {
            "file": _file("verslag.pdf", b"%PDF taal"), "norm_fields": ["netwerk"]}),
        (False, "concept", SECRET[0], "draft", {
            "file": _file("geheim-concept.pdf", b"%PDF c"), "norm_fields": ["middelen"]}),
        (False, "convenant", SECRET[1], "archived", {
            "remote_url": "https://docs.example.org/convenant", "norm_fields": ["gemeenten"]}),
        (False, "oud", SECRET[2], "released", {
            "file": _file("oude-begroting.pdf", b"%PDF oud"), "norm_fields": ["middelen"],
            "valid_until": date(2026, 12, 31)}),
    ]  # fmt: skip


def build(portal):
    """The library ``bieb`` with its evidence (``_items``) and users (not committed);
    the auditor's grant is made by the ``library`` fixture."""
    library = make_library(portal, "bieb", title="Bibliotheek Westfriesland")
    make_user("medewerker", [(library, ["Editor", "Contributor"])])
    make_user("coordinator", [(library, ["Reviewer"])])
    make_user("buitenstaander")
    project = make_project(make_plan(library, 2026), "taalcafe", norm_fields=["netwerk"])
    for in_project, item_id, title, state, fields in _items(os.urandom(200_000)):
        fields = {"document_type": "overig", **fields}
        _evidence(project if in_project else library, item_id, title, state, **fields)
    return library


@pytest.fixture
def library(functional_portal, frozen_today):  # noqa: F811
    library = build(functional_portal)
    make_auditor(library)
    transaction.commit()
    return library


def download(session, library):
    """``(response, zipfile)`` of the dossier as ``session`` gets it."""
    response = session.get(f"{library.absolute_url()}/@audit-dossier", stream=True)
    body = response.raw.read() if response.status_code == 200 else response.content
    archive = zipfile.ZipFile(BytesIO(body)) if response.status_code == 200 else None
    return response, archive


def manifest(archive):
    text = archive.read("manifest.csv").decode("utf-8")
    assert text.startswith("\ufeff"), "Excel needs the BOM to read UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def index_text(archive):
    document = Document(BytesIO(archive.read("index.docx")))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    cells = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    return paragraphs, cells


def files(archive):
    return [name for name in archive.namelist() if name not in ("manifest.csv", "index.docx")]


def valid_evidence(library, user):
    """Brains of the released, valid evidence of ``library`` that ``user`` finds."""
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_user(username=user):
        brains = catalog(portal_type=EVIDENCE, library_uid=IUUID(library))
    return [brain for brain in brains if covers(brain, TODAY)]


def test_the_zip_holds_each_valid_item_once_with_its_checksum(rest, library):
    response, archive = download(rest("coordinator", PASSWORD), library)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/zip"
    assert (
        "auditdossier-bibliotheek-westfriesland-2027-03-01.zip"
        in (response.headers["Content-Disposition"])
    )
    # streamed: no length known in advance, sent in chunks, complete on arrival
    assert "Content-Length" not in response.headers
    assert response.headers.get("Transfer-Encoding") == "chunked"
    assert archive.testzip() is None
    names = files(archive)
    assert len(names) == len(valid_evidence(library, "coordinator")) == 8
    rows = manifest(archive)
    assert [row["path"] for row in rows] == names
    assert list(rows[0]) == ["path", "title", "type", "valid until", "sha256"]
    stored = {
        brain.Title: brain.getObject().file.data
        for brain in valid_evidence(library, "coordinator")
        if brain.getObject().file
    }
    for row in rows:
        member = archive.read(row["path"])
        assert row["sha256"] == hashlib.sha256(member).hexdigest()
        if row["title"] in stored:
            assert member == stored[row["title"]]
    assert {row["title"] for row in rows if row["title"] in stored} == set(stored)


def test_folders_per_element_with_safe_unique_names(rest, library):
    _response, archive = download(rest("medewerker", PASSWORD), library)
    rows = {row["title"]: row for row in manifest(archive)}
    # the first element of the item's tags; one folder per element, named "<token> <title>"
    assert rows["Begroting 2026"]["path"] == "leiderschap Leiderschap/begroting.pdf"
    # by title: April comes first; the same name in another case is made unique
    assert rows["Notulen april"]["path"] == f"{MIDDELEN}/Notulen.PDF"
    assert rows["Notulen maart"]["path"] == f"{MIDDELEN}/notulen (2).pdf"
    assert rows["Jaarverslag 2026"]["path"] == f"{MIDDELEN}/jaarverslag ë_2026_.txt"
    assert rows["Verslag taalcafé"]["path"].endswith("/verslag.pdf")
    assert rows["Verslag taalcafé"]["path"].startswith("netwerk ")
    assert rows["Losse notitie"]["path"] == f"{NOT_TAGGED}/los.pdf"
    assert rows["Personeelsbeleid"]["path"] == f"{NOT_TAGGED}/mensen.pdf"
    # Dutch type titles and dates in the manifest
    assert rows["Meerjarenbeleidsplan 2025-2028"]["type"] == "Beleidsplan"
    assert rows["Begroting 2026"]["valid until"] == "2027-12-31"
    # text is deflated, a PDF is stored as it is
    info = {item.filename: item for item in archive.infolist()}
    assert info[rows["Jaarverslag 2026"]["path"]].compress_type == zipfile.ZIP_DEFLATED
    assert info[rows["Begroting 2026"]["path"]].compress_type == zipfile.ZIP_STORED


def test_a_link_becomes_an_internet_shortcut(rest, library):
    _response, archive = download(rest("coordinator", PASSWORD), library)
    name = "strategie Strategie/Meerjarenbeleidsplan 2025-2028.url"
    assert archive.read(name) == (
        b"[InternetShortcut]\r\nURL=https://docs.example.org/beleid?jaar=2025\r\n"
    )


def test_drafts_archived_and_expired_items_never_appear(rest, library):
    # the staff member sees the draft in the catalog, the ZIP still leaves it out
    _response, archive = download(rest("medewerker", PASSWORD), library)
    paragraphs, cells = index_text(archive)
    everything = " ".join(
        [*archive.namelist(), archive.read("manifest.csv").decode("utf-8"), *paragraphs]
        + [text for row in cells for text in row]
    )
    for title in SECRET:
        assert title not in everything
    for name in ("geheim-concept", "convenant", "oude-begroting"):
        assert name not in everything


def test_index_lists_contents_gaps_and_the_checklist(rest, library):
    _response, archive = download(rest("coordinator", PASSWORD), library)
    paragraphs, cells = index_text(archive)
    assert paragraphs[0] == "Auditdossier — Bibliotheek Westfriesland"
    assert "Datum: 01-03-2027" in paragraphs
    checklist = {row[0]: row[1:] for row in cells if row[0] in CHECKLIST}
    assert checklist == {
        "Zelfevaluatie": ["ontbreekt", ""],
        "Voorstel voor de auditdag": ["ontbreekt", ""],
        "Jaarverslag met financiële verantwoording": [
            "aanwezig",
            f"{MIDDELEN}/jaarverslag ë_2026_.txt",
        ],
        "Meerjarenbeleidsplan": [
            "aanwezig",
            "strategie Strategie/Meerjarenbeleidsplan 2025-2028.url",
        ],
    }
    # the table of contents: an item under every element it is tagged with
    rows = [row for row in cells if row[0].endswith((".pdf", ".PDF", ".txt", ".url"))]
    assert ["leiderschap Leiderschap/begroting.pdf", "Begroting 2026", "Overig", "31-12-2027"] in (
        rows
    )
    assert sum(row[1] == "Begroting 2026" for row in rows) == 2  # leiderschap and middelen
    # "collectie" has no evidence: a gap with the readiness reason
    at = paragraphs.index("Collectie")
    assert paragraphs[at + 1] == (
        "Hiaat: geen vrijgegeven, geldig bewijsstuk; geen project voorbij Plan"
    )


CHECKLIST = (
    "Zelfevaluatie",
    "Voorstel voor de auditdag",
    "Jaarverslag met financiële verantwoording",
    "Meerjarenbeleidsplan",
)


def test_checklist_finds_the_submitted_self_evaluation_and_typed_evidence(rest, library):
    certification = make_round(library, audit_date=None)
    self_assessment = make_self_assessment(certification, title="Z")
    _evidence(
        library,
        "voorstel",
        "Voorstel auditdag",
        document_type="auditdagvoorstel",
        file=_file("auditdag.pdf", b"%PDF dag"),
        norm_fields=["middelen"],
    )
    transaction.commit()
    session = rest("coordinator", PASSWORD)
    _response, archive = download(session, library)
    cells = index_text(archive)[1]
    status = {row[0]: row[1] for row in cells if row[0] in CHECKLIST}
    assert status["Zelfevaluatie"] == "ontbreekt"  # written, not yet submitted
    assert status["Voorstel voor de auditdag"] == "aanwezig"
    transition(self_assessment, ["submit"])
    transaction.commit()
    _response, archive = download(session, library)
    cells = index_text(archive)[1]
    row = next(row for row in cells if row[0] == "Zelfevaluatie")
    assert row[1:] == ["aanwezig", "Ingediend in Certificering 2027"]


def test_auditor_with_a_running_grant_downloads_what_they_may_see(rest, library):
    response, archive = download(rest("auditor", PASSWORD), library)
    assert response.status_code == 200
    visible = valid_evidence(library, "auditor")
    assert len(files(archive)) == len(visible) == 7
    # the project of a draft year plan is hidden from auditors, so is its evidence
    assert "Verslag taalcafé" not in {row["title"] for row in manifest(archive)}
    assert "Verslag taalcafé" not in {brain.Title for brain in visible}


def test_auditor_after_the_grant_and_strangers_get_nothing(rest, library, monkeypatch):
    monkeypatch.setattr("bibqual.clock.today", lambda: date(2027, 5, 1))
    for user in ("auditor", "buitenstaander"):
        response, archive = download(rest(user, PASSWORD), library)
        assert response.status_code in (401, 403), user
        assert archive is None
        assert b"PK" not in response.content[:2]


def test_anonymous_gets_401(rest, library):
    response, _archive = download(rest(), library)
    assert response.status_code == 401


def test_files_stream_from_their_committed_blob_files(library, functional_portal):
    """The stream opens the blob files itself (Zope has closed the connection by then)."""
    request = functional_portal.REQUEST
    with api.env.adopt_user(username="coordinator"):
        answer = norm_readiness(library)
        members = dossier_members(library, request, answer)
    blobs = [member for member in members if not member.path.endswith(".url")]
    assert len(blobs) == 7
    for member in blobs:
        assert isinstance(member.source, str) and os.path.isfile(member.source)


def test_the_dossier_page_and_my_audits_offer_the_zip(functional_app, library):
    browser = browser_for(functional_app, "auditor")
    browser.open(f"{api.portal.get().absolute_url()}/@@audit-overview")
    button = tree(browser).xpath("//a[contains(@class, 'bq-audit-dossier')]")
    assert [link.get("href") for link in button] == [f"{library.absolute_url()}/@audit-dossier"]
    browser.open(f"{library.absolute_url()}/@@quality-dossier")
    button = tree(browser).xpath("//a[contains(@class, 'bq-audit-dossier')]")
    # the page speaks the site's language (English on the test site); the ZIP is Dutch
    assert [text(link) for link in button] == ["Download audit dossier (ZIP)"]
    browser.open(button[0].get("href"))
    assert browser.headers["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(BytesIO(browser.contents))
    assert len(files(archive)) == 7


@pytest.mark.parametrize(
    ("given", "name"),
    [
        ("verslag: 2026/Q1?.pdf", "verslag_ 2026_Q1_.pdf"),
        ("CON.pdf", "_CON.pdf"),  # a device name on Windows
        (" ..verborgen. ", "verborgen"),  # no hidden file, no trailing dot
        ("x" * 200 + ".pdf", "x" * 76 + ".pdf"),
        ("", "bestand"),
    ],
)
def test_names_in_the_zip_open_on_windows_and_macos(given, name):
    assert safe_name(given) == name
