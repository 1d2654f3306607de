"""AuditReport: the auditors' report of a certification round; holds the findings."""

from bibqual import _
from bibqual.content.fields import Line
from bibqual.content.fields import Lines
from bibqual.content.fields import LongText
from bibqual.content.interfaces import IBibqualContent
from bibqual.ids import VOCAB_OUTCOMES
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from plone.z3cform.textlines import TextLinesFieldWidget
from zope import schema
from zope.interface import implementer


RECORD_AUDIT_REPORT = "bibqual.RecordAuditReport"


class IAuditReport(model.Schema):
    """What the audit team reported: date, auditors, percentage, outcome, summary."""

    directives.write_permission(
        title=RECORD_AUDIT_REPORT,
        audit_date=RECORD_AUDIT_REPORT,
        auditors=RECORD_AUDIT_REPORT,
        percentage=RECORD_AUDIT_REPORT,
        outcome=RECORD_AUDIT_REPORT,
        summary=RECORD_AUDIT_REPORT,
    )
    # Its own title field (no Dublin Core behavior): the Auditor may edit the findings
    # of a draft report, so the report's every field needs the coordinator's permission.
    title = Line(title=_("Title"), required=True)
    audit_date = schema.Date(title=_("Audit date"), required=False)
    directives.widget("auditors", TextLinesFieldWidget)
    auditors = Lines(title=_("Auditors"), description=_("One name per line."))
    percentage = schema.Float(
        title=_("Percentage"),
        description=_("The score the auditors gave, as a percentage of the maximum."),
        min=0.0,
        max=100.0,
        required=False,
    )
    outcome = schema.Choice(title=_("Outcome"), vocabulary=VOCAB_OUTCOMES, required=False)
    summary = LongText(title=_("Summary"), required=False)


@implementer(IAuditReport, IBibqualContent)
class AuditReport(Container):
    """An audit report."""
