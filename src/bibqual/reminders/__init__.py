"""Nothing slips: reminder mails and the calendar feed (operations layer).

``preferences.py`` keeps each user's choices (no reminder mails; the secret of the
personal calendar link) in one place on the site, bibqual's own storage.
"""
