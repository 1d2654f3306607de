"""What the self-evaluation's scoring page suggests per norm element: what
bibqual already knows about the library's readiness.

Per element: the released, still valid evidence and the projects past Plan
tagged with it, as ``reports.readiness.norm_readiness`` (the one readiness
answer, shared by dashboard, coverage page and dossier) finds them; catalog
brains, nothing woken.
"""

from bibqual.reports.readiness import norm_readiness


def readiness(library, framework=None):
    """``{element token: {"evidence": [item], "projects": [item]}}`` for every element
    of ``framework`` (a token; default the active one) the site works with; an item
    is ``{uid, title, url, review_state, valid_until}``, sorted by title. Evidence:
    released and not expired; projects: SMART projects past Plan."""
    answer = norm_readiness(library, framework)
    items = answer["items"]
    return {
        element["token"]: {
            "evidence": [items[uid] for uid in element["evidence_uids"]],
            "projects": [items[uid] for uid in element["project_uids"]],
        }
        for element in answer["elements"]
    }


def suggestions(framework, library):
    """Per element of ``framework`` (in order): ``{"evidence", "projects"}`` to
    suggest, from ``readiness``."""
    known = readiness(library, framework.token)
    empty = {"evidence": [], "projects": []}
    return {element.token: known.get(element.token, empty) for element in framework.elements}
