"""Classic UI: the user's own reminder preferences (``@@my-reminders`` on the site)."""

from bibqual import _
from bibqual.reminders.preferences import opted_out
from bibqual.reminders.preferences import set_opted_out
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage


class MyRemindersView(BrowserView):
    """``@@my-reminders`` on the site: the logged-in user switches their reminder
    mails off or on (checkbox "Geen herinneringsmails").

    Permission: Set own properties (every logged-in member). A POST with
    ``form.reminders`` needs the CSRF token; it stores the choice for the current
    user only and redirects back to the page. The page's calendar section (the
    personal calendar link) is filled by ``templates/my_reminders.pt``'s
    ``calendar-link`` block.
    """

    def __call__(self):
        if self.request.method == "POST" and "form.reminders" in self.request.form:
            CheckAuthenticator(self.request)
            value = bool(self.request.form.get("opt_out"))
            set_opted_out(self.portal(), self.userid(), value)
            message = (
                _("You will get no reminder mails.")
                if value
                else _("You will get reminder mails again.")
            )
            IStatusMessage(self.request).add(message, type="info")
            return self.request.response.redirect(f"{self.portal().absolute_url()}/@@my-reminders")
        return self.index()

    def portal(self):
        return api.portal.get()

    def userid(self):
        return api.user.get_current().getId()

    def opted_out(self):
        """Whether the current user switched the reminder mails off."""
        return opted_out(self.portal(), self.userid())
