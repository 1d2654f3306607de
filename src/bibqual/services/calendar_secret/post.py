"""``POST {site}/@calendar-secret``: renew the caller's personal calendar link."""

from bibqual.reminders.calendar import calendar_links
from bibqual.reminders.preferences import renew_calendar_secret
from bibqual.services.base import BibqualService
from plone import api


class CalendarSecretPost(BibqualService):
    """Any logged-in user (Set own properties) makes a new secret for their own
    calendar links; the links with the old secret stop working at once. Answers
    the new links, one per library the caller may view:
    ``{"@id", "items": [{"@id", "title", "url", "webcal"}]}``.
    """

    writes = True

    def answer(self):
        portal = api.portal.get()
        userid = api.user.get_current().getId()
        renew_calendar_secret(portal, userid)
        return {
            "@id": f"{portal.absolute_url()}/@calendar-secret",
            "items": calendar_links(portal, userid),
        }
