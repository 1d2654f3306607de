"""GET {site}/@audit-overview."""

from bibqual.audit.overview import audit_overview
from bibqual.browser.base import STATE_TITLES
from bibqual.restapi.plain import plain
from bibqual.services.base import BibqualService
from plone import api


class AuditOverviewGet(BibqualService):
    """ "My audits": the libraries the caller is Auditor on (by local role or a
    running time-limited grant, with its last day in ``until``), each with its
    adopted and closed year plans. Logged-in users only (as ``@@audit-overview``);
    anonymous callers get 401.
    """

    def answer(self):
        overview = audit_overview(api.portal.get())
        for library in overview["items"]:
            for plan in library["year_plans"]:
                plan["review_state_title"] = STATE_TITLES.get(
                    plan["review_state"], plan["review_state"]
                )
        return plain(overview, self.request)
