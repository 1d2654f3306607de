"""Security issue 9, finding 14: evidence downloads answer ``X-Content-Type-Options: nosniff``.

Staff upload evidence files; anyone who may view the item downloads them. A file
whose bytes are HTML or script but whose stated type is harmless (a ``.txt`` or a
``.png``) must not be turned into a page of the site by the browser's content
sniffing. Every way to the bytes (``@@download``, ``@@display-file``, with and
without the file name, a byte range, the download address the REST API hands
out) says ``nosniff``; SVG and HTML evidence stays an attachment and arrives
as stored, without the downloader's CSRF token written into its forms.
"""

from plone.namedfile.file import NamedBlobFile
from support import PASSWORD
from support.content import create
from support.content import make_library
from support.content import make_user
import pytest
import transaction


HTML_AS_TEXT = b"<html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>'


def _evidence(container, item_id, data, content_type, filename):
    return create(
        container,
        "Evidence",
        item_id,
        title=item_id,
        document_type="overig",
        file=NamedBlobFile(data=data, contentType=content_type, filename=filename),
    )


@pytest.fixture
def evidence(functional_portal):
    """Evidence files in a library and in a project; ``lezer`` reads the library."""
    library = make_library(functional_portal, "bieb", title="Bibliotheek")
    items = {
        "text": _evidence(library, "notulen", HTML_AS_TEXT, "text/plain", "notulen.txt"),
        "svg": _evidence(library, "logo", SVG, "image/svg+xml", "logo.svg"),
        "html": _evidence(library, "pagina", HTML_AS_TEXT, "text/html", "pagina.html"),
        "pdf": _evidence(library, "verslag", b"%PDF-1.4 test", "application/pdf", "verslag.pdf"),
    }
    make_user("lezer", [(library, ["Reader"])])
    transaction.commit()
    return items


def _paths(item, filename):
    return [
        f"/bieb/{item}/@@download/file",
        f"/bieb/{item}/@@download/file/{filename}",
        f"/bieb/{item}/@@display-file/file",
        f"/bieb/{item}/@@display-file/file/{filename}",
        f"/bieb/{item}/@@download",
    ]


DOWNLOADS = [
    (key, path)
    for key, item, filename in (
        ("text", "notulen", "notulen.txt"),
        ("svg", "logo", "logo.svg"),
        ("html", "pagina", "pagina.html"),
        ("pdf", "verslag", "verslag.pdf"),
    )
    for path in _paths(item, filename)
]


@pytest.mark.parametrize("key,path", DOWNLOADS, ids=[path for _key, path in DOWNLOADS])
def test_every_download_says_nosniff(rest, evidence, key, path):
    response = rest("lezer", PASSWORD).get(path, headers={"Accept": "*/*"})
    assert response.status_code == 200, response.text
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert response.headers.get("X-Frame-Options") == "SAMEORIGIN"
    # Byte for byte as stored: no theme, no rewritten forms in an HTML file.
    assert response.content == evidence[key].file.data


def test_html_evidence_does_not_carry_the_downloaders_csrf_token(rest, functional_portal):
    """A staff member uploads an HTML file with a form that posts to the site; the
    coordinator downloads it. Plone's CSRF transform must not write the
    coordinator's token into that file (it would then work from the file)."""
    form = (
        f'<html><body><form action="{functional_portal.absolute_url()}/bieb/@@edit" '
        'method="post"><input name="title"></form></body></html>'
    ).encode()
    library = make_library(functional_portal, "bieb", title="Bibliotheek")
    _evidence(library, "formulier", form, "text/html", "formulier.html")
    transaction.commit()
    admin = rest("admin")
    for view in ("@@download/file", "@@display-file/file"):
        response = admin.get(f"/bieb/formulier/{view}", headers={"Accept": "*/*"})
        assert response.status_code == 200
        assert b"_authenticator" not in response.content
        assert b"data-token" not in response.content
        assert response.content == form
        assert response.headers["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize("key", ["svg", "html"])
def test_svg_and_html_stay_attachments(rest, evidence, key):
    item = evidence[key].getId()
    response = rest("lezer", PASSWORD).get(
        f"/bieb/{item}/@@display-file/file", headers={"Accept": "*/*"}
    )
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers.get("X-Content-Type-Options") == "nosniff"


def test_html_in_a_text_file_is_displayed_as_text_without_sniffing(rest, evidence):
    """The attack: HTML bytes behind ``text/plain`` shown inline."""
    response = rest("lezer", PASSWORD).get(
        "/bieb/notulen/@@display-file/file", headers={"Accept": "*/*"}
    )
    assert response.headers["Content-Type"].startswith("text/plain")
    assert response.headers["Content-Disposition"].startswith("inline;")
    assert response.headers.get("X-Content-Type-Options") == "nosniff"


def test_range_request_says_nosniff(rest, evidence):
    response = rest("lezer", PASSWORD).get(
        "/bieb/notulen/@@download/file", headers={"Accept": "*/*", "Range": "bytes=0-9"}
    )
    assert response.status_code == 206
    assert response.content == HTML_AS_TEXT[:10]
    assert response.headers.get("X-Content-Type-Options") == "nosniff"


def test_download_address_of_the_rest_api_says_nosniff(rest, evidence):
    session = rest("lezer", PASSWORD)
    data = session.get("/bieb/notulen").json()
    download = data["file"]["download"]
    response = session.get(download, headers={"Accept": "*/*"})
    assert response.status_code == 200
    assert response.content == HTML_AS_TEXT
    assert response.headers.get("X-Content-Type-Options") == "nosniff"


def test_who_may_not_view_gets_no_file(rest, evidence):
    """The views keep plone.namedfile's permission: anonymous is sent to the login."""
    response = rest().get(
        "/bieb/notulen/@@download/file", headers={"Accept": "*/*"}, allow_redirects=False
    )
    assert response.status_code in (302, 401, 403, 404)
    assert HTML_AS_TEXT not in response.content
