"""Catalog queries shared by the reports."""

from bibqual.ids import ASSURANCE_PROJECT
from bibqual.ids import EVIDENCE
from bibqual.ids import SMART_PROJECT
from bibqual.ids import YEAR_PLAN
from plone import api
from plone.uuid.interfaces import IUUID
import re


SAFE_PATH = re.compile(r"^[A-Za-z0-9/._~-]*$")


def library_brains(library, portal_type, **query):
    """Brains of ``portal_type`` in ``library`` the current user may see."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog(portal_type=portal_type, library_uid=IUUID(library), **query)


def year_plans(library):
    return library_brains(library, YEAR_PLAN, sort_on="year", sort_order="descending")


def projects(library, **query):
    return library_brains(library, SMART_PROJECT, **query)


def assurance_projects(library, **query):
    return library_brains(library, ASSURANCE_PROJECT, **query)


def evidence(library, **query):
    return library_brains(library, EVIDENCE, **query)


def parent_path(brain):
    return brain.getPath().rsplit("/", 1)[0]


def as_date(value):
    """A date from a date, datetime or Zope DateTime (brain metadata holds any), or None."""
    if value is None or value == "" or value == "None":
        return None
    if hasattr(value, "asdatetime"):
        return value.asdatetime().date()
    if hasattr(value, "date") and callable(value.date):
        return value.date()
    return value


class BrainURLs:
    """URLs of brains without Zope's path-to-URL work per brain.

    The site's URL (virtual hosting included) is computed once and the brain's
    path below the site appended; a path with characters that need quoting
    falls back to ``brain.getURL()``.
    """

    def __init__(self):
        portal = api.portal.get()
        self.base_path = "/".join(portal.getPhysicalPath())
        self.base_url = portal.absolute_url()

    def __call__(self, brain):
        path = brain.getPath()
        if path.startswith(self.base_path + "/"):
            rest = path[len(self.base_path) :]
            if SAFE_PATH.match(rest):
                return self.base_url + rest
        return brain.getURL()
