"""When an audit finding may close, and where its actions stand.

A finding closes (``close``) only when every action is done and shown with
released, still valid evidence:

- a SmartProject is done in ``done`` (a cancelled one never is);
- an AssuranceProject never ends; it counts as done once a cycle was checked
  and adjusted (its ``adjust`` step, Check -> Act) after the finding was
  recorded: the agreement was carried out and evaluated at least once since the
  auditor's finding. An evaluation from before the finding proves nothing about
  it, and a running cycle that has not reached Act has not been evaluated yet;
- evidence: an Evidence item in ``released`` whose ``valid_until`` is empty or
  not before today (``clock.today()``), inside the project or naming it in its
  ``related_projects``.

A finding without actions cannot close ("add an action first"), except a
strength: there is nothing to act on, so it closes freely. A strength that does
have actions follows the rule (the coordinator chose to act on it). An action
that was deleted blocks closing until it is taken out of the actions.

Everything is read from catalog brains (a finding's ``action_uids``, an
assurance project's ``last_adjusted``, the evidence indexes). The close rule
reads unrestricted (what is true does not depend on who looks); the pages read
what the current user may see.
"""

from bibqual import _
from bibqual import clock
from bibqual.certification.status import finding_summary
from bibqual.content.finding import ACTION_TYPES
from bibqual.ids import ASSURANCE_PROJECT
from bibqual.ids import EVIDENCE
from bibqual.ids import STRENGTH
from bibqual.indexers.evidence import RELATED_PROJECT_UIDS
from bibqual.indexers.round import ACTION_UIDS
from bibqual.indexers.round import LAST_ADJUSTED
from bibqual.indexers.round import relation_uids
from bibqual.reports.expiry import EXPIRED
from bibqual.reports.expiry import expiry
from bibqual.reports.pdca import overdue
from bibqual.reports.pdca import review_overdue
from bibqual.reports.queries import as_date
from bibqual.workflows.ids import DONE
from bibqual.workflows.ids import OPEN
from bibqual.workflows.ids import RELEASED
from plone import api
from zope.globalrequest import getRequest
from zope.i18n import translate


NO_ACTION = _(
    "Add an action first: a finding closes when its actions are done and shown with "
    "released, still valid evidence."
)
ACTION_GONE = _("an action no longer exists; remove it from the actions")


def _tr(message):
    return translate(message, context=getRequest())


def _search(restricted):
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.searchResults if restricted else catalog.unrestrictedSearchResults


def state_title(state, portal_type):
    """The translated title of ``state`` in the workflow of ``portal_type``."""
    tool = api.portal.get_tool("portal_workflow")
    title = tool.getTitleForStateOnType(state, portal_type)
    return translate(title or state, domain="bibqual", context=getRequest())


def valid_evidence(action_brains, today, restricted=True):
    """``{action UID: [evidence brain, ...]}``: the released evidence, valid on
    ``today``, inside each action or naming it in ``related_projects``; three
    catalog queries at most, whatever the number of actions."""
    result = {brain.UID: [] for brain in action_brains}
    if not result:
        return result
    search = _search(restricted)
    catalog = api.portal.get_tool("portal_catalog")
    seen = set()

    def keep(uid, evidence):
        if (uid, evidence.getRID()) in seen:
            return
        seen.add((uid, evidence.getRID()))
        if expiry(as_date(evidence.valid_until), today) != EXPIRED:
            result[uid].append(evidence)

    paths = {brain.getPath(): brain.UID for brain in action_brains}
    query = {"portal_type": EVIDENCE, "review_state": RELEASED, "sort_on": "sortable_title"}
    for evidence in search(path={"query": list(paths), "depth": -1}, **query):
        path = evidence.getPath()
        for action_path, uid in paths.items():
            if path.startswith(action_path + "/"):
                keep(uid, evidence)
    # a site whose catalog lacks the index (not upgraded) would answer everything
    if RELATED_PROJECT_UIDS in catalog.indexes():
        index = catalog._catalog.getIndex(RELATED_PROJECT_UIDS)
        for evidence in search(**{RELATED_PROJECT_UIDS: list(result)}, **query):
            for uid in index.getEntryForObject(evidence.getRID(), ()) or ():
                if uid in result:
                    keep(uid, evidence)
    return result


def adjusted_since(brain, since):
    """Whether the assurance project of ``brain`` took ``adjust`` at or after
    ``since`` (a DateTime; ``None``: ever)."""
    last = getattr(brain, LAST_ADJUSTED, None)
    if not last:
        return False
    return since is None or last >= since


def action_status(brain, since, evidence, today):
    """One action of a finding recorded at ``since``, with its valid ``evidence``
    (brains): ``{uid, url, title, portal_type, review_state, state_title, done,
    date, overdue, evidence, missing}``; ``date`` is the project's deadline (an
    assurance project's next review), ``evidence`` ``[{url, title, valid_until}]``
    and ``missing`` the reasons it keeps the finding open."""
    values = {"action": brain.Title}
    missing = []
    if brain.portal_type == ASSURANCE_PROJECT:
        day = as_date(brain.next_review)
        late = review_overdue(day, today)
        done = adjusted_since(brain, since)
        if not done:
            missing.append(
                _("'${action}' has not been checked and adjusted since the finding", mapping=values)
            )
    else:
        day = as_date(brain.deadline)
        late = overdue(day, brain.review_state, today)
        done = brain.review_state == DONE
        if not done:
            state = state_title(brain.review_state, brain.portal_type)
            missing.append(
                _("'${action}' is not done yet (now: ${state})", mapping={**values, "state": state})
            )
    if not evidence:
        missing.append(_("'${action}' has no released, still valid evidence", mapping=values))
    return {
        "uid": brain.UID,
        "url": brain.getURL(),
        "title": brain.Title,
        "portal_type": brain.portal_type,
        "review_state": brain.review_state,
        "state_title": state_title(brain.review_state, brain.portal_type),
        "done": done,
        "date": day,
        "overdue": late,
        "evidence": [
            {"url": item.getURL(), "title": item.Title, "valid_until": as_date(item.valid_until)}
            for item in evidence
        ],
        "missing": missing,
    }


def _action_brains(uids, restricted):
    if not uids:
        return {}
    brains = _search(restricted)(UID=list(uids), portal_type=list(ACTION_TYPES))
    return {brain.UID: brain for brain in brains}


def findings_actions(finding_brains, restricted=True):
    """``{finding UID: [action status, ...]}`` for the brains of findings, each in
    the order of its actions; actions the user may not see are left out. One
    query for all actions, and their evidence (``valid_evidence``)."""
    wanted = {brain.UID: list(getattr(brain, ACTION_UIDS, None) or ()) for brain in finding_brains}
    brains = _action_brains({uid for uids in wanted.values() for uid in uids}, restricted)
    today = clock.today()
    evidence = valid_evidence(list(brains.values()), today, restricted)
    created = {brain.UID: brain.created for brain in finding_brains}
    return {
        finding: [
            action_status(brains[uid], created[finding], evidence[uid], today)
            for uid in uids
            if uid in brains
        ]
        for finding, uids in wanted.items()
    }


def finding_rows(finding_brains, framework=None, restricted=True):
    """The findings as the report page, the finding page and the recovery plan
    show them: ``status.finding_summary`` (``@id``, title, state, element and its
    title in ``framework``, kind, due, ``overdue``: open and past its due date)
    plus ``uid``, ``created``, ``action_uids`` and ``actions`` (``action_status``
    each, those the user sees)."""
    today = clock.today()
    actions = findings_actions(finding_brains, restricted)
    rows = []
    for brain in finding_brains:
        row = finding_summary(brain, framework, today)
        row["overdue"] = row["overdue"] and brain.review_state == OPEN
        row["uid"] = brain.UID
        row["created"] = brain.created
        row["action_uids"] = list(getattr(brain, ACTION_UIDS, None) or ())
        row["actions"] = actions[brain.UID]
        rows.append(row)
    return rows


def closing_refusal(uids, kind, since, broken=0):
    """Why a finding of ``kind``, recorded at ``since``, with the actions ``uids``
    (and ``broken`` relations to deleted items) cannot close now, or ``None``. Reads
    unrestricted: the rule does not depend on who asks."""
    if not uids and not broken:
        return None if kind == STRENGTH else NO_ACTION
    today = clock.today()
    brains = _action_brains(uids, restricted=False)
    evidence = valid_evidence(list(brains.values()), today, restricted=False)
    reasons = []
    for uid in uids:
        if uid in brains:
            reasons.extend(action_status(brains[uid], since, evidence[uid], today)["missing"])
    if broken or any(uid not in brains for uid in uids):
        reasons.append(ACTION_GONE)
    if not reasons:
        return None
    return _(
        "The finding cannot be closed yet: ${reasons}.",
        mapping={"reasons": "; ".join(_tr(reason) for reason in reasons)},
    )


def close_refusal(finding, comment=""):
    """The guard of ``close`` (``workflows.guards``): the reason ``finding`` cannot
    close now, naming each action and what it misses, or ``None``."""
    uids, broken = relation_uids(finding, "actions")
    return closing_refusal(uids, getattr(finding, "kind", None), finding.created(), broken)
