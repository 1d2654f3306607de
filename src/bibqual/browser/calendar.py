"""Classic UI: the personal calendar link (a section of ``@@my-reminders``)."""

from bibqual import _
from bibqual.reminders.calendar import calendar_links
from bibqual.reminders.preferences import renew_calendar_secret
from plone import api
from plone.protect import CheckAuthenticator
from plone.protect import PostOnly
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage


class CalendarLinkView(BrowserView):
    """``@@calendar-link`` on the site, for the logged-in user (Set own properties).

    ``links()`` gives the current user's subscription links, one per library they
    may view (``reminders.calendar.calendar_links``): ``@@my-reminders`` shows them.
    Called itself with a POST (``form.renew``, CSRF token), it makes a new secret
    for the current user only, so the old links stop working, and returns to
    ``@@my-reminders``.
    """

    def __call__(self):
        PostOnly(self.request)
        CheckAuthenticator(self.request)
        renew_calendar_secret(api.portal.get(), self.userid())
        IStatusMessage(self.request).add(
            _("Your new calendar link is ready; the old link no longer works."), type="info"
        )
        portal_url = api.portal.get().absolute_url()
        return self.request.response.redirect(f"{portal_url}/@@my-reminders#calendar-link")

    def userid(self):
        return api.user.get_current().getId()

    def links(self):
        """The current user's calendar links (empty before the first one is made)."""
        return calendar_links(api.portal.get(), self.userid())
