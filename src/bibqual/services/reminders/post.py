"""POST {site}/@reminders {"dry_run": bool}: run the reminder mails now."""

from bibqual import _
from bibqual.errors import BibqualError
from bibqual.reminders.run import FAILED
from bibqual.reminders.run import SENT
from bibqual.reminders.run import run_reminders
from bibqual.restapi.plain import plain
from bibqual.services.base import BibqualService
from bibqual.settings import reminders_enabled


class RemindersPost(BibqualService):
    """Runs the reminder mails now, as the daily job does (``reminders.run``).

    Permission: Manage portal (Managers only). Body ``{"dry_run": bool}``
    (default false). 200 with ``{"@id", "dry_run", "enabled", "mails", "sent",
    "failed"}``: ``mails`` the mails sent (or, with ``dry_run``, that would be
    sent; nothing sent or marked then), each with recipient, fullname, email,
    subject, body, items and status (``sent``, ``failed`` with ``error``,
    ``dry-run``); ``sent`` their number; ``failed`` the recipients whose mail the
    SMTP server refused (tried again on the next run). 400 when ``dry_run`` is
    not a boolean or the site has no sender address.
    """

    writes = True

    def answer(self):
        dry_run = self.json_body().get("dry_run", False)
        if not isinstance(dry_run, bool):
            raise BibqualError(_("dry_run must be true or false."))
        mails = run_reminders(self.context, dry_run=dry_run)
        return plain(
            {
                "@id": f"{self.context.absolute_url()}/@reminders",
                "dry_run": dry_run,
                "enabled": reminders_enabled(),
                "mails": mails,
                "sent": sum(1 for mail in mails if mail["status"] == SENT),
                "failed": [mail["recipient"] for mail in mails if mail["status"] == FAILED],
            },
            self.request,
        )
