"""``GET {library}/@calendar.ics``: the library's deadlines, reviews, evidence expiry
and round milestones as an iCalendar file (``reminders.calendar``)."""

from AccessControl import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from bibqual.documents.filenames import download_name
from bibqual.documents.files import File
from bibqual.reminders.calendar import calendar_events
from bibqual.reminders.calendar import ics_bytes
from bibqual.reminders.preferences import user_of_secret
from bibqual.services.download import DownloadView
from plone import api
from Products.CMFCore.permissions import View
from zExceptions import Forbidden
from zExceptions import NotFound


CALENDAR_TYPE = "text/calendar; charset=utf-8"


class CalendarFeed(DownloadView):
    """``@calendar.ics`` on a Library, declared public because calendar programs
    (Outlook, Google Calendar) cannot log in. Who gets an answer:

    - with ``?key=<secret>``: the user whose current calendar secret it is
      (``reminders.preferences``), whoever sends the request;
    - without a key: the logged-in user.

    The events are collected as that user (their security manager, restored
    afterwards) and only when that user has the View permission on the library
    (else 404 with a key, 403 Forbidden for the logged-in user),
    so the feed holds exactly what the catalog lets them see. Returns
    ``<library>.ics`` (text/calendar).

    An unknown or revoked key, or a key whose user may not view this library,
    answers 404 Not Found, not 401: a 401 asks the calendar program for a
    password it can never give (and browsers for a login that the link does not
    need), while the link itself simply leads nowhere any more; 404 also says
    nothing about whether the library exists. Without a key an anonymous request
    gets 401 Unauthorized with a Basic challenge (``_login_please``).
    """

    def __call__(self):
        if not self._key() and api.user.is_anonymous():
            return self._login_please()
        return super().__call__()

    def _login_please(self):
        """401 with a Basic challenge. Raising ``Unauthorized`` would send Plone's
        redirect to the HTML login form, which a calendar program cannot use; a
        Basic challenge lets it ask for a user name and password instead."""
        response = self.request.response
        response.setStatus(401)
        response.setHeader("WWW-Authenticate", 'Basic realm="bibqual"')
        response.setHeader("Content-Type", "text/plain; charset=utf-8")
        return "Log in or use your personal calendar link."

    def download(self):
        user = self._user()
        previous = getSecurityManager()
        newSecurityManager(self.request, user)
        try:
            if not getSecurityManager().checkPermission(View, self.context):
                raise NotFound(self.context.getId()) if self._key() else Forbidden()
            body = ics_bytes(calendar_events(self.context), self.context.Title())
        finally:
            setSecurityManager(previous)
        return File(download_name(self.context.Title(), extension="ics"), CALENDAR_TYPE, body)

    def _key(self):
        key = self.request.form.get("key")
        return key if isinstance(key, str) else None

    def _user(self):
        """The user the feed is for (class docstring), wrapped in the user folder."""
        key = self._key()
        if not key:
            return getSecurityManager().getUser()
        acl_users = api.portal.get().acl_users
        userid = user_of_secret(api.portal.get(), key)
        user = acl_users.getUserById(userid) if userid else None
        if user is None:
            raise NotFound("@calendar.ics")
        return user.__of__(acl_users)
