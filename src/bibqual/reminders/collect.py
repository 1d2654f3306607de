"""The reminders due today, per recipient, from the catalog.

Who hears of what (the periods are the settings, ``bibqual.settings``):

- the responsible person (``responsible``, a user id) of every SMART project that
  is neither done nor cancelled: its deadline within ``reminder_deadline_days``
  (``soon``) or passed (``overdue``, the overdue rule of ``reports.pdca``);
- the responsible person of every assurance project: its next review within
  ``reminder_review_days`` or passed;
- the coordinators of the library (``people.coordinator_ids``): evidence that is
  not archived whose validity ends within ``reminder_expiry_days`` or has ended
  (``reports.expiry``); projects in Act that are ready to be completed and draft
  evidence waiting to be released (``reports.waiting``, the rule the workflow
  guard and the dashboard share); the next milestone of the running certification
  round within ``reminder_deadline_days`` or overdue (``certification.status``);
- a responsible that is no user, or a user without a mail address, is reported to
  the coordinators (``no-address``) with the reminder it stands for.

Everything comes from brains and their metadata, searched unrestricted (the run
is the site's job, not a user's request); only each library with coordinator
items (its local roles) and its running round (its dates) are woken.
"""

from bibqual import clock
from bibqual import settings
from bibqual.certification import rounds
from bibqual.certification.status import next_milestone
from bibqual.certification.status import round_milestones
from bibqual.ids import ASSURANCE_PROJECT
from bibqual.ids import CERTIFICATION
from bibqual.ids import EVIDENCE
from bibqual.ids import LIBRARY
from bibqual.ids import SMART_PROJECT
from bibqual.reminders import items as i
from bibqual.reminders.people import People
from bibqual.reports import waiting as w
from bibqual.reports.expiry import EXPIRED
from bibqual.reports.expiry import expiry
from bibqual.reports.pdca import overdue
from bibqual.reports.pdca import review_overdue
from bibqual.reports.queries import BrainURLs
from bibqual.reports.queries import as_date
from bibqual.reports.waiting import waiting
from bibqual.workflows.ids import DRAFT
from bibqual.workflows.ids import OPEN_PROJECT_STATES
from bibqual.workflows.ids import RELEASED
from dataclasses import replace
from datetime import timedelta
from plone import api


# the waiting steps that are mailed, as the reminder kinds they become
WAITING_KINDS = {w.COMPLETE: i.COMPLETE, w.RELEASE: i.RELEASE}


class Collector:
    """One collection run: ``collect()`` answers ``{userid: Recipient}``."""

    def __init__(self, portal, today=None):
        self.portal = portal
        self.today = today or clock.today()
        self.catalog = api.portal.get_tool("portal_catalog")
        self.people = People()
        self.url = BrainURLs()
        self.recipients = {}
        self.coordinators = {}
        self.libraries = {
            brain.UID: brain for brain in self.search(portal_type=LIBRARY, sort_on="sortable_title")
        }

    def search(self, **query):
        return self.catalog.unrestrictedSearchResults(**query)

    def horizon(self, days):
        return {"query": self.today + timedelta(days=days), "range": "max"}

    def item(self, brain, kind, threshold, day, **extra):
        library = self.libraries.get(brain.library_uid)
        return i.Item(
            uid=brain.UID,
            kind=kind,
            threshold=threshold,
            day=day,
            title=brain.Title,
            url=self.url(brain),
            library_uid=brain.library_uid or "",
            library_title=library.Title if library is not None else "",
            **extra,
        )

    def recipient(self, userid, user):
        if userid not in self.recipients:
            self.recipients[userid] = i.Recipient(userid, user[0], user[1])
        return self.recipients[userid]

    def library_coordinators(self, uid):
        """``[(userid, (fullname, email))]`` of the library's coordinators (wakes the
        library once per run)."""
        if uid not in self.coordinators:
            library = self.libraries.get(uid)
            userids = self.people.coordinators(library._unrestrictedGetObject()) if library else ()
            users = [(userid, self.people.user(userid)) for userid in userids]
            self.coordinators[uid] = [(userid, user) for userid, user in users if user is not None]
        return self.coordinators[uid]

    def to_coordinators(self, item):
        for userid, user in self.library_coordinators(item.library_uid):
            self.recipient(userid, user).add(item)

    def to_responsible(self, brain, item):
        """To the responsible user; a name bibqual cannot mail goes to the coordinators."""
        responsible = (brain.responsible or "").strip()
        if not responsible:
            return
        user = self.people.user(responsible)
        if user is not None and user[1]:
            self.recipient(responsible, user).add(item)
            return
        name = user[0] if user is not None else responsible
        self.to_coordinators(replace(item, kind=i.NO_ADDRESS, detail=item.kind, name=name))

    def deadlines(self):
        days = settings.reminder_deadline_days()
        for brain in self.search(
            portal_type=SMART_PROJECT,
            review_state=OPEN_PROJECT_STATES,
            deadline=self.horizon(days),
        ):
            day = as_date(brain.deadline)
            if day is None:
                continue
            late = overdue(day, brain.review_state, self.today)
            self.to_responsible(
                brain, self.item(brain, i.DEADLINE, i.OVERDUE if late else i.SOON, day)
            )

    def reviews(self):
        days = settings.reminder_review_days()
        for brain in self.search(portal_type=ASSURANCE_PROJECT, next_review=self.horizon(days)):
            day = as_date(brain.next_review)
            if day is None:
                continue
            late = review_overdue(day, self.today)
            self.to_responsible(
                brain, self.item(brain, i.REVIEW, i.OVERDUE if late else i.SOON, day)
            )

    def expiring(self):
        days = settings.reminder_expiry_days()
        for brain in self.search(
            portal_type=EVIDENCE,
            review_state=(DRAFT, RELEASED),
            valid_until=self.horizon(days),
        ):
            day = as_date(brain.valid_until)
            state = expiry(day, self.today, days)
            if state is None:
                continue
            threshold = i.EXPIRED if state == EXPIRED else i.EXPIRES_SOON
            self.to_coordinators(self.item(brain, i.EXPIRY, threshold, day))

    def waiting(self):
        """Projects ready to complete and evidence to release (``reports.waiting``,
        the dashboard's rule); year plans to adopt are on the dashboard only."""
        for step in waiting(self.search, kinds=tuple(WAITING_KINDS)):
            self.to_coordinators(self.item(step.brain, WAITING_KINDS[step.kind], i.WAITING, None))

    def milestones(self):
        days = settings.reminder_deadline_days()
        libraries = {
            brain.library_uid
            for brain in self.search(portal_type=CERTIFICATION, review_state=rounds.RUNNING_STATES)
        }
        for uid in sorted(libraries & set(self.libraries)):
            brain = rounds.running_round(self.libraries[uid]._unrestrictedGetObject())
            if brain is None:
                continue
            certification = brain._unrestrictedGetObject()
            items = round_milestones(
                certification,
                self.today,
                rounds.latest_self_assessment(certification),
                rounds.final_report(certification),
                list(rounds.findings(certification)),
            )
            following = next_milestone(items)
            day = following["date"] if following is not None else None
            if day is None or day > self.today + timedelta(days=days):
                continue
            threshold = i.OVERDUE if following["overdue"] else i.SOON
            self.to_coordinators(
                self.item(brain, i.MILESTONE, threshold, day, detail=following["id"])
            )

    def collect(self):
        for part in (self.deadlines, self.reviews, self.expiring, self.waiting, self.milestones):
            part()
        for recipient in self.recipients.values():
            recipient.items.sort(key=i.Item.order)
        return dict(sorted(self.recipients.items()))


def collect(portal, today=None):
    """``{userid: Recipient}``: the reminders due on ``today`` (default: the clock's)
    per recipient (module docstring), before what was sent already is left out."""
    return Collector(portal, today).collect()
