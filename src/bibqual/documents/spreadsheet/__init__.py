"""Year plans as Excel workbooks (openpyxl) and back.

``columns.py`` is the one table of the columns (field, Dutch header, kind) that
the export, the import and the empty template share; ``workbook.py`` writes the
sheets with their headers and validation lists; ``export.py`` fills them with a
year plan; ``read.py`` reads a workbook into rows of REST JSON values and
``importer.py`` stores those rows through plone.restapi's own deserializer, so
an imported row is refused with exactly the message a REST client would get.
"""
