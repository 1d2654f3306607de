"""The workflow definitions in the profile are the tables, rendered.

``bibqual.workflows.definitions`` holds the tables, ``bibqual.workflows.render``
writes them; ``python scripts/workflows.py`` regenerates the XML. A table changed
without regenerating fails here, and so does an XML file edited by hand.
"""

from bibqual.permissions import ADD_PORTAL_CONTENT
from bibqual.permissions import MODIFY_CONTENT
from bibqual.permissions import SHARING
from bibqual.permissions import VIEW
from bibqual.workflows import ids as w
from bibqual.workflows.definitions import PROJECT
from bibqual.workflows.render import PROFILE_WORKFLOWS
from bibqual.workflows.render import WORKFLOWS
from bibqual.workflows.render import definition_path
from bibqual.workflows.render import render
from bibqual.workflows.render import write_all
import copy
import pytest


WORKFLOW_IDS = [wf["id"] for wf in WORKFLOWS]


@pytest.mark.parametrize("wf", WORKFLOWS, ids=WORKFLOW_IDS)
def test_profile_holds_the_rendered_table(wf):
    """Regenerate with ``python scripts/workflows.py`` when this fails."""
    committed = definition_path(wf).read_bytes()
    assert render(wf).encode("utf-8") == committed


def test_every_profile_workflow_has_a_table():
    folders = sorted(path.name for path in PROFILE_WORKFLOWS.iterdir() if path.is_dir())
    assert folders == sorted(WORKFLOW_IDS)


def test_a_changed_table_no_longer_matches_the_profile():
    """The comparison above sees a change of one role in one state."""
    changed = copy.deepcopy(PROJECT)
    perms = changed["states"][w.PLAN]["perms"]
    perms[VIEW] = tuple(role for role in perms[VIEW] if role != "Reader")
    assert render(changed).encode("utf-8") != definition_path(PROJECT).read_bytes()


def test_write_all_writes_what_render_returns(tmp_path):
    paths = write_all(tmp_path)
    assert [path.parent.name for path in paths] == WORKFLOW_IDS
    for wf, path in zip(WORKFLOWS, paths, strict=True):
        assert path.read_text(encoding="utf-8") == render(wf)


def test_add_portal_content_follows_the_bibqual_add_permissions():
    xml = render(PROJECT)
    assert f"<permission>{ADD_PORTAL_CONTENT}</permission>" in xml
    for permission in SHARING:
        assert f"<permission>{permission}</permission>" in xml


def broken(change):
    wf = copy.deepcopy(PROJECT)
    change(wf)
    return wf


@pytest.mark.parametrize(
    "change,message",
    [
        (
            lambda wf: wf["states"][w.PLAN]["perms"].update({VIEW: ("Owner", "Auditr")}),
            "unknown roles ['Auditr'] for View",
        ),
        (lambda wf: wf["states"][w.DO]["perms"].pop(MODIFY_CONTENT), "no roles for Modify"),
        (lambda wf: wf["states"][w.DO]["perms"].update({"Bogus": ()}), "Bogus not in"),
        (lambda wf: wf["states"][w.DO].update({"acquire": ("Bogus",)}), "acquires Bogus"),
        (lambda wf: wf["states"][w.PLAN].update({"exits": ("jump",)}), "exit 'jump'"),
        (lambda wf: wf["transitions"][w.START].update({"new_state": "nowhere"}), "'nowhere'"),
        (lambda wf: wf.update({"initial": "nowhere"}), "initial state 'nowhere'"),
        (
            lambda wf: wf["states"][w.PLAN]["perms"].update({VIEW: "Manager"}),
            "must be a tuple",
        ),
    ],
)
def test_a_bad_table_raises_value_error(change, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        render(broken(change))
