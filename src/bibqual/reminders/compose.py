"""The digest mail of one person: subject and plain-text body, in Dutch.

One mail per person per run; its items are grouped by library, then by kind,
each with title, date and URL. The texts are bibqual's English msgids,
translated to Dutch (``translate(..., target_language="nl")``): the mail is
read outside any request, so no browser language applies.
"""

from bibqual import _
from bibqual.certification.status import MILESTONE_TITLES
from bibqual.reminders import items as i
from functools import lru_cache
from itertools import groupby
from zope.i18n import interpolate
from zope.i18n import translate


LANGUAGE = "nl"

HEADINGS = {
    i.DEADLINE: _("Project deadlines"),
    i.REVIEW: _("Assurance reviews"),
    i.EXPIRY: _("Evidence expiring or expired"),
    i.COMPLETE: _("Projects waiting for you to complete them"),
    i.RELEASE: _("Evidence waiting to be released"),
    i.MILESTONE: _("Certification round"),
    i.NO_ADDRESS: _("Responsible people without a mail address"),
}

# The line under an item's title, per (kind, threshold); ${date} is the item's date.
STATUS = {
    (i.DEADLINE, i.SOON): _("deadline on ${date}"),
    (i.DEADLINE, i.OVERDUE): _("deadline passed on ${date}"),
    (i.REVIEW, i.SOON): _("next review on ${date}"),
    (i.REVIEW, i.OVERDUE): _("review overdue since ${date}"),
    (i.EXPIRY, i.EXPIRES_SOON): _("valid until ${date}"),
    (i.EXPIRY, i.EXPIRED): _("no longer valid after ${date}"),
    (i.COMPLETE, i.WAITING): _("ready to be completed"),
    (i.RELEASE, i.WAITING): _("waiting to be released"),
    (i.MILESTONE, i.SOON): _("${milestone}: due on ${date}"),
    (i.MILESTONE, i.OVERDUE): _("${milestone}: overdue, was due on ${date}"),
}


@lru_cache(maxsize=256)
def _template(msgid):
    """The Dutch text of ``msgid`` with its ``${...}`` left in (looked up once)."""
    return translate(_(msgid), target_language=LANGUAGE)


def tr(message):
    """``message`` in Dutch, its mapping filled in."""
    return interpolate(_template(str(message)), getattr(message, "mapping", None))


def shown(day):
    """``31-12-2026`` (the Dutch way), or an empty string."""
    return day.strftime("%d-%m-%Y") if day else ""


def status_text(item):
    """The item's status line, translated (``no-address`` names the person)."""
    kind = item.detail if item.kind == i.NO_ADDRESS else item.kind
    message = STATUS[(kind, item.threshold)]
    milestone = MILESTONE_TITLES.get(item.detail)
    mapping = {"date": shown(item.day), "milestone": tr(milestone) if milestone else ""}
    text = tr(_(message, mapping=mapping))
    if item.kind == i.NO_ADDRESS:
        no_address = _("responsible: ${name}, no mail address", mapping={"name": item.name})
        text = f"{tr(no_address)}; {text}"
    return text


def subject(recipient):
    return tr(_("bibqual: reminders for ${name}", mapping={"name": recipient.fullname}))


def body(recipient, items, today, preferences_url):
    """The plain-text body: greeting, the items by library and kind, how to stop them."""
    lines = [
        tr(_("Dear ${name},", mapping={"name": recipient.fullname})),
        "",
        tr(_("These are your reminders from bibqual of ${date}.", mapping={"date": shown(today)})),
    ]
    for library, by_library in groupby(items, key=lambda item: item.library_title):
        lines += ["", library or "bibqual", "=" * len(library or "bibqual")]
        for kind, by_kind in groupby(by_library, key=lambda item: item.kind):
            lines += ["", tr(HEADINGS[kind])]
            for item in by_kind:
                lines += [f"- {item.title}", f"  {status_text(item)}", f"  {item.url}"]
    lines += [
        "",
        "-- ",
        tr(
            _("No more reminder mails? Switch them off at ${url}", mapping={"url": preferences_url})
        ),
    ]
    return "\n".join(lines) + "\n"


def compose(recipient, items, today, preferences_url):
    """``(subject, body)`` of ``recipient``'s digest of ``items`` (sorted as listed)."""
    return subject(recipient), body(recipient, items, today, preferences_url)
