"""How bibqual's documents write words, dates and numbers: in Dutch.

Reports, the dossier and spreadsheets are read by the library and its Dutch
certifier, so they are written in Dutch whatever language the request negotiated
(the screens follow the request). One home for the document's language, date,
number and percentage formats and the titles of workflow states.
"""

from bibqual.reports.queries import as_date
from plone import api
from zope.i18n import translate


LANGUAGE = "nl"


def dutch(message, request=None):
    """``message`` (a msgid of bibqual, or any text) in the documents' language."""
    return translate(message, domain="bibqual", context=request, target_language=LANGUAGE)


def state_title(state, portal_type):
    """The Dutch title of ``state`` in the workflow of ``portal_type``."""
    tool = api.portal.get_tool("portal_workflow")
    return dutch(tool.getTitleForStateOnType(state, portal_type) or state)


def dutch_date(value):
    """``31-12-2026``, or ``""`` for none."""
    value = as_date(value)
    return value.strftime("%d-%m-%Y") if value else ""


def dutch_number(value):
    """``40``, ``2,5``; ``""`` for none."""
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",")


def dutch_percentage(value):
    """``78,5 %``: one decimal, a decimal comma; ``""`` for none."""
    if value is None:
        return ""
    return f"{float(value):.1f}".replace(".", ",") + " %"
