"""Carry tags over to the active framework with the mapping: a preview, then the
coordinator's click (``@@norm-mapping``, ``GET``/``POST @norm-mapping``)."""

from lxml import html
from plone import api
from support import PASSWORD
from support.frameworks import browser_for
import pytest


SCOB = "SCOB 3e ronde (2014-2017)"
# The shipped mapping: collectie, dienstverlening, processen -> producten-en-diensten;
# netwerk -> samenwerking; gemeenten -> resultaten-en-verantwoording;
# leiderschap, medewerkers -> mensen; middelen -> middelen.
EXPECTED = {
    "voorlezen": ["producten-en-diensten", "samenwerking"],
    "verslag": ["resultaten-en-verantwoording", "mensen"],
}


def tags(tagged):
    return {key: list(tagged[key].norm_fields) for key in ("project", "budget", "evidence")}


def planned(answer):
    return {
        item["@id"].rsplit("/", 1)[-1]: [a["token"] for a in item["add"]]
        for item in answer["items"]
    }


@pytest.fixture
def kib(tagged, switch_framework):
    """The SCOB site switched to Kwaliteit in Beeld."""
    switch_framework("cbct-kib")
    return tagged


class TestRest:
    def test_preview_lists_what_would_change_and_changes_nothing(self, rest, kib, refresh):
        before = tags(kib)
        response = rest("coordinator", PASSWORD).get(
            f"{kib['library'].absolute_url()}/@norm-mapping"
        )
        assert response.status_code == 200, response.text
        answer = response.json()
        assert planned(answer) == EXPECTED  # "begroting" holds middelen already
        assert answer["applied"] is False
        assert answer["active"] == {"token": "cbct-kib", "title": "CBCT Kwaliteit in Beeld"}
        assert answer["mappings"] == [
            {
                "from": {"token": "scob3", "title": SCOB},
                "to": {"token": "cbct-kib", "title": "CBCT Kwaliteit in Beeld"},
            }
        ]
        item = {i["@id"].rsplit("/", 1)[-1]: i for i in answer["items"]}["voorlezen"]
        assert item["norm_fields"] == ["collectie", "netwerk"]
        assert item["add"][0] == {
            "token": "producten-en-diensten",
            "title": "Producten en diensten",
        }
        refresh()
        assert tags(kib) == before

    def test_dry_run_changes_nothing(self, rest, kib, refresh):
        before = tags(kib)
        response = rest("coordinator", PASSWORD).post(
            f"{kib['library'].absolute_url()}/@norm-mapping", json={"dry_run": True}
        )
        assert response.status_code == 200, response.text
        assert planned(response.json()) == EXPECTED
        refresh()
        assert tags(kib) == before

    def test_apply_adds_exactly_the_preview_and_reindexes(self, rest, kib, refresh):
        session = rest("coordinator", PASSWORD)
        url = f"{kib['library'].absolute_url()}/@norm-mapping"
        preview = planned(session.get(url).json())
        response = session.post(url, json={})
        assert response.status_code == 200, response.text
        assert response.json()["applied"] is True
        assert planned(response.json()) == preview
        refresh()
        assert tags(kib) == {
            "project": ["collectie", "netwerk", "producten-en-diensten", "samenwerking"],
            "budget": ["middelen"],
            "evidence": ["gemeenten", "leiderschap", "resultaten-en-verantwoording", "mensen"],
        }
        catalog = api.portal.get_tool("portal_catalog")
        found = catalog.unrestrictedSearchResults(norm_fields="samenwerking")
        assert [brain.getId for brain in found] == ["voorlezen"]
        found = catalog.unrestrictedSearchResults(norm_fields="mensen")
        assert [brain.getId for brain in found] == ["verslag"]
        assert list(found[0].norm_fields) == [
            "gemeenten",
            "leiderschap",
            "resultaten-en-verantwoording",
            "mensen",
        ]
        # applying again changes nothing
        again = session.post(url, json={})
        assert again.json()["items"] == []

    def test_bad_dry_run_refused(self, rest, kib, refresh):
        before = tags(kib)
        response = rest("coordinator", PASSWORD).post(
            f"{kib['library'].absolute_url()}/@norm-mapping", json={"dry_run": "ja"}
        )
        assert response.status_code == 400
        assert response.json()["error"]["message"] == "dry_run must be true or false."
        refresh()
        assert tags(kib) == before

    @pytest.mark.parametrize("user", ["nieuw", None])
    def test_only_the_coordinator(self, rest, kib, refresh, user):
        before = tags(kib)
        session = rest(user, PASSWORD) if user else rest()
        url = f"{kib['library'].absolute_url()}/@norm-mapping"
        assert session.get(url).status_code in (401, 403)
        assert session.post(url, json={}).status_code in (401, 403)
        refresh()
        assert tags(kib) == before

    def test_no_mapping_to_the_active_framework(self, rest, tagged):
        """On the SCOB site no mapping leads to SCOB: nothing to carry over."""
        response = rest("coordinator", PASSWORD).get(
            f"{tagged['library'].absolute_url()}/@norm-mapping"
        )
        assert response.status_code == 200, response.text
        assert response.json()["mappings"] == []
        assert response.json()["items"] == []


class TestClassicPage:
    def test_preview_then_click(self, functional_app, kib, refresh):
        before = tags(kib)
        browser = browser_for(functional_app, "coordinator")
        browser.open(f"{kib['library'].absolute_url()}/@@norm-mapping")
        tree = html.fromstring(browser.contents)
        rows = {
            " ".join(row.xpath("./th")[0].text_content().split()): " ".join(
                row.xpath('./td[@data-key="add"]')[0].text_content().split()
            )
            for row in tree.xpath('//table[@id="bq-mapping-table"]/tbody/tr')
        }
        assert rows == {
            "Voorlezen": "Producten en diensten, Samenwerking",
            "Jaarverslag": "Resultaten en verantwoording, Mensen",
        }
        assert f"Collectie ({SCOB}), Netwerk ({SCOB})" in " ".join(browser.contents.split())
        refresh()
        assert tags(kib) == before  # opening the page changes nothing

        browser.getControl(name="form.apply").click()
        assert "Norm tags carried over on 2 items." in browser.contents
        assert "There is nothing to carry over" in " ".join(browser.contents.split())
        refresh()
        assert kib["project"].norm_fields[-2:] == ["producten-en-diensten", "samenwerking"]

    def test_staff_cannot_open(self, functional_app, kib):
        browser = browser_for(functional_app, "nieuw")
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        browser.open(f"{kib['library'].absolute_url()}/@@norm-mapping")
        assert "bq-mapping-table" not in browser.contents
        assert "insufficient-privileges" in browser.url or browser.headers["status"][:3] in (
            "401",
            "403",
        )
