"""Indexers of the certification round: a finding's actions and an assurance
project's last Act, so the finding's pages and its close rule work from brains."""

from bibqual.content.assuranceproject import IAssuranceProject
from bibqual.content.finding import IFinding
from bibqual.indexers.evidence import _target
from bibqual.workflows.ids import ADJUST
from bibqual.workflows.ids import ASSURANCE_WORKFLOW
from plone.indexer import indexer
from plone.uuid.interfaces import IUUID


# Catalog index (KeywordIndex) and metadata column: the UIDs of a finding's actions.
ACTION_UIDS = "action_uids"
# Metadata column: when an assurance project last took ``adjust`` (check -> act).
LAST_ADJUSTED = "last_adjusted"


def relation_uids(obj, name):
    """``(uids, broken)``: the UIDs of the targets of the relation list ``name`` of
    ``obj`` in order (each once), and how many of its relations point nowhere (the
    target was deleted)."""
    uids, broken = [], 0
    for relation in getattr(obj, name, None) or ():
        target = _target(relation, obj)
        uid = IUUID(target, None) if target is not None else None
        if uid is None:
            broken += 1
        elif uid not in uids:
            uids.append(uid)
    return uids, broken


@indexer(IFinding)
def action_uids(obj):
    """UIDs of the projects and assurance projects that act on the finding."""
    return relation_uids(obj, "actions")[0]


@indexer(IAssuranceProject)
def last_adjusted(obj):
    """The time (DateTime) of the assurance project's last ``adjust`` step: the end
    of the Check of its latest evaluated cycle. None-indexed before the first one."""
    entries = getattr(obj, "workflow_history", {}).get(ASSURANCE_WORKFLOW, ())
    times = [
        entry["time"]
        for entry in entries
        if entry.get("action") == ADJUST and entry.get("time") is not None
    ]
    if not times:
        raise AttributeError(LAST_ADJUSTED)
    return max(times)
