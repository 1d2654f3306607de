"""Permission names of bibqual, one constant each."""

# bibqual's own (registered in permissions.zcml)
ADD_LIBRARY = "bibqual: Add Library"
ADD_YEAR_PLAN = "bibqual: Add YearPlan"
ADD_SMART_PROJECT = "bibqual: Add SmartProject"
ADD_ASSURANCE_PROJECT = "bibqual: Add AssuranceProject"
ADD_EVIDENCE = "bibqual: Add Evidence"
ADD_CERTIFICATION = "bibqual: Add Certification"
ADD_SELF_ASSESSMENT = "bibqual: Add SelfAssessment"
ADD_AUDIT_REPORT = "bibqual: Add AuditReport"
ADD_FINDING = "bibqual: Add Finding"
# Writing the audit report's own fields (the coordinator); an auditor with a running
# grant may edit the findings of a draft report, never the report itself.
RECORD_AUDIT_REPORT = "bibqual: Record audit report"
MANAGE_SETTINGS = "bibqual: Manage settings"
DELEGATE_AUDITOR = "bibqual: Delegate Auditor role"
MANAGE_AUDIT_ACCESS = "bibqual: Manage audit access"
SEARCH_NETWORK = "bibqual: Search the network"
SEARCH_PARTNERS = "bibqual: Search partner sites"

# Every permission bibqual registers (its rolemap.xml sets them on the site root).
BIBQUAL_PERMISSIONS = (
    ADD_LIBRARY,
    ADD_YEAR_PLAN,
    ADD_SMART_PROJECT,
    ADD_ASSURANCE_PROJECT,
    ADD_EVIDENCE,
    ADD_CERTIFICATION,
    ADD_SELF_ASSESSMENT,
    ADD_AUDIT_REPORT,
    ADD_FINDING,
    RECORD_AUDIT_REPORT,
    MANAGE_SETTINGS,
    DELEGATE_AUDITOR,
    MANAGE_AUDIT_ACCESS,
    SEARCH_NETWORK,
    SEARCH_PARTNERS,
)

# Plone's own permissions that bibqual's workflows and views name (titles as
# Zope knows them; the workflow definitions map each of them on purpose).
VIEW = "View"
ACCESS_CONTENTS = "Access contents information"
MODIFY_CONTENT = "Modify portal content"
DELETE_OBJECTS = "Delete objects"
REVIEW_CONTENT = "Review portal content"
ADD_PORTAL_CONTENT = "Add portal content"
# Plone's display menu ("Weergave"): only site administrators change a bibqual item's layout.
MODIFY_VIEW_TEMPLATE = "Modify view template"
# Sharing an item or blocking the inheritance of its local roles.
SHARING = (
    "Change local roles",
    "Sharing page: Delegate roles",
    "Sharing page: Delegate Reader role",
    "Sharing page: Delegate Editor role",
    "Sharing page: Delegate Contributor role",
    "Sharing page: Delegate Reviewer role",
)
