"""Copy a SMART project into a year plan, reset for a new run.

The copy keeps what describes the project (SMART texts, indicators' names,
targets and units, norm fields, core functions, partners, target groups,
policy topics, budget) and clears what belongs to the source's own run
(actual values, evaluation, improvements, dates). It starts in ``plan`` and
records where it came from; the source remembers who copied it.
"""

from Acquisition import aq_base
from bibqual import clock
from bibqual.content.indicators import reset_indicators
from bibqual.ids import SMART_PROJECT
from bibqual.utils import find_library
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from plone.uuid.interfaces import IUUID
from zope.annotation.interfaces import IAnnotations
import datetime


COPIED_KEY = "bibqual.copies"

KEPT_FIELDS = (
    "specific",
    "measurable",
    "achievable",
    "realistic",
    "responsible",
    "partners",
    "target_groups",
    "budget",
    "norm_fields",
    "core_functions",
    "policy_topics",
)


def project_data(source):
    """The fields a copy of ``source`` (a SmartProject object) starts with."""
    data = {name: getattr(source, name, None) for name in KEPT_FIELDS}
    data["title"] = source.Title()
    data["description"] = source.Description()
    data["indicators"] = reset_indicators(getattr(source, "indicators", None))
    return data


def create_copy(plan, data, copied_from, spearhead=None):
    """Create the copy in ``plan`` from ``data`` (a dict of field values).

    The deadline is carried over to the plan's year (a copy needs one to
    start); ``copied_from`` is the source's UID or, for a partner site, its URL.
    """
    values = {key: value for key, value in data.items() if value not in (None, "", [], ())}
    deadline = data.get("deadline")
    year = getattr(plan, "year", None)
    if isinstance(deadline, datetime.date) and year:
        values["deadline"] = _same_day_in(deadline, year)
    elif year:
        values["deadline"] = datetime.date(year, 12, 31)
    values.pop("start", None)
    if spearhead and spearhead in (getattr(plan, "spearheads", None) or []):
        values["spearhead"] = spearhead
    copy = api.content.create(container=plan, type=SMART_PROJECT, safe_id=True, **values)
    copy.copied_from = copied_from
    copy.reindexObject()
    return copy


def _same_day_in(day, year):
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day.replace(year=year, day=28)


def copy_project(source, plan, title=None):
    """Copy the SmartProject ``source`` into ``plan``; return the new project.

    ``title`` (the one typed in the add form) replaces the source's title when
    given. The responsible person stays only within the same library: in another
    library that user id means nothing.
    """
    data = project_data(source)
    if title:
        data["title"] = title
    if _other_library(source, plan):
        data.pop("responsible", None)
    data["deadline"] = getattr(source, "deadline", None)
    source_plan_spearhead = getattr(source, "spearhead", None)
    copy = create_copy(plan, data, IUUID(source), spearhead=source_plan_spearhead)
    record_copy(source, copy)
    return copy


def record_copy(source, copy):
    """Remember on ``source`` who copied it, when and into which library."""
    annotations = IAnnotations(source)
    copies = annotations.get(COPIED_KEY)
    if copies is None:
        copies = annotations[COPIED_KEY] = PersistentList()
    library = _library_title(copy)
    user = api.user.get_current()
    copies.append(
        PersistentMapping(
            uid=IUUID(copy),
            library=library,
            user=user.getId() if user is not None else "",
            date=clock.today().isoformat(),
        )
    )
    # copy_count is metadata only: reindexing a cheap index refreshes it
    source.reindexObject(idxs=["getId"])


def copies_of(source):
    """``[{"uid", "library", "user", "date"}, ...]`` for a project."""
    return [dict(entry) for entry in IAnnotations(source).get(COPIED_KEY, ())]


def _other_library(source, plan):
    one, other = find_library(source), find_library(plan)
    return one is None or other is None or aq_base(one) is not aq_base(other)


def _library_title(obj):
    library = find_library(obj)
    return library.Title() if library is not None else ""
