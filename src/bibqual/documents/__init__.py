"""Documents in and out: Word reports, the audit dossier ZIP, year plans in Excel.

Operations layer. ``word.py`` is the one way bibqual writes a Word document (the
library's own template or the shipped one, headings in Word's heading styles,
tables); ``filenames.py`` the one rule for a download's name. Each document has
its own module that gathers what the current user may see and writes it.
"""
