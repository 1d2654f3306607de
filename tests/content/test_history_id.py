"""Versions of bibqual items without CMF's site-wide counter (the cluster's conflict hot spot).

Every new project, assurance project and evidence item gets its own history id when it is
created; CMFEditions' ``portal_uidgenerator`` counter is not written, versions still work, and the
host's own content (a Document) still takes its id from the counter.
"""

from bibqual.content.history import FIRST_OWN_ID
from datetime import date
from plone import api
from support.content import create
import transaction


def _counter(portal):
    return portal.portal_uidgenerator._uid_counter


def _history_id(item):
    return api.portal.get_tool("portal_historyidhandler").queryUid(item)


def _evidence(library, item_id):
    return create(library, "Evidence", item_id, title="Verslag", remote_url="https://example.org/a")


def _assurance(library, item_id):
    return create(library, "AssuranceProject", item_id, title="Borging", agreement="Jaarlijks")


class TestOwnHistoryId:
    def test_new_items_do_not_write_the_counter(self, portal, library, project):
        before = _counter(portal)
        items = [
            _evidence(library, "bewijs"),
            _assurance(library, "borging"),
            create(
                library["jaarplan-2026"],
                "SmartProject",
                "tweede",
                title="Tweede",
                specific="Iets",
                deadline=date(2026, 12, 1),
            ),
        ]
        ids = {_history_id(item) for item in [project, *items]}
        assert len(ids) == 4
        assert all(history_id >= FIRST_OWN_ID for history_id in ids), ids
        assert _counter(portal) == before

    def test_versions_are_kept_and_retrieved(self, portal, project):
        repository = portal.portal_repository
        assert len(repository.getHistoryMetadata(project)) == 1
        project.title = "Voorlezen op elke peuterspeelzaal"
        repository.save(project, comment="Titel aangepast")
        history = repository.getHistoryMetadata(project)
        assert len(history) == 2
        first = repository.retrieve(project, 0).object
        assert first.title == "Voorlezen op de peuterspeelzaal"

    def test_the_hosts_document_keeps_the_counter(self, portal):
        before = _counter(portal)
        with api.env.adopt_roles(["Manager"]):
            document = api.content.create(container=portal, type="Document", id="pagina")
        # the Document and, on its first version, the site it is in
        assert before < _history_id(document) <= _counter(portal) < FIRST_OWN_ID


def test_an_item_added_over_rest_has_its_own_history(functional_portal, rest):
    with api.env.adopt_roles(["Manager"]):
        library = api.content.create(
            container=functional_portal, type="Library", id="bieb", title="Bieb"
        )
        plan = api.content.create(
            container=library, type="YearPlan", id="plan", year=2026, title="Jaarplan 2026"
        )
    transaction.commit()
    before = _counter(functional_portal)
    session = rest("admin")
    payload = {
        "@type": "SmartProject",
        "title": "Leesclub",
        "specific": "Elke maand",
        "deadline": "2026-12-01",
    }
    response = session.post("/bieb/plan", json=payload)
    assert response.status_code == 201, response.text
    patched = session.patch("/bieb/plan/leesclub", json={"title": "Leesclub voor senioren"})
    assert patched.status_code == 204, patched.text
    history = session.get("/bieb/plan/leesclub/@history").json()
    versions = [entry for entry in history if entry["type"] == "versioning"]
    assert len(versions) == 2
    transaction.begin()
    assert _history_id(plan["leesclub"]) >= FIRST_OWN_ID
    assert _counter(functional_portal) == before
