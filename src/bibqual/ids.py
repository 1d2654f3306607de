"""Public identifiers of bibqual (see CONTRACT.md): one constant per id."""

# Content types (portal_type ids)
LIBRARY = "Library"
YEAR_PLAN = "YearPlan"
SMART_PROJECT = "SmartProject"
ASSURANCE_PROJECT = "AssuranceProject"
EVIDENCE = "Evidence"
# The certification round
CERTIFICATION = "Certification"
SELF_ASSESSMENT = "SelfAssessment"
AUDIT_REPORT = "AuditReport"
FINDING = "Finding"

ROUND_TYPES = (CERTIFICATION, SELF_ASSESSMENT, AUDIT_REPORT, FINDING)
# versioned by bibqual itself (content/history.py, repositorytool.xml)
VERSIONED_TYPES = (SMART_PROJECT, ASSURANCE_PROJECT, EVIDENCE)
BIBQUAL_TYPES = (LIBRARY, YEAR_PLAN, SMART_PROJECT, ASSURANCE_PROJECT, EVIDENCE, *ROUND_TYPES)

# Roles
AUDITOR_ROLE = "Auditor"

# Profiles
PROFILE_DEFAULT = "profile-bibqual:default"
PROFILE_UNINSTALL = "profile-bibqual:uninstall"
PROFILE_DEMO = "profile-bibqual:demo"

# Registry prefix of the settings (see interfaces.IBibqualSettings)
REGISTRY_PREFIX = "bibqual"

# Vocabulary names
VOCAB_NORM_FIELDS = "bibqual.vocabularies.NormFields"
VOCAB_NORM_FRAMEWORKS = "bibqual.vocabularies.NormFrameworks"
VOCAB_NORM_MODULES = "bibqual.vocabularies.NormModules"
VOCAB_CORE_FUNCTIONS = "bibqual.vocabularies.CoreFunctions"
VOCAB_DOCUMENT_TYPES = "bibqual.vocabularies.DocumentTypes"
VOCAB_SPEARHEADS = "bibqual.vocabularies.Spearheads"
VOCAB_OUTCOMES = "bibqual.vocabularies.Outcomes"
VOCAB_FINDING_KINDS = "bibqual.vocabularies.FindingKinds"

# Outcomes of a certification round (Certification and AuditReport ``outcome``)
CERTIFIED = "certified"
CONDITIONAL = "conditional"
NOT_CERTIFIED = "not_certified"
OUTCOMES = (CERTIFIED, CONDITIONAL, NOT_CERTIFIED)

# Kinds of audit findings (Finding ``kind``)
STRENGTH = "strength"
IMPROVEMENT = "improvement"
SHORTCOMING = "shortcoming"
FINDING_KINDS = (STRENGTH, IMPROVEMENT, SHORTCOMING)

# Year bounds of a year plan
YEAR_MIN = 2000
YEAR_MAX = 2100

# Document types (Evidence ``document_type``) the certifier asks for before the
# audit: the audit dossier's checklist (``documents.dossier_index``) matches them.
DOCUMENT_POLICY_PLAN = "beleidsplan"
DOCUMENT_ANNUAL_REPORT = "jaarverslag"
DOCUMENT_SELF_EVALUATION = "zelfevaluatie"
DOCUMENT_AUDIT_DAY_PROPOSAL = "auditdagvoorstel"
