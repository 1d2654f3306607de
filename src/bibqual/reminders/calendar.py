"""The calendar feed of a library: its dates as iCalendar events.

``calendar_events(library)`` lists, for the current user, every date that must not
slip: the deadline of each SMART project that is neither done nor cancelled, the
next review of each assurance project, the end of validity of each piece of
evidence that is not archived, and the milestones of the library's certification
rounds (``certification.status``). Everything comes from catalog brains queried as
the current user, so the feed holds exactly what that user may see; the only
objects woken are the library's few certification rounds (their milestone dates
are fields, not metadata), those the catalog returned for that user.

``ics_bytes(events, name)`` writes them as one iCalendar file (all-day events with
a stable UID, so a calendar program updates an event instead of adding another).
``calendar_links(portal, userid)`` gives the personal subscription links of a user.
"""

from bibqual import _
from bibqual import clock
from bibqual.certification import rounds
from bibqual.certification.status import round_milestones
from bibqual.ids import LIBRARY
from bibqual.reminders.preferences import calendar_secret
from bibqual.reports import queries
from bibqual.reports.people import Names
from bibqual.workflows.ids import DRAFT
from bibqual.workflows.ids import OPEN_PROJECT_STATES
from bibqual.workflows.ids import RELEASED
from dataclasses import dataclass
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from icalendar import Calendar
from icalendar import Event
from plone import api
from urllib.parse import quote
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.i18nmessageid import Message


PRODID = "-//bibqual//Kwaliteitskalender//NL"
TIMEZONE = "Europe/Amsterdam"
FEED = "@calendar.ics"
# Evidence in these states has a validity that matters (archived evidence does not).
EVIDENCE_STATES = (DRAFT, RELEASED)
DEADLINE, REVIEW, EXPIRY = "deadline", "review", "expiry"
SUMMARIES = {
    DEADLINE: _("Deadline: ${title}"),
    REVIEW: _("Review: ${title}"),
    EXPIRY: _("Evidence expires: ${title}"),
}
MILESTONE_SUMMARY = _("Audit: ${milestone} (${title})")


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day event: ``uid`` stable per item and kind, texts already in Dutch."""

    uid: str
    day: date
    summary: str
    description: str
    url: str
    stamp: datetime


def _nl(message):
    """``message`` in the request's language (Dutch on a Dutch site)."""
    return translate(message, context=getRequest())


def _stamp(value):
    """The brain's or object's modification time as a UTC datetime (the DTSTAMP)."""
    if hasattr(value, "asdatetime"):
        return value.asdatetime().astimezone(UTC)
    return datetime(2000, 1, 1, tzinfo=UTC)


def _event(brain, kind, day, url, *details):
    summary = _nl(Message(SUMMARIES[kind], mapping={"title": brain.Title}))
    return CalendarEvent(
        uid=f"{brain.UID}-{kind}@bibqual",
        day=day,
        summary=summary,
        description="\n".join([" · ".join(part for part in details if part), url]),
        url=url,
        stamp=_stamp(brain.modified),
    )


def _responsible(names, brain):
    name = names(brain.responsible)
    return f"{_nl(_('Responsible'))}: {name}" if name else ""


def _project_events(library, url, names):
    """Deadlines of the SMART projects still being worked on."""
    for brain in queries.projects(library, review_state=OPEN_PROJECT_STATES):
        day = queries.as_date(brain.deadline)
        if day is not None:
            kind = _nl(_("SMART project"))
            yield _event(brain, DEADLINE, day, url(brain), kind, _responsible(names, brain))


def _review_events(library, url, names):
    """Next reviews of the assurance projects."""
    for brain in queries.assurance_projects(library):
        day = queries.as_date(brain.next_review)
        if day is not None:
            cycle = f"{_nl(_('Cycle'))} {brain.cycle}" if brain.cycle else ""
            kind = _nl(_("Assurance project"))
            yield _event(brain, REVIEW, day, url(brain), kind, cycle, _responsible(names, brain))


def _evidence_events(library, url):
    """Ends of validity of the evidence that is not archived."""
    for brain in queries.evidence(library, review_state=EVIDENCE_STATES):
        day = queries.as_date(brain.valid_until)
        if day is not None:
            yield _event(brain, EXPIRY, day, url(brain), _nl(_("Evidence")))


def _milestone_status(item):
    if item["met"]:
        return _nl(_("met"))
    return _nl(_("overdue")) if item["overdue"] else ""


def _milestone_events(library, url, today):
    """Milestones with a date of the library's rounds; wakes each round the user may see."""
    for brain in rounds.library_rounds(library):
        certification = brain.getObject()
        items = round_milestones(
            certification,
            today,
            rounds.latest_self_assessment(certification),
            rounds.final_report(certification),
            list(rounds.findings(certification)),
        )
        for item in items:
            if item["date"] is None:
                continue
            title = _nl(item["title"])
            summary = Message(MILESTONE_SUMMARY, mapping={"milestone": title, "title": brain.Title})
            details = [_nl(_("Certification round")), brain.Title, _milestone_status(item)]
            yield CalendarEvent(
                uid=f"{brain.UID}-{item['id']}@bibqual",
                day=item["date"],
                summary=_nl(summary),
                description="\n".join([" · ".join(d for d in details if d), url(brain)]),
                url=url(brain),
                stamp=_stamp(brain.modified),
            )


def calendar_events(library):
    """The events of ``library`` the current user may see (module docstring), by date."""
    url, names = queries.BrainURLs(), Names()
    events = [
        *_project_events(library, url, names),
        *_review_events(library, url, names),
        *_evidence_events(library, url),
        *_milestone_events(library, url, clock.today()),
    ]
    return sorted(events, key=lambda event: (event.day, event.summary, event.uid))


def ics_bytes(events, name):
    """``events`` as an iCalendar file (bytes) named ``"<name> (bibqual)"``."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{name} (bibqual)")
    calendar.add("x-wr-timezone", TIMEZONE)
    calendar.add("x-published-ttl", "PT6H")
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", item.stamp)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + timedelta(days=1))
        event.add("summary", item.summary)
        event.add("description", item.description)
        event.add("url", item.url)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()


def calendar_links(portal, userid):
    """The subscription links of ``userid`` for every library the current user may
    view, by title: ``{"@id", "title", "url", "webcal"}``; empty without a secret."""
    secret = calendar_secret(portal, userid)
    if not secret:
        return []
    catalog = api.portal.get_tool("portal_catalog")
    links = []
    for brain in catalog(portal_type=LIBRARY, sort_on="sortable_title"):
        url = f"{brain.getURL()}/{FEED}?key={quote(secret)}"
        links.append(
            {
                "@id": brain.getURL(),
                "title": brain.Title,
                "url": url,
                "webcal": "webcal://" + url.split("://", 1)[1],
            }
        )
    return links
