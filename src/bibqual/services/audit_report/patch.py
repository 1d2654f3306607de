"""PATCH {auditreport}: only who records the report changes it."""

from AccessControl import getSecurityManager
from bibqual import _
from bibqual.errors import BibqualError
from bibqual.permissions import RECORD_AUDIT_REPORT
from bibqual.services.base import ErrorAnswers
from plone.restapi.services.content.update import ContentPatch


class AuditReportPatch(ErrorAnswers, ContentPatch):
    """plone.restapi's PATCH, for who has "bibqual: Record audit report" (the
    quality coordinator and up). Anyone else who may reach it, an auditor on a
    draft report, gets 403 naming the keys sent, instead of plone.restapi's 204
    that would skip the fields they may not write; nothing is stored.
    """

    def reply(self):
        if not getSecurityManager().checkPermission(RECORD_AUDIT_REPORT, self.context):
            try:
                keys = sorted(key for key in self.json_body() if not key.startswith("@"))
            except BibqualError:
                keys = []
            return self.error(
                BibqualError(
                    _(
                        "Only the quality coordinator records the audit report; "
                        "you may not change it (${fields}).",
                        mapping={"fields": ", ".join(keys) or "-"},
                    ),
                    status=403,
                )
            )
        return super().reply()
