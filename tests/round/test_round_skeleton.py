"""The certification round's types and who may do what in them (first cut)."""

from datetime import date
from plone import api
from support.content import create
from support.content import make_library
from support.workflows import allowed
from support.workflows import make_users
from support.workflows import walk


def _round(portal):
    library = make_library(portal)
    make_users(library)
    with api.env.adopt_roles(["Manager"]):
        cert = create(
            library, "Certification", "ronde", title="Ronde 2027", certified_until=date(2027, 5, 31)
        )
        report = create(cert, "AuditReport", "rapport", title="Auditrapport")
        finding = create(
            report,
            "Finding",
            "bevinding",
            title="Bevinding",
            norm_field="middelen",
            kind="improvement",
            text="Meer doen",
        )
    return library, cert, report, finding


def test_auditor_edits_findings_of_a_draft_report_only(portal):
    _library, cert, report, finding = _round(portal)
    assert cert.audit_quarter == "2027-Q2"
    assert allowed("Auditor", "view", report)
    assert allowed("Auditor", "modify", finding)
    assert not allowed("Editor", "modify", finding)
    walk(report, ["finalize"])
    assert not allowed("Auditor", "modify", finding)
    assert allowed("Reviewer", "modify", finding)
