"""What waits for the coordinator: the steps only the coordinator may take.

- ``complete``: SMART projects in Act that are ready to be completed (a result for
  every indicator: ``content.indicators.without_result``, the rule of the workflow
  guard; the evaluation it also needs was required to enter Act), read from the
  ``indicators`` metadata;
- ``release``: evidence in draft, not yet released for the audit;
- ``adopt``: year plans in draft, not yet adopted ("vastgesteld").

Each of these transitions is guarded by "Review portal content", which the
workflows give to the coordinator only (``workflows.definitions``). Everything
comes from brains; ``search`` decides whose view it is: the catalog's
``searchResults`` (what the current user may see) for a page,
``unrestrictedSearchResults`` for the site's reminder run.
"""

from bibqual.content.indicators import without_result
from bibqual.ids import EVIDENCE
from bibqual.ids import SMART_PROJECT
from bibqual.ids import YEAR_PLAN
from bibqual.workflows.ids import ACT
from bibqual.workflows.ids import DRAFT
from plone import api
from plone.uuid.interfaces import IUUID
from typing import NamedTuple


COMPLETE = "complete"
RELEASE = "release"
ADOPT = "adopt"
KINDS = (COMPLETE, RELEASE, ADOPT)

# kind -> (portal_type, review_state): where the items of a kind are found
WHERE = {
    COMPLETE: (SMART_PROJECT, ACT),
    RELEASE: (EVIDENCE, DRAFT),
    ADOPT: (YEAR_PLAN, DRAFT),
}


class Waiting(NamedTuple):
    """One step waiting for the coordinator: its ``kind`` and the item's brain."""

    kind: str
    brain: object


def ready_to_complete(brain):
    """Whether a project's brain holds a result for every indicator (``indicators``
    metadata), the guard's rule for completing it."""
    return not without_result(brain.indicators)


def waiting(search, kinds=KINDS, **query):
    """``[Waiting]``: the steps waiting for the coordinator, by kind (in ``kinds``
    order). ``search`` is a catalog search function (module docstring); ``query``
    narrows or sorts the search, e.g. ``library_uid=...`` for one library,
    ``sort_on="sortable_title"``. Reads brains only; anyone may call it, what it
    finds is what ``search`` lets them see."""
    found = []
    for kind in kinds:
        portal_type, state = WHERE[kind]
        brains = search(portal_type=portal_type, review_state=state, **query)
        found.extend(
            Waiting(kind, brain) for brain in brains if kind != COMPLETE or ready_to_complete(brain)
        )
    return found


def library_waiting(library):
    """``[Waiting]`` in ``library`` as far as the current user may see it, by kind,
    then by title (Classic dashboard; whether the user may act on them is the
    caller's check)."""
    catalog = api.portal.get_tool("portal_catalog")
    return waiting(catalog.searchResults, library_uid=IUUID(library), sort_on="sortable_title")
