"""The audit dossier: one ZIP of the evidence a certifier may rely on, streamed.

``audit_dossier(library, request)`` answers a ``File`` whose body is a
zipstream-ng ``ZipStream``, written while the answer is sent (never built in
memory): ``index.docx`` first (``documents.dossier_index``), then one folder per
element of the active norm framework (``"<token> <title>"``) with the released,
still valid evidence (``reports.expiry.covers``), each item once, in the folder of
its first element of the active framework (``Zonder normelement`` without one);
a link as a ``.url`` file. ``manifest.csv`` comes last: path, title, type, valid
until and the SHA-256 of every file, computed while its bytes stream by.

Zope closes the database connection before it sends a streamed answer, so
everything the stream needs is gathered in the request: the evidence the catalog
returns for the current user (``reports.queries.evidence``; only those objects
are woken, for their files), for a file the path of its committed blob (opened
when its turn comes) and plain values for the rest. The stream never reads the
database.
"""

from bibqual import _
from bibqual import clock
from bibqual.documents.dossier_index import index_document
from bibqual.documents.dutch import dutch
from bibqual.documents.filenames import download_name
from bibqual.documents.files import File
from bibqual.ids import VOCAB_DOCUMENT_TYPES
from bibqual.reports import queries
from bibqual.reports.expiry import covers
from bibqual.reports.readiness import norm_readiness
from bibqual.validation import safe_link
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from typing import Any
from zipstream import ZIP_DEFLATED
from zipstream import ZIP_STORED
from zipstream import ZipStream
from ZODB.interfaces import BlobError
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory
import csv
import hashlib
import io
import re
import unicodedata


ZIP_TYPE = "application/zip"
MANIFEST = "manifest.csv"
INDEX = "index.docx"
NO_ELEMENT = _("No norm element")
MANIFEST_HEADER = ("path", "title", "type", "valid until", "sha256")
CHUNK = 1 << 16
# Types worth deflating; everything else (PDF, images, Office files, archives) is
# mostly compressed already and stored as it is.
COMPRESSIBLE = re.compile(
    r"^(text/|application/(json|xml|rtf|msword|vnd\.ms-excel|vnd\.ms-powerpoint)$"
    r"|image/(svg\+xml|bmp|tiff)$)"
)
UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)
FORMULA = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Member:
    """One evidence file of the ZIP: plain values only, nothing of the database."""

    path: str
    title: str
    document_type: str
    type_title: str
    valid_until: date | None
    norm_fields: list
    compress: bool
    source: Any  # a blob file's path (str), an open file, or bytes (a link's .url)
    size: int | None = None
    sha256: str = field(default="", repr=False)


def safe_name(text, limit=80, fallback="bestand"):
    """``text`` as a file or folder name Windows and macOS accept: no reserved
    characters or names, no leading or trailing dots and spaces, at most
    ``limit`` characters (the extension kept)."""
    name = UNSAFE.sub("_", unicodedata.normalize("NFC", str(text or "")))
    name = " ".join(name.split()).strip(" .")
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or len(extension) > 10:
        stem, extension = name, ""
    extension = f".{extension}" if extension else ""
    stem = stem[: max(limit - len(extension), 1)].rstrip(" .")
    name = f"{stem}{extension}" if stem else ""
    if not name:
        return fallback
    return f"_{name}" if RESERVED.match(name) else name


def unique_name(name, taken):
    """``name``, or ``name (2)``, ``name (3)``... when a name in ``taken`` (a set
    of case-folded names of one folder, updated) differs only in case."""
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem:
        stem, extension = name, ""
    extension = f".{extension}" if extension else ""
    candidate, number = name, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{stem} ({number}){extension}"
    taken.add(candidate.casefold())
    return candidate


def _blob_source(named_file):
    """The committed blob file's path of ``named_file`` (opened by the stream), or,
    for a blob without one (changed in this transaction), the blob opened now."""
    blob = named_file._blob
    try:
        blob._p_activate()
        return blob.committed()
    except (BlobError, AttributeError):  # changed, or not yet in a database
        return named_file.open("r")


def _member(brain, folder, taken, types):
    """The ``Member`` of the evidence ``brain`` in ``folder``, or ``None`` for a link
    that is no web address. Wakes the evidence object for its file."""
    token = brain.document_type or ""
    values = {
        "title": brain.Title,
        "document_type": token,
        "type_title": types.get(token, token),
        "valid_until": queries.as_date(brain.valid_until),
        "norm_fields": list(dict.fromkeys(brain.norm_fields or ())),
    }
    named_file = getattr(brain.getObject(), "file", None)
    size = named_file.getSize() if named_file is not None else 0
    if size:
        uploaded = (named_file.filename or "").replace("\\", "/").rsplit("/", 1)[-1]
        name = safe_name(uploaded, fallback="") or safe_name(brain.Title)
        content_type = (named_file.contentType or "").split(";")[0].strip().lower()
        return Member(
            path=f"{folder}/{unique_name(name, taken)}",
            compress=bool(COMPRESSIBLE.match(content_type)),
            source=_blob_source(named_file),
            size=size,
            **values,
        )
    link = safe_link(getattr(brain, "getRemoteUrl", None))
    if link is None:
        return None
    name = unique_name(f"{safe_name(brain.Title, limit=76)}.url", taken)
    body = f"[InternetShortcut]\r\nURL={link}\r\n".encode()
    return Member(path=f"{folder}/{name}", compress=True, source=body, size=len(body), **values)


def dossier_members(library, request, answer):
    """The ``Member`` of every released, still valid evidence item of ``library`` the
    current user may see (catalog), by element of ``answer`` (``norm_readiness``)
    and title."""
    today = answer["date"]
    folders = {e["token"]: safe_name(f"{e['token']} {e['title']}") for e in answer["elements"]}
    loose = safe_name(dutch(NO_ELEMENT, request))
    vocabulary = getUtility(IVocabularyFactory, VOCAB_DOCUMENT_TYPES)(library)
    types = {term.token: dutch(term.title, request) for term in vocabulary}
    order = {token: index for index, token in enumerate(folders)}
    taken = {}
    members = []
    for brain in queries.evidence(library, sort_on="sortable_title"):
        if not covers(brain, today):
            continue
        token = next((t for t in brain.norm_fields or () if t in folders), None)
        folder = folders.get(token, loose)
        member = _member(brain, folder, taken.setdefault(folder, set()), types)
        if member is not None:
            members.append((order.get(token, len(order)), member))
    return [member for _order, member in sorted(members, key=lambda pair: pair[0])]


def _chunks(source):
    """The bytes of a member's source, read as the stream needs them."""
    if isinstance(source, bytes):
        yield source
        return
    with open(source, "rb") if isinstance(source, str) else source as stream:
        while chunk := stream.read(CHUNK):
            yield chunk


def _hashed(member):
    """The member's bytes; its ``sha256`` is set once they have all gone by."""
    digest = hashlib.sha256()
    for chunk in _chunks(member.source):
        digest.update(chunk)
        yield chunk
    member.sha256 = digest.hexdigest()


def _cell(value):
    """A manifest cell that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA) else text


def _manifest(members):
    """``manifest.csv`` (UTF-8 with BOM, ``;`` as Dutch Excel expects), written
    when it is its turn: after every file, so every checksum is known."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(MANIFEST_HEADER)
    yield ("\ufeff" + out.getvalue()).encode("utf-8")
    for member in members:
        out.seek(0)
        out.truncate()
        until = member.valid_until.isoformat() if member.valid_until else ""
        row = (member.path, member.title, member.type_title, until, member.sha256)
        writer.writerow([_cell(value) for value in row])
        yield out.getvalue().encode("utf-8")


def dossier_stream(members, index):
    """The ZIP (``ZipStream``): ``index`` (bytes of ``index.docx``), the members'
    files, then ``manifest.csv``."""
    stream = ZipStream(compress_type=ZIP_DEFLATED, sized=False)
    stream.add(index, INDEX, compress_type=ZIP_STORED)
    for member in members:
        compress_type = ZIP_DEFLATED if member.compress else ZIP_STORED
        stream.add(_hashed(member), member.path, size=member.size, compress_type=compress_type)
    stream.add(_manifest(members), MANIFEST)
    return stream


def audit_dossier(library, request):
    """The audit dossier of ``library`` as a streamed ZIP ``File`` for the current
    user (anyone who may view the library; the catalog gives them only what they
    may see). Wakes the evidence objects the catalog returned, for their files."""
    answer = norm_readiness(library)
    members = dossier_members(library, request, answer)
    index = index_document(library, request, answer, members)
    filename = download_name("auditdossier", library.Title(), clock.today(), extension="zip")
    return File(filename, ZIP_TYPE, iter(dossier_stream(members, index)))
