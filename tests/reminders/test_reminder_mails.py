"""Reminder mails (issue 14): a real SMTP server (aiosmtpd, ``conftest.py``) receives
what ``run_reminders`` and ``POST @reminders`` send; bibqual's clock stands on
1 December 2026.

The tree (``build``): library "Bibliotheek Noord" with the coordinator ``coordinator``
(Reviewer), the group ``kwaliteit`` (Reviewer; member ``groepslid``) and staff member
``medewerker``; library "Bibliotheek Zuid" with its own coordinator ``zuid``.

- projects of medewerker: "Voorleesuur" deadline 10 Dec (soon), "Taalcafé" deadline
  20 Nov in Do (overdue), "Later" deadline March 2027 (not yet), "Klaar" deadline
  1 Nov but done (never);
- "Digicafé" whose responsible is the free text "Jan Jansen" (deadline 5 Dec);
- "Leesclub" in Act with a result for every indicator (waits for the coordinator);
- assurance "Collectieplan" of medewerker, review 20 Dec (soon); "Klachten" June 2027;
- evidence: "Jaarverslag" valid until 15 Jan 2027 (expiring), "Oude begroting" until
  1 Nov 2026 (expired), "Archief" archived until 15 Dec (never), "Concept" a draft
  (waits for release), "Beleidsplan" valid until 2028 (never); in Zuid a draft "Plan Zuid";
- the round "Certificering 2027": audit on 30 Dec 2026, so the self-evaluation was due
  on 18 Nov 2026 and is overdue.
"""

from bibqual.reminders.preferences import set_opted_out
from bibqual.reminders.run import run_reminders
from datetime import date
from pathlib import Path
from plone import api
from plone.registry.interfaces import IRegistry
from support import PASSWORD
from support.content import create
from support.content import make_assurance
from support.content import make_evidence
from support.content import make_library
from support.content import make_plan
from support.content import make_project
from support.content import make_user
from support.content import transition
from support.ports import free_port
from support.reports import browser_for
from support.reports import text
from support.reports import tree
from urllib.error import HTTPError
from zope.component import getUtility
import importlib.util
import os
import pytest
import subprocess
import sys
import transaction


ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
TODAY = date(2026, 12, 1)
MEDEWERKER = "medewerker@example.org"
COORDINATOR = "coordinator@example.org"
GROEPSLID = "groepslid@example.org"
ZUID = "zuid@example.org"
REMINDERS_ENABLED = "bibqual.reminders_enabled"


@pytest.fixture
def frozen_today(monkeypatch):
    """bibqual's clock stands on 1 December 2026."""
    monkeypatch.setattr("bibqual.clock.today", lambda: TODAY)
    return TODAY


def move_clock(monkeypatch, day):
    monkeypatch.setattr("bibqual.clock.today", lambda: day)


def build(portal):
    """The tree of the module docstring; returns its items by short name."""
    noord = make_library(portal, "noord", title="Bibliotheek Noord")
    zuid = make_library(portal, "zuid", title="Bibliotheek Zuid")
    make_user("coordinator", [(noord, ["Reviewer"])], fullname="Cora Coördinator")
    make_user("medewerker", [(noord, ["Editor", "Contributor"])], fullname="Mees Medewerker")
    make_user("groepslid", fullname="Gijs Groepslid")
    make_user("zuid", [(zuid, ["Reviewer"])], fullname="Zara Zuid")
    with api.env.adopt_roles(["Manager"]):
        api.group.create(groupname="kwaliteit", title="Kwaliteitsteam")
        api.group.add_user(groupname="kwaliteit", username="groepslid")
        api.group.grant_roles(groupname="kwaliteit", obj=noord, roles=["Reviewer"])
    plan = make_plan(noord, 2026)
    mine = {"responsible": "medewerker"}
    items = {
        "voorleesuur": make_project(
            plan, "voorleesuur", "Voorleesuur", deadline=date(2026, 12, 10), **mine
        ),
        "taalcafe": make_project(plan, "taalcafe", "Taalcafé", deadline=date(2026, 11, 20), **mine),
        "later": make_project(plan, "later", "Later", deadline=date(2027, 3, 1), **mine),
        "klaar": make_project(plan, "klaar", "Klaar", deadline=date(2026, 11, 1), **mine),
        "digicafe": make_project(
            plan, "digicafe", "Digicafé", deadline=date(2026, 12, 5), responsible="Jan Jansen"
        ),
        "leesclub": make_project(plan, "leesclub", "Leesclub", deadline=date(2027, 6, 30)),
        "collectieplan": make_assurance(
            noord, "collectieplan", "Collectieplan", next_review=date(2026, 12, 20), **mine
        ),
        "klachten": make_assurance(
            noord, "klachten", "Klachten", next_review=date(2027, 6, 1), **mine
        ),
        "jaarverslag": make_evidence(
            noord, "jaarverslag", "Jaarverslag", valid_until=date(2027, 1, 15)
        ),
        "oud": make_evidence(noord, "oud", "Oude begroting", valid_until=date(2026, 11, 1)),
        "archief": make_evidence(noord, "archief", "Archief", valid_until=date(2026, 12, 15)),
        "concept": make_evidence(noord, "concept", "Concept"),
        "beleidsplan": make_evidence(
            noord, "beleidsplan", "Beleidsplan", valid_until=date(2028, 1, 1)
        ),
        "plan-zuid": make_evidence(zuid, "plan-zuid", "Plan Zuid"),
        "ronde": create(
            noord,
            "Certification",
            "ronde",
            title="Certificering 2027",
            framework="scob3",
            certified_until=date(2027, 1, 31),
            audit_date=date(2026, 12, 30),
        ),
    }
    transition(items["taalcafe"], ["start"])
    transition(items["klaar"], ["start", "evaluate", "adjust", "complete"])
    transition(items["leesclub"], ["start", "evaluate", "adjust"])
    for name in ("jaarverslag", "oud", "beleidsplan"):
        transition(items[name], ["release"])
    transition(items["archief"], ["release", "archive"])
    return items


@pytest.fixture
def items(mail_portal, frozen_today):
    """The tree of the module docstring on the integration site."""
    return build(mail_portal)


def titles(message):
    """The item titles listed in a mail body (lines starting with "- ")."""
    return sorted(line[2:] for line in body(message).splitlines() if line.startswith("- "))


def body(message):
    return message.get_content()


def mails_by_recipient(mails):
    return {mail["recipient"]: mail for mail in mails}


def keys(mail):
    return sorted((item["title"], item["kind"], item["threshold"]) for item in mail["items"])


COORDINATOR_ITEMS = [
    ("Certificering 2027", "milestone", "overdue"),
    ("Concept", "release", "waiting"),
    ("Digicafé", "no-address", "soon"),
    ("Jaarverslag", "expiry", "expires-soon"),
    ("Leesclub", "complete", "waiting"),
    ("Oude begroting", "expiry", "expired"),
]
MEDEWERKER_ITEMS = [
    ("Collectieplan", "review", "soon"),
    ("Taalcafé", "deadline", "overdue"),
    ("Voorleesuur", "deadline", "soon"),
]


def test_a_run_mails_each_person_their_items(mail_portal, items, inbox):
    mails = mails_by_recipient(run_reminders(mail_portal))
    assert sorted(mails) == ["coordinator", "groepslid", "medewerker", "zuid"]
    assert keys(mails["medewerker"]) == MEDEWERKER_ITEMS
    assert keys(mails["coordinator"]) == COORDINATOR_ITEMS
    assert keys(mails["groepslid"]) == COORDINATOR_ITEMS  # a coordinator through the group
    assert keys(mails["zuid"]) == [("Plan Zuid", "release", "waiting")]
    assert {mail["status"] for mail in mails.values()} == {"sent"}

    # the SMTP server got one mail per person, with exactly their items
    assert len(inbox.messages) == 4
    (to_medewerker,) = inbox.to(MEDEWERKER)
    assert titles(to_medewerker) == ["Collectieplan", "Taalcafé", "Voorleesuur"]
    assert to_medewerker["From"].addresses[0].addr_spec == "kwaliteit@bibliotheek.example"
    assert to_medewerker["To"].addresses[0].display_name == "Mees Medewerker"
    assert f"{mail_portal.absolute_url()}/noord/jaarplan-2026/voorleesuur" in body(to_medewerker)
    (to_coordinator,) = inbox.to(COORDINATOR)
    assert titles(to_coordinator) == [
        "Certificering 2027",
        "Concept",
        "Digicafé",
        "Jaarverslag",
        "Leesclub",
        "Oude begroting",
    ]
    (to_zuid,) = inbox.to(ZUID)
    assert titles(to_zuid) == ["Plan Zuid"]


def test_the_mail_is_dutch(mail_portal, items, inbox):
    """Subject and texts in Dutch (the msgids are translated to nl)."""
    run_reminders(mail_portal)
    (to_medewerker,) = inbox.to(MEDEWERKER)
    assert to_medewerker["Subject"] == "bibqual: herinneringen voor Mees Medewerker"
    text = body(to_medewerker)
    assert "Bibliotheek Noord" in text
    assert "10-12-2026" in text
    assert "Deadlines van projecten" in text
    (to_coordinator,) = inbox.to(COORDINATOR)
    text = body(to_coordinator)
    assert "Jan Jansen" in text and "geen e-mailadres" in text
    assert "Zelfevaluatie ingediend" in text


def test_a_second_run_sends_nothing(mail_portal, items, inbox):
    assert len(run_reminders(mail_portal)) == 4
    inbox.clear()
    assert run_reminders(mail_portal) == []
    assert inbox.messages == []


def test_a_new_threshold_or_date_sends_again(mail_portal, items, inbox, monkeypatch):
    run_reminders(mail_portal)
    inbox.clear()
    # 11 December: "Voorleesuur" (deadline 10 Dec) is now overdue; the rest was said
    move_clock(monkeypatch, date(2026, 12, 11))
    mails = mails_by_recipient(run_reminders(mail_portal))
    assert keys(mails["medewerker"]) == [("Voorleesuur", "deadline", "overdue")]
    (message,) = inbox.to(MEDEWERKER)
    assert titles(message) == ["Voorleesuur"]
    # a moved deadline is a new reminder too
    inbox.clear()
    items["taalcafe"].deadline = date(2026, 12, 20)
    items["taalcafe"].reindexObject()
    mails = mails_by_recipient(run_reminders(mail_portal))
    assert keys(mails["medewerker"]) == [("Taalcafé", "deadline", "soon")]


def test_an_opted_out_user_gets_nothing(mail_portal, items, inbox):
    set_opted_out(mail_portal, "medewerker", True)
    mails = mails_by_recipient(run_reminders(mail_portal))
    assert "medewerker" not in mails
    assert inbox.to(MEDEWERKER) == []
    assert len(inbox.to(COORDINATOR)) == 1


def test_switched_off_sends_nothing(mail_portal, items, inbox):
    api.portal.set_registry_record(REMINDERS_ENABLED, False)
    assert run_reminders(mail_portal) == []
    assert inbox.messages == []


def test_the_periods_are_settings(mail_portal, items, inbox):
    api.portal.set_registry_record("bibqual.reminder_deadline_days", 3)
    api.portal.set_registry_record("bibqual.reminder_review_days", 60)
    mails = mails_by_recipient(run_reminders(mail_portal, dry_run=True))
    # "Voorleesuur" (10 Dec) is no longer within 3 days; "Klachten" (June) not within 60
    assert keys(mails["medewerker"]) == [
        ("Collectieplan", "review", "soon"),
        ("Taalcafé", "deadline", "overdue"),
    ]


def test_an_smtp_failure_spares_the_others_and_is_retried(mail_portal, items, inbox):
    inbox.refuse(COORDINATOR)
    mails = mails_by_recipient(run_reminders(mail_portal))
    assert mails["coordinator"]["status"] == "failed"
    assert "550" in mails["coordinator"]["error"]
    assert {mails[name]["status"] for name in ("groepslid", "medewerker", "zuid")} == {"sent"}
    assert inbox.refused == [COORDINATOR]
    assert len(inbox.messages) == 3
    # the next run sends the coordinator's mail again, and only that one
    inbox.clear()
    mails = run_reminders(mail_portal)
    assert [(mail["recipient"], mail["status"]) for mail in mails] == [("coordinator", "sent")]
    (message,) = inbox.messages
    assert titles(message) == [title for title, _kind, _threshold in COORDINATOR_ITEMS]


def test_a_dry_run_sends_and_marks_nothing(mail_portal, items, inbox):
    mails = run_reminders(mail_portal, dry_run=True)
    assert sorted(mail["recipient"] for mail in mails) == [
        "coordinator",
        "groepslid",
        "medewerker",
        "zuid",
    ]
    assert {mail["status"] for mail in mails} == {"dry-run"}
    assert inbox.messages == []
    # nothing was marked: the real run sends all four
    assert len(run_reminders(mail_portal)) == 4
    assert len(inbox.messages) == 4


def test_a_responsible_user_without_address_goes_to_the_coordinators(mail_portal, items, inbox):
    make_user("zonder", fullname="Zeno Zonder")
    api.user.get(userid="zonder").setMemberProperties({"email": ""})
    items["later"].responsible = "zonder"
    items["later"].deadline = date(2026, 12, 3)
    items["later"].reindexObject()
    mails = mails_by_recipient(run_reminders(mail_portal, dry_run=True))
    assert "zonder" not in mails
    (item,) = [i for i in mails["coordinator"]["items"] if i["title"] == "Later"]
    assert (item["kind"], item["responsible"]) == ("no-address", "Zeno Zonder")


# REST: POST {site}/@reminders


@pytest.fixture
def functional_tree(mail_functional_portal, frozen_today):
    items = build(mail_functional_portal)
    transaction.commit()
    return items


def test_rest_dry_run_answers_the_would_be_mails(rest, functional_tree, inbox):
    response = rest("admin").post("@reminders", json={"dry_run": True})
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["dry_run"] is True and answer["sent"] == 0 and answer["failed"] == []
    mails = mails_by_recipient(answer["mails"])
    assert sorted(mails) == ["coordinator", "groepslid", "medewerker", "zuid"]
    assert keys(mails["medewerker"]) == MEDEWERKER_ITEMS
    assert mails["medewerker"]["email"] == MEDEWERKER
    (voorleesuur,) = [i for i in mails["medewerker"]["items"] if i["title"] == "Voorleesuur"]
    assert voorleesuur["date"] == "2026-12-10"
    assert voorleesuur["@id"].endswith("/noord/jaarplan-2026/voorleesuur")
    assert inbox.messages == []


def test_rest_run_sends_and_remembers(rest, functional_tree, inbox):
    admin = rest("admin")
    inbox.refuse(ZUID)
    answer = admin.post("@reminders", json={}).json()
    assert answer["dry_run"] is False
    assert answer["sent"] == 3 and answer["failed"] == ["zuid"]
    assert len(inbox.messages) == 3
    inbox.accept(ZUID)
    answer = admin.post("@reminders", json={"dry_run": False}).json()
    assert [mail["recipient"] for mail in answer["mails"]] == ["zuid"]
    assert answer["sent"] == 1
    assert admin.post("@reminders", json={}).json()["mails"] == []


def test_rest_refuses_a_bad_dry_run(rest, functional_tree, inbox):
    response = rest("admin").post("@reminders", json={"dry_run": "ja"})
    assert response.status_code == 400
    assert inbox.messages == []


@pytest.mark.parametrize("user", [None, "coordinator", "medewerker"])
def test_rest_is_for_managers_only(rest, functional_tree, inbox, user):
    """Anonymous, the coordinator and staff are refused (plone.restapi answers 401
    to a logged-in user without the permission too); nothing is sent."""
    session = rest(user, PASSWORD) if user else rest()
    response = session.post("@reminders", json={"dry_run": False})
    assert response.status_code == 401
    assert inbox.messages == []


# Classic pages: @@reminders (Managers) and @@my-reminders (everyone logged in)


@pytest.fixture
def browser(functional_app):
    def factory(user="admin"):
        return browser_for(functional_app, user)

    return factory


def test_the_manager_page_dry_runs_and_sends(
    mail_functional_portal, functional_tree, browser, inbox
):
    admin = browser()
    admin.open(f"{mail_functional_portal.absolute_url()}/@@reminders")
    admin.getControl(name="form.dry_run").click()
    page = tree(admin)
    subjects = [text(node) for node in page.cssselect("#bq-reminder-mails .card-header strong")]
    assert len(subjects) == 4
    assert any("Mees Medewerker" in subject for subject in subjects)
    assert "Voorleesuur" in text(page.cssselect("#bq-reminder-mails")[0])
    assert inbox.messages == []
    admin.getControl(name="form.send").click()
    assert len(inbox.messages) == 4
    admin.getControl(name="form.send").click()
    assert len(inbox.messages) == 4  # nothing twice


def test_the_manager_page_needs_the_csrf_token(
    mail_functional_portal, functional_tree, browser, inbox
):
    admin = browser()
    with pytest.raises(HTTPError) as refused:
        admin.post(f"{mail_functional_portal.absolute_url()}/@@reminders", "form.send=1")
    assert "403" in str(refused.value)
    assert inbox.messages == []


def test_the_manager_page_is_for_managers_only(mail_functional_portal, functional_tree, browser):
    coordinator = browser("coordinator")
    coordinator.raiseHttpErrors = False
    coordinator.open(f"{mail_functional_portal.absolute_url()}/@@reminders")
    assert "form.send" not in coordinator.contents


def test_a_user_switches_the_mails_off_and_on(
    mail_functional_portal, functional_tree, browser, inbox
):
    medewerker = browser("medewerker")
    medewerker.open(f"{mail_functional_portal.absolute_url()}/@@my-reminders")
    medewerker.getControl(name="opt_out").controls[0].selected = True
    medewerker.getControl(name="form.reminders").click()
    assert medewerker.getControl(name="opt_out").controls[0].selected is True
    transaction.begin()
    mails = mails_by_recipient(run_reminders(mail_functional_portal, dry_run=True))
    assert "medewerker" not in mails and "coordinator" in mails
    medewerker.getControl(name="opt_out").controls[0].selected = False
    medewerker.getControl(name="form.reminders").click()
    transaction.begin()
    mails = mails_by_recipient(run_reminders(mail_functional_portal, dry_run=True))
    assert keys(mails["medewerker"]) == MEDEWERKER_ITEMS


# Upgrade 1004 -> 1005: the settings join the registry of an existing site

REMINDER_RECORDS = {
    "bibqual.reminders_enabled": True,
    "bibqual.reminder_deadline_days": 14,
    "bibqual.reminder_review_days": 30,
    "bibqual.reminder_expiry_days": 90,
}


def test_the_upgrade_adds_the_reminder_settings(portal, setup_tool):
    records = getUtility(IRegistry).records
    for name in REMINDER_RECORDS:
        del records[name]
    setup_tool.setLastVersionForProfile("bibqual:default", "1004")
    assert "bibqual.reminders_enabled" not in getUtility(IRegistry)
    setup_tool.upgradeProfile("bibqual:default")
    assert setup_tool.getLastVersionForProfile("bibqual:default") == (
        setup_tool.getVersionForProfile("bibqual:default"),
    )
    registry = getUtility(IRegistry)
    assert {name: registry[name] for name in REMINDER_RECORDS} == REMINDER_RECORDS


def test_the_upgrade_keeps_a_stored_setting(portal, setup_tool):
    registry = getUtility(IRegistry)
    registry["bibqual.reminders_enabled"] = False
    del registry.records["bibqual.reminder_expiry_days"]
    setup_tool.setLastVersionForProfile("bibqual:default", "1004")
    setup_tool.upgradeProfile("bibqual:default")
    assert registry["bibqual.reminders_enabled"] is False
    assert registry["bibqual.reminder_expiry_days"] == 90


# The console script for cron: a throw-away Zope instance on its own FileStorage

SETUP_SCRIPT = """
from AccessControl.SecurityManagement import newSecurityManager
from datetime import date, timedelta
from plone import api
from Products.CMFPlone.factory import addPloneSite
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
import os, transaction

app = makerequest(app)
app.acl_users._doAddUser("admin", "admin", ["Manager"], [])
newSecurityManager(None, app.acl_users.getUserById("admin").__of__(app.acl_users))
site = addPloneSite(app, "Plone", distribution_name="classic", default_language="nl")
setSite(site)
site.portal_setup.runAllImportStepsFromProfile("profile-bibqual:default")
api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
api.portal.set_registry_record("plone.smtp_port", int(os.environ["SMTP_PORT"]))
api.portal.set_registry_record("plone.email_from_address", "kwaliteit@bibliotheek.example")
api.user.create(email="mees@bibliotheek.example", username="mees",
                properties={"fullname": "Mees Medewerker"})
library = api.content.create(container=site, type="Library", id="bieb", title="Bieb")
plan = api.content.create(container=library, type="YearPlan", id="plan", title="Plan",
                          year=date.today().year)
api.content.create(container=plan, type="SmartProject", id="voorlezen", title="Voorlezen",
                   specific="Voorlezen.", deadline=date.today() + timedelta(days=3),
                   responsible="mees")
transaction.commit()
"""


@pytest.fixture(scope="module")
def zope_conf(tmp_path_factory, smtp_server):
    """The ``zope.conf`` of a Zope instance whose site ``Plone`` has one project of
    ``mees`` due in three days and mails through the test SMTP server."""
    spec = importlib.util.spec_from_file_location("instance", ROOT / "scripts" / "instance.py")
    instance = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(instance)
    var = tmp_path_factory.mktemp("reminders-var")
    etc = instance.write("reminders", free_port(), "127.0.0.1", var=var, dsn="")
    script = var / "setup_site.py"
    script.write_text(SETUP_SCRIPT)
    done = subprocess.run(
        [str(BIN / "zconsole"), "run", str(etc / "zope.conf"), str(script)],
        cwd=ROOT,
        env={**os.environ, "SMTP_PORT": str(smtp_server[1])},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return etc / "zope.conf"


def cli(zope_conf, *args):
    return subprocess.run(
        [sys.executable, "-m", "bibqual.reminders.cli", str(zope_conf), "Plone", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_console_script_mails_once(zope_conf, inbox):
    done = cli(zope_conf, "--url", "https://kwaliteit.example.nl")
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert "sent\tmees@bibliotheek.example\t1 items" in done.stdout
    (message,) = inbox.to("mees@bibliotheek.example")
    assert "https://kwaliteit.example.nl/bieb/plan/voorlezen" in body(message)
    assert "https://kwaliteit.example.nl/@@my-reminders" in body(message)
    # what was sent is committed: the next day's run sends nothing
    inbox.clear()
    done = cli(zope_conf)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "0 mails" in done.stdout
    assert inbox.messages == []
