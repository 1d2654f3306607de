"""Classic UI: run the reminder mails by hand (``@@reminders`` on the site)."""

from bibqual.errors import BibqualError
from bibqual.reminders.run import FAILED
from bibqual.reminders.run import SENT
from bibqual.reminders.run import run_reminders
from bibqual.settings import reminders_enabled
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
import transaction


class RemindersView(BrowserView):
    """``@@reminders`` on the site: "Proefdraaien" (dry run) lists the mails the
    daily job would send now, without sending or marking anything; "Nu versturen"
    sends them (``reminders.run.run_reminders``) and lists what was sent and what
    failed.

    Permission: Manage portal (Managers only). Both buttons POST with the CSRF
    token; a GET shows the buttons only.
    """

    mails = None
    dry_run = False
    error = None

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST" and ("form.dry_run" in form or "form.send" in form):
            CheckAuthenticator(self.request)
            self.dry_run = "form.dry_run" in form
            try:
                self.mails = run_reminders(self.context, dry_run=self.dry_run)
            except BibqualError as error:
                transaction.doom()
                self.error = error.args[0]
        return self.index()

    def enabled(self):
        return reminders_enabled()

    def sent(self):
        return [mail for mail in self.mails or () if mail["status"] == SENT]

    def failed(self):
        return [mail for mail in self.mails or () if mail["status"] == FAILED]
