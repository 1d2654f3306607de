"""The calendar feed ``GET {library}/@calendar.ics`` over real HTTP, as a calendar
program fetches it: no login, the personal ``?key=`` link made with
``POST {site}/@calendar-secret``.

The library "Bibliotheek Westfriesland" (clock on 1 March 2027) holds, as a Manager made it:

- year plan 2026 (adopted): "Taalcafé" (do, deadline 30 April 2027), "Leesclub" (done),
  "Geschrapt" (cancelled); year plan 2027 (draft): "Toekomstplan" (plan, 1 December 2027);
- the assurance project "Collectieplan" (next review 1 June 2027);
- evidence "Begroting 2027" (released, valid until 31 December 2027), "Concept
  personeelsplan" (draft, valid until 1 September 2027), "Oud convenant" (archived,
  valid until 1 May 2027), "Zonder datum" (released, no end);
- the round "Certificering 2027" (certificate until 31 May 2027, audit on 15 April 2027).

``medewerker`` works there (Editor, Contributor); ``auditor`` has a grant until 30 April
2027 (sees the adopted plan's projects, released evidence, the round, not drafts);
``zaans`` works for a second library only.
"""

from bibqual.audit.grants import grant
from datetime import date
from icalendar import Calendar
from plone import api
from support import PASSWORD
from support.content import create
from support.content import make_assurance
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.content import make_user
from support.content import transition
from support.reports import browser_for
from support.reports import tree as page
import pytest
import transaction


TODAY = date(2027, 3, 1)
DONE = ("start", "evaluate", "adjust", "complete")
ICS = {"Accept": "text/calendar"}


@pytest.fixture
def frozen_today(monkeypatch):
    """bibqual's clock stands on 1 March 2027."""
    monkeypatch.setattr("bibqual.clock.today", lambda: TODAY)
    return TODAY


@pytest.fixture
def tree(functional_portal, frozen_today):
    """The libraries of the module docstring, committed."""
    library = make_library(functional_portal, "bieb", title="Bibliotheek Westfriesland")
    make_user("medewerker", [(library, ["Editor", "Contributor"])], fullname="Mees Medewerker")
    plan = make_plan(library, 2026)
    items = {
        "taalcafe": make_project(
            plan, "taalcafe", "Taalcafé", deadline=date(2027, 4, 30), responsible="medewerker"
        ),
        "leesclub": make_project(plan, "leesclub", "Leesclub", deadline=date(2027, 1, 31)),
        "geschrapt": make_project(plan, "geschrapt", "Geschrapt", deadline=date(2027, 2, 1)),
        "collectieplan": make_assurance(library, "collectieplan", next_review=date(2027, 6, 1)),
        "begroting": make_evidence(
            library, "begroting", "Begroting 2027", valid_until=date(2027, 12, 31)
        ),
        "concept": make_evidence(
            library, "concept", "Concept personeelsplan", valid_until=date(2027, 9, 1)
        ),
        "oud": make_evidence(library, "oud", "Oud convenant", valid_until=date(2027, 5, 1)),
        "zonder": make_evidence(library, "zonder", "Zonder datum"),
        "ronde": create(
            library,
            "Certification",
            "ronde-2027",
            title="Certificering 2027",
            framework="scob3",
            certified_until=date(2027, 5, 31),
            audit_date=date(2027, 4, 15),
        ),
    }
    transition(items["taalcafe"], ["start"])
    transition(items["leesclub"], DONE)
    transition(items["geschrapt"], ["cancel"])
    transition(items["begroting"], ["release"])
    transition(items["zonder"], ["release"])
    transition(items["oud"], ["release", "archive"])
    transition(plan, ["adopt"])
    draft = make_plan(library, 2027)
    items["toekomst"] = make_project(draft, "toekomst", "Toekomstplan", deadline=date(2027, 12, 1))

    other = make_library(functional_portal, "zaanstreek", title="Bibliotheek Zaanstreek")
    make_user("zaans", [(other, ["Editor", "Contributor"])])
    items["zaans"] = make_project(
        make_plan(other, 2027), "lezen", "Lezen in de Zaan", deadline=date(2027, 5, 1)
    )
    make_user("auditor")
    with api.env.adopt_roles(["Manager"]):
        grant(library, "auditor", date(2027, 4, 30))
    transaction.commit()
    return {"library": library, "other": other, **items}


def uid(item, kind):
    return f"{item.UID()}-{kind}@bibqual"


def staff_uids(tree):
    """What the library's staff see: open projects of both plans, the review, the
    evidence not archived with a date, the round's dated milestones."""
    return {
        uid(tree["taalcafe"], "deadline"),
        uid(tree["toekomst"], "deadline"),
        uid(tree["collectieplan"], "review"),
        uid(tree["begroting"], "expiry"),
        uid(tree["concept"], "expiry"),
        *round_uids(tree),
    }


def round_uids(tree):
    # audit quarter ends 30 June, self-evaluation due 4 March, audit 15 April;
    # the report and the decision have no date yet
    return {uid(tree["ronde"], m) for m in ("audit_quarter", "self_assessment", "audit")}


def link_of(session, library):
    """The caller's new calendar link of ``library`` (``POST @calendar-secret``)."""
    response = session.post("/@calendar-secret")
    assert response.status_code == 200, response.text
    links = {item["@id"]: item for item in response.json()["items"]}
    return links[library.absolute_url()]


def feed(session, url):
    """The feed at ``url`` parsed, checked to be a calendar download."""
    response = session.get(url, headers=ICS)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(calendar):
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_staff_link_holds_the_staff_view_of_the_library(rest, tree):
    link = link_of(rest("medewerker", PASSWORD), tree["library"])
    assert link["webcal"] == link["url"].replace("http://", "webcal://", 1)
    anonymous = rest()
    response = anonymous.get(link["url"], headers=ICS)
    assert 'filename="bibliotheek-westfriesland.ics"' in response.headers["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Bibliotheek Westfriesland (bibqual)"
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Amsterdam"
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    found = events(calendar)
    assert set(found) == staff_uids(tree)
    deadline = found[uid(tree["taalcafe"], "deadline")]
    assert deadline.decoded("DTSTART") == date(2027, 4, 30)
    assert deadline.decoded("DTEND") == date(2027, 5, 1)
    assert str(deadline["URL"]) == tree["taalcafe"].absolute_url()
    assert "Mees Medewerker" in str(deadline["DESCRIPTION"])
    assert found[uid(tree["ronde"], "audit")].decoded("DTSTART") == date(2027, 4, 15)


def test_auditor_link_holds_only_what_the_grant_shows(rest, tree):
    link = link_of(rest("auditor", PASSWORD), tree["library"])
    found = events(feed(rest(), link["url"]))
    # no draft evidence, nothing of the draft year plan
    assert set(found) == {
        uid(tree["taalcafe"], "deadline"),
        uid(tree["collectieplan"], "review"),
        uid(tree["begroting"], "expiry"),
        *round_uids(tree),
    }


def test_user_of_another_library_gets_neither_this_library_nor_a_link_to_it(rest, tree):
    session = rest("zaans", PASSWORD)
    response = session.post("/@calendar-secret")
    links = response.json()["items"]
    assert [item["title"] for item in links] == ["Bibliotheek Zaanstreek"]
    own = feed(rest(), links[0]["url"])
    assert set(events(own)) == {uid(tree["zaans"], "deadline")}
    # the same key on the other library leads nowhere
    foreign = links[0]["url"].replace("/zaanstreek/", "/bieb/")
    assert rest().get(foreign, headers=ICS).status_code == 404


def test_renewal_revokes_the_old_link(rest, tree):
    session = rest("medewerker", PASSWORD)
    old = link_of(session, tree["library"])
    new = link_of(session, tree["library"])
    assert new["url"] != old["url"]
    assert rest().get(old["url"], headers=ICS).status_code == 404
    assert set(events(feed(rest(), new["url"]))) == staff_uids(tree)


def test_unknown_key_is_not_found(rest, tree):
    url = f"{tree['library'].absolute_url()}/@calendar.ics?key=verzonnen"
    assert rest().get(url, headers=ICS).status_code == 404


def test_anonymous_without_key_must_log_in(rest, tree):
    url = f"{tree['library'].absolute_url()}/@calendar.ics"
    response = rest().get(url, headers=ICS, allow_redirects=False)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Basic")
    assert "BEGIN:VCALENDAR" not in response.text


def test_logged_in_user_without_key_gets_their_feed(rest, tree):
    url = f"{tree['library'].absolute_url()}/@calendar.ics"
    assert set(events(feed(rest("auditor", PASSWORD), url))) == {
        uid(tree["taalcafe"], "deadline"),
        uid(tree["collectieplan"], "review"),
        uid(tree["begroting"], "expiry"),
        *round_uids(tree),
    }
    other = f"{tree['other'].absolute_url()}/@calendar.ics"
    assert rest("auditor", PASSWORD).get(other, headers=ICS).status_code == 403


def test_secret_needs_a_login(rest, tree):
    assert rest().post("/@calendar-secret").status_code == 401


@pytest.fixture
def dutch(tree):
    """The site speaks Dutch (as a new site does; the test site is English)."""
    api.portal.set_registry_record("plone.available_languages", ["nl"])
    api.portal.set_registry_record("plone.default_language", "nl")
    transaction.commit()
    return tree


def test_texts_are_dutch(rest, dutch):
    """Needs the msgid "Evidence expires: ${title}" in the Dutch catalogue."""
    tree = dutch
    link = link_of(rest("medewerker", PASSWORD), tree["library"])
    found = events(feed(rest(), link["url"]))
    description = str(found[uid(tree["taalcafe"], "deadline")]["DESCRIPTION"])
    assert description.startswith("SMART-project · Verantwoordelijke: Mees Medewerker\n")
    assert {str(event["SUMMARY"]) for event in found.values()} >= {
        "Deadline: Taalcafé",
        "Toetsing: Collectieplan",
        "Audit: Zelfevaluatie ingediend (Certificering 2027)",
        "Bewijsstuk verloopt: Begroting 2027",
    }


def test_my_reminders_page_makes_and_renews_the_link(functional_app, rest, tree):
    browser = browser_for(functional_app, "medewerker")
    browser.handleErrors = False
    portal_url = tree["library"].aq_parent.absolute_url()
    browser.open(f"{portal_url}/@@my-reminders")
    assert not page(browser).cssselect("#bq-calendar-links")
    browser.getControl(name="form.renew").click()
    assert browser.url.startswith(f"{portal_url}/@@my-reminders")
    (row,) = page(browser).cssselect("#bq-calendar-links tbody tr")
    assert row.get("data-library") == tree["library"].absolute_url()
    first = row.cssselect("input.bq-ics-url")[0].get("value")
    assert row.cssselect("a.bq-webcal")[0].get("href") == first.replace("http:", "webcal:", 1)
    assert set(events(feed(rest(), first))) == staff_uids(tree)

    browser.getControl(name="form.renew").click()
    second = page(browser).cssselect("#bq-calendar-links input.bq-ics-url")[0].get("value")
    assert second != first
    assert rest().get(first, headers=ICS).status_code == 404
    assert set(events(feed(rest(), second))) == staff_uids(tree)


def test_renewal_needs_the_csrf_token(functional_app, rest, tree):
    portal_url = tree["library"].aq_parent.absolute_url()
    session = rest("medewerker", PASSWORD)
    link = link_of(session, tree["library"])
    form = {"Accept": "text/html", "Content-Type": "application/x-www-form-urlencoded"}
    response = session.post(f"{portal_url}/@@calendar-link", data={"form.renew": "1"}, headers=form)
    assert response.status_code == 403
    assert rest().get(link["url"], headers=ICS).status_code == 200


def test_auditor_link_ends_with_the_grant(rest, tree, monkeypatch):
    link = link_of(rest("auditor", PASSWORD), tree["library"])
    assert rest().get(link["url"], headers=ICS).status_code == 200
    monkeypatch.setattr("bibqual.clock.today", lambda: date(2027, 5, 1))
    assert rest().get(link["url"], headers=ICS).status_code == 404
