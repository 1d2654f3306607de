"""One reminder run: collect what is due, leave out what was sent, mail the rest.

``run_reminders(portal, dry_run=False)`` is what the daily console script
(``cli.py``), the Manager's page ``@@reminders`` and ``POST {site}/@reminders``
call; the callers declare who may run it (Manage portal). It answers the mails as
a list, each ``{recipient, fullname, email, subject, body, items, status}``:

- nothing at all while the setting ``reminders_enabled`` is off; nobody who opted
  out (``preferences.opted_out``); nobody whose reminders were all sent before;
- ``dry_run``: ``status`` ``"dry-run"``: nothing sent, nothing marked;
- else one mail per person through the site's MailHost (its SMTP settings),
  sent at once (``immediate``), one person after the other: ``"sent"``, and only
  then its items are marked as sent (``sent.py``); ``"failed"`` with ``error``
  when the SMTP server refused it or the person has no mail address: logged,
  not marked (the next run tries again) and the run goes on with the others.
"""

from bibqual import _
from bibqual import clock
from bibqual import settings
from bibqual.errors import BibqualError
from bibqual.reminders import preferences
from bibqual.reminders import sent
from bibqual.reminders.collect import collect
from bibqual.reminders.compose import compose
from email.utils import formataddr
from plone import api
from ZODB.POSException import ConflictError
import logging


logger = logging.getLogger("bibqual.reminders")

SENT = "sent"
FAILED = "failed"
DRY_RUN = "dry-run"


def sender():
    """The site's sender (``From``) of mails, from Plone's mail settings."""
    address = api.portal.get_registry_record("plone.email_from_address", default=None)
    if not address:
        raise BibqualError(
            _("The site has no sender address for mails: fill it in in the mail settings."), 400
        )
    name = api.portal.get_registry_record("plone.email_from_name", default=None) or ""
    return formataddr((name, address))


def deliver(portal, mfrom, recipient, subject, body):
    """Hand one mail to the site's MailHost now; raises when the server refuses it."""
    if not recipient.email:
        raise ValueError("no mail address")
    portal.MailHost.send(
        body,
        mto=formataddr((recipient.fullname, recipient.email)),
        mfrom=mfrom,
        subject=subject,
        immediate=True,
        charset="utf-8",
        msg_type="text/plain",
    )


def run_reminders(portal, dry_run=False):
    """The mails of one run (module docstring)."""
    if not settings.reminders_enabled():
        return []
    today = clock.today()
    mfrom = None if dry_run else sender()
    preferences_url = f"{portal.absolute_url()}/@@my-reminders"
    mails = []
    for userid, recipient in collect(portal, today).items():
        if preferences.opted_out(portal, userid):
            continue
        items = sent.unsent(portal, userid, recipient.items)
        if not items:
            continue
        subject, body = compose(recipient, items, today, preferences_url)
        mail = {
            "recipient": userid,
            "fullname": recipient.fullname,
            "email": recipient.email,
            "subject": subject,
            "body": body,
            "items": [item.as_json() for item in items],
            "status": DRY_RUN,
        }
        mails.append(mail)
        if dry_run:
            continue
        try:
            deliver(portal, mfrom, recipient, subject, body)
        except ConflictError:
            raise
        except Exception as error:
            logger.exception("Reminder mail to %s (%s) failed", userid, recipient.email)
            mail.update(status=FAILED, error=str(error) or error.__class__.__name__)
            continue
        sent.mark_sent(portal, userid, items, today)
        mail["status"] = SENT
    return mails
