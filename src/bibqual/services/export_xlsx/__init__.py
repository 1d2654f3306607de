"""GET {yearplan}/@export-xlsx: the year plan as an Excel workbook."""
