"""Roll a library's year plan over into the next year."""

from bibqual import _
from bibqual.errors import BibqualError
from bibqual.ids import YEAR_MAX
from bibqual.ids import YEAR_MIN
from bibqual.ids import YEAR_PLAN
from bibqual.network.copy import copy_project
from bibqual.planning.plans import plan_for_year
from bibqual.planning.plans import project_brains
from bibqual.planning.plans import year_taken
from bibqual.workflows.ids import CANCELLED
from bibqual.workflows.ids import DONE
from plone import api
from zope.globalrequest import getRequest
from zope.i18n import translate


class RolloverError(BibqualError):
    """The rollover cannot be done; the message says why."""


def _year(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise RolloverError(_("${name} must be a year.", mapping={"name": name}))
    try:
        year = int(value)
    except ValueError:
        raise RolloverError(_("${name} must be a year.", mapping={"name": name}))
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise RolloverError(
            _(
                "${name} must lie between ${min} and ${max}.",
                mapping={"name": name, "min": YEAR_MIN, "max": YEAR_MAX},
            )
        )
    return year


def rollover(library, from_year, to_year=None):
    """Create the year plan ``to_year`` (default: the next year) with the
    spearheads of ``from_year`` and copies of its projects that are not done
    or cancelled. Returns ``(new_plan, copies, skipped)``.

    Only what the current user may view takes part: a plan or project hidden
    from them is treated as absent (not copied, not counted, not named).
    """
    from_year = _year(from_year, "from_year")
    to_year = from_year + 1 if to_year in (None, "") else _year(to_year, "to_year")
    if to_year <= from_year:
        raise RolloverError(_("to_year must come after from_year."))
    source = plan_for_year(library, from_year)
    if source is None:
        raise RolloverError(
            _("This library has no year plan for ${year}.", mapping={"year": from_year})
        )
    if year_taken(library, to_year):
        raise RolloverError(
            _("This library already has a year plan for ${year}.", mapping={"year": to_year})
        )
    new_plan = api.content.create(
        container=library,
        type=YEAR_PLAN,
        title=translate(_("Year plan ${year}", mapping={"year": to_year}), context=getRequest()),
        year=to_year,
        spearheads=list(getattr(source, "spearheads", None) or []),
        description=source.Description(),
    )
    copies, skipped = [], 0
    # Only the projects the requester may view: others are neither copied nor counted.
    for brain in project_brains(source):
        if brain.review_state in (DONE, CANCELLED):
            skipped += 1
            continue
        copies.append(copy_project(brain.getObject(), new_plan))
    return new_plan, copies, skipped
