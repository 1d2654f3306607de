"""Ending audit access in the browser really ends it (issue 15, item 1).

On the Dutch demo site the auditor `auditor` has a time-limited grant. The coordinator's
audit-access page shows it with its end date, and a permanent Auditor role from the
sharing tab too; ending each takes a confirmation, after which that person no longer
opens the library's dashboard nor its quality dossier. The ended grant stays as history.
"""

from datetime import date
from datetime import timedelta
from plone import api
from support import DEMO_PASSWORD
import pytest
import transaction


pytestmark = pytest.mark.browser

LIBRARY = "bibliotheek-westfriesland-noord"
PAGES = (LIBRARY, f"{LIBRARY}/@@quality-dossier")


@pytest.fixture
def permanent_auditor(demo_functional):
    """A user with the Auditor role on the library's sharing tab, as the demo used to do."""
    portal = demo_functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            email="vast@cbct.example",
            username="vaste-auditor",
            password=DEMO_PASSWORD,
            properties={"fullname": "Vaste Auditor"},
        )
        api.user.grant_roles(username="vaste-auditor", obj=portal[LIBRARY], roles=["Auditor"])
        portal[LIBRARY].reindexObjectSecurity()
    transaction.commit()
    return "vaste-auditor"


def opens(visitor, user):
    """Whether ``user`` opens the dashboard and the dossier (both, or neither)."""
    visitor.open("logout")
    visitor.login(user)
    seen = []
    for path in PAGES:
        response = visitor.open(path)
        visitor.shot(f"{user}-{path.rsplit('@', 1)[-1]}")
        seen.append(
            response.status == 200
            and "insufficient-privileges" not in visitor.page.url
            and "login" not in visitor.page.url
        )
    assert len(set(seen)) == 1, seen
    return seen[0]


def end(visitor, user):
    """As the coordinator: "End access" on ``user``'s row, then confirm."""
    page = visitor.page
    visitor.open("logout")
    visitor.login("coordinator")
    visitor.open(f"{LIBRARY}/@@audit-access")
    row = page.locator(f"tr.bq-auditor[data-user='{user}']")
    row.locator("button[name='form.revoke']").click()
    page.wait_for_load_state("networkidle")
    confirm = page.locator(".bq-audit-confirm")
    assert confirm.is_visible()
    visitor.shot(f"confirm-{user}")
    confirm.locator("button[name='form.revoke.confirm']").click()
    page.wait_for_load_state("networkidle")
    visitor.shot(f"ended-{user}")


def test_coordinator_sees_everyone_who_can_audit(visitor, permanent_auditor):
    page = visitor.page
    visitor.login("coordinator")
    visitor.open(f"{LIBRARY}/@@audit-access")
    visitor.shot("everyone")
    grant = page.locator("tr.bq-auditor[data-user='auditor']")
    until = (date.today() + timedelta(days=60)).strftime("%d-%m-%Y")  # Dutch dates on the page
    assert "Auditor CBCT" in grant.inner_text()
    assert until in grant.inner_text()
    sharing = page.locator(f"tr.bq-auditor[data-user='{permanent_auditor}']")
    assert "Vaste Auditor" in sharing.inner_text()
    assert sharing.locator("button[name='form.revoke']").is_visible()


def test_ending_a_grant_ends_access_and_keeps_history(visitor):
    assert opens(visitor, "auditor")
    end(visitor, "auditor")
    row = visitor.page.locator("tr.bq-auditor[data-user='auditor']")
    assert "bq-auditor-past" in row.get_attribute("class")
    assert row.locator("button[name='form.revoke']").count() == 0
    assert not opens(visitor, "auditor")


def test_ending_a_sharing_role_ends_access(visitor, permanent_auditor):
    assert opens(visitor, permanent_auditor)
    end(visitor, permanent_auditor)
    assert visitor.page.locator(f"tr.bq-auditor[data-user='{permanent_auditor}']").count() == 0
    assert not opens(visitor, permanent_auditor)


def test_page_speaks_dutch(visitor):
    """Needs the new msgids in the Dutch catalogue (see the helper's report)."""
    page = visitor.page
    visitor.login("coordinator")
    visitor.open(f"{LIBRARY}/@@audit-access")
    text = page.locator("#content").inner_text()
    for words in ("Auditor uitnodigen", "Uitnodiging versturen", "Toegang geven"):
        assert words in text, words
    page.locator("tr.bq-auditor[data-user='auditor'] button[name='form.revoke']").click()
    page.wait_for_load_state("networkidle")
    assert "Ja, toegang beëindigen" in page.locator(".bq-audit-confirm").inner_text()


def test_grant_by_searching_a_name(visitor, demo_functional):
    """The user field searches Plone's users by name: no exact, case-sensitive id."""
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            email="hdw@cbct.example",
            username="HdWit",
            password=DEMO_PASSWORD,
            properties={"fullname": "Hans de Wit"},
        )
    transaction.commit()
    page = visitor.page
    visitor.login("coordinator")
    visitor.open(f"{LIBRARY}/@@audit-access")
    page.locator("#audit-grant .select2-container input").first.click()
    page.keyboard.type("hans de")
    option = page.locator(".select2-result", has_text="Hans de Wit").first
    option.wait_for()
    visitor.shot("search")
    option.click()
    page.fill("#audit-until", (date.today() + timedelta(days=10)).isoformat())
    page.click("#audit-grant button[name='form.grant']")
    page.wait_for_load_state("networkidle")
    visitor.shot("granted")
    row = page.locator("tr.bq-auditor[data-user='HdWit']")
    assert "Hans de Wit" in row.inner_text()
