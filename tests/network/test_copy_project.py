"""@copy-project: a colleague's project lands in the own plan, reset for a new run."""

from plone import api
import transaction


PASSWORD = "secret-bibqual"


def copy(rest, network, source, user=("anna", PASSWORD)):
    session = rest(*user)
    return session.post(
        f"{network['plan_west'].absolute_url()}/@copy-project", json={"source": source}
    )


class TestCopy:
    def test_copy_by_uid(self, rest, network):
        response = copy(rest, network, network["voorlezen"].UID())
        assert response.status_code == 201, response.text
        data = response.json()
        assert data["title"] == "Voorlezen op de peuterspeelzaal"
        assert data["review_state"] == "plan"
        assert data["copied_from"] == network["voorlezen"].UID()
        assert data["specific"].startswith("Elke peuterspeelzaal")
        assert [row["name"] for row in data["indicators"]] == ["Deelnemers", "Tevredenheid"]
        assert [row["target"] for row in data["indicators"]] == [120, 8]
        assert [row["actual"] for row in data["indicators"]] == [None, None]
        assert data["evaluation"] is None
        assert data["improvements"] is None
        assert data["partners"] == ["Taalhuis"]
        assert data["spearhead"]["token"] == "Taal en lezen"
        assert data["deadline"] == "2026-11-30"

    def test_responsible_not_carried_to_another_library(self, rest, network):
        data = copy(rest, network, network["voorlezen"].UID()).json()
        assert data["responsible"] is None

    def test_responsible_kept_within_the_library(self, rest, network):
        from bibqual.network.copy import copy_project

        with api.env.adopt_roles(["Manager"]):
            plan = api.content.create(
                container=network["noord"], type="YearPlan", title="Jaarplan 2026", year=2026
            )
            twin = copy_project(network["voorlezen"], plan)
        assert twin.responsible == "jan"

    def test_copy_by_url(self, rest, network):
        response = copy(rest, network, network["voorlezen"].absolute_url())
        assert response.status_code == 201, response.text

    def test_source_shows_who_copied(self, rest, network):
        copy(rest, network, network["voorlezen"].UID())
        transaction.begin()
        from bibqual.network.copy import copies_of

        (entry,) = copies_of(network["voorlezen"])
        assert entry["user"] == "anna"
        assert entry["library"] == "Bibliotheek West"
        brain = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
            UID=network["voorlezen"].UID()
        )[0]
        assert brain.copy_count == 1

    def test_not_shared_library_answered_like_unknown(self, rest, network):
        hidden = copy(rest, network, network["geheim"].UID())
        unknown = copy(rest, network, "0123456789abcdef")
        assert hidden.status_code == unknown.status_code == 404
        # the same words: whether the project exists is not given away
        assert hidden.json()["error"]["message"].replace(network["geheim"].UID(), "X") == (
            unknown.json()["error"]["message"].replace("0123456789abcdef", "X")
        )
        transaction.begin()
        assert network["plan_west"].objectIds() == []

    def test_unknown_source(self, rest, network):
        response = copy(rest, network, "0123456789abcdef")
        assert response.status_code == 404
        transaction.begin()
        assert network["plan_west"].objectIds() == []

    def test_missing_source(self, rest, network):
        response = rest("anna", PASSWORD).post(
            f"{network['plan_west'].absolute_url()}/@copy-project", json={}
        )
        assert response.status_code == 400

    def test_anonymous(self, rest, network):
        response = rest().post(
            f"{network['plan_west'].absolute_url()}/@copy-project",
            json={"source": network["voorlezen"].UID()},
        )
        assert response.status_code == 401


class TestSimilar:
    def test_finds_shared_project_by_part_of_title(self, rest, network):
        data = rest("anna", PASSWORD).get("/@similar-projects", params={"q": "voorlez"}).json()
        titles = [item["title"] for item in data["items"]]
        assert titles == ["Voorlezen op de peuterspeelzaal"]
        hit = data["items"][0]
        assert hit["library"] == "Bibliotheek Noord"
        assert hit["year"] == 2025
        assert hit["review_state"] == "check"
        assert hit["specific"].startswith("Elke peuterspeelzaal")
        assert hit["indicators"][0] == {"name": "Deelnemers", "target": 120, "unit": "personen"}

    def test_cancelled_projects_left_out(self, rest, network):
        data = rest("anna", PASSWORD).get("/@similar-projects", params={"q": "makerspace"})
        assert data.json()["items"] == []

    def test_anonymous_refused(self, rest, network):
        assert rest().get("/@similar-projects", params={"q": "voorlez"}).status_code == 401


class TestRollover:
    def test_rollover_copies_unfinished_projects(self, rest, network):
        response = rest("admin").post(
            f"{network['noord'].absolute_url()}/@rollover",
            json={"from_year": 2025, "to_year": 2026},
        )
        assert response.status_code == 201, response.text
        data = response.json()
        assert data["year"] == 2026
        assert data["spearheads"] == ["Taal en lezen"]
        assert [item["title"] for item in data["copied"]] == ["Voorlezen op de peuterspeelzaal"]
        assert data["skipped"] == 2

    def test_rollover_refused_when_year_exists(self, rest, network):
        session = rest("admin")
        url = f"{network['noord'].absolute_url()}/@rollover"
        assert session.post(url, json={"from_year": 2025}).status_code == 201
        response = session.post(url, json={"from_year": 2025, "to_year": 2026})
        assert response.status_code == 400
        assert "already has a year plan for 2026" in response.json()["error"]["message"]
