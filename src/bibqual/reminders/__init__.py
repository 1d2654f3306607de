"""Nothing slips: reminder mails and the calendar feed (operations layer).

``preferences.py`` keeps each user's choices (no reminder mails; the secret of the
personal calendar link) in one place on the site, bibqual's own storage.

The reminder mails: ``collect.py`` finds what is due per person from the catalog
(``items.py`` what one reminder is, ``people.py`` who the coordinators are),
``sent.py`` remembers what was mailed, ``compose.py`` writes the Dutch digest,
``run.py`` is one run (the console script ``cli.py``, ``@@reminders`` and
``POST @reminders`` call it). ``calendar.py`` is the calendar feed.
"""
