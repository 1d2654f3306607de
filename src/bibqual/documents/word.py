"""Writing Word documents (python-docx), in the library's own house style.

A library may upload its own Word template on the library's edit form
(``word_template``); its styles, headers and footers (the logo, the colours, the
fonts) are used, its body text is not. Without one, the template shipped in
``templates/bibqual.docx`` is used. Headings use Word's own heading styles, so
Word's navigation pane and table of contents work on every report.
"""

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from io import BytesIO
from pathlib import Path


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SHIPPED_TEMPLATE = Path(__file__).parent / "templates" / "bibqual.docx"
TABLE_STYLE = "Table Grid"


def template_bytes(library):
    """The bytes of the library's own template, or ``None``."""
    template = getattr(library, "word_template", None)
    return template.data if template is not None and template.data else None


def new_document(library=None):
    """An empty document in the house style of ``library`` (its template when it
    has one that opens, else the shipped template): styles, headers and footers
    kept, the template's body removed."""
    data = template_bytes(library) if library is not None else None
    document = None
    if data:
        try:
            document = Document(BytesIO(data))
        except Exception:
            document = None
    if document is None:
        document = Document(str(SHIPPED_TEMPLATE))
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    return document


def heading(document, text, level=1):
    """A heading in Word's ``Heading <level>`` style (``Title`` for level 0).

    Word saves a heading style in a document only once it is used, so a library's
    template may lack it: it is then added (bold, with its outline level)."""
    _heading_style(document, level)
    return _styled(document.add_paragraph(text), _style_id(document, _heading_name(level)))


def _heading_name(level):
    return "Title" if level == 0 else f"Heading {level}"


def _heading_style(document, level):
    """Add ``Heading <level>`` (``Title``) when the document has no such style."""
    name = _heading_name(level)
    if _style_id(document, name):
        return
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    _style_ids(document)[name] = style.style_id
    if _style_id(document, "Normal"):
        style.base_style = document.styles["Normal"]
    style.font.bold = True
    style.font.size = Pt(max(26 - 4 * level, 11))
    if level:
        outline = OxmlElement("w:outlineLvl")
        outline.set(qn("w:val"), str(level - 1))
        style.element.get_or_add_pPr().append(outline)


def paragraph(document, text="", style=None):
    """A paragraph of ``text`` (line breaks kept) in ``style`` when the document
    has that style."""
    return _styled(document.add_paragraph(text or ""), _style_id(document, style))


def field(document, label, value):
    """``label: value`` as one paragraph, the label in bold; nothing when the value
    is empty."""
    if value in (None, "", [], ()):
        return None
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(item) for item in value)
    line = document.add_paragraph()
    line.add_run(f"{label}: ").bold = True
    line.add_run(str(value))
    return line


def table(document, header, rows, widths=None):
    """A table with a bold ``header`` row and ``rows`` (sequences of cell texts)."""
    grid = document.add_table(rows=1, cols=len(header))
    style_id = _style_id(document, TABLE_STYLE)
    if style_id:
        grid._tbl.tblStyle_val = style_id
    for cell, text in zip(grid.rows[0].cells, header, strict=False):
        cell.text = ""
        cell.paragraphs[0].add_run(str(text)).bold = True
    for row in rows:
        cells = grid.add_row().cells
        for cell, text in zip(cells, row, strict=False):
            cell.text = "" if text is None else str(text)
    if widths:
        for row in grid.rows:
            for cell, width in zip(row.cells, widths, strict=False):
                cell.width = width
    return grid


def small(run_or_paragraph, size=9):
    """Set the font size of a paragraph's runs (or a run) in points."""
    runs = getattr(run_or_paragraph, "runs", [run_or_paragraph])
    for run in runs:
        run.font.size = Pt(size)
    return run_or_paragraph


def to_bytes(document):
    """The document as ``.docx`` bytes."""
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _style_ids(document):
    """The ids of the document's styles by name, looked up once per document:
    python-docx looks a style up by name over every style of the template each
    time, which made a report of 200 projects spend a third of its time there."""
    return document.__dict__.setdefault("_bibqual_style_ids", {})


def _style_id(document, name):
    """The id of the style called ``name``, or ``None`` when the document's
    template has no such style (a library's own template may lack the styles of
    the shipped one)."""
    if not name:
        return None
    ids = _style_ids(document)
    if name not in ids:
        try:
            ids[name] = document.styles[name].style_id
        except KeyError:
            ids[name] = None
    return ids[name]


def _styled(paragraph, style_id):
    """``paragraph`` with the style ``style_id`` (when there is one)."""
    if style_id:
        paragraph._p.style = style_id
    return paragraph
