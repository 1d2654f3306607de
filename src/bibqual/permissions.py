"""Permission names of bibqual, one constant each."""

ADD_LIBRARY = "bibqual: Add Library"
ADD_YEAR_PLAN = "bibqual: Add YearPlan"
ADD_SMART_PROJECT = "bibqual: Add SmartProject"
ADD_ASSURANCE_PROJECT = "bibqual: Add AssuranceProject"
ADD_EVIDENCE = "bibqual: Add Evidence"
MANAGE_SETTINGS = "bibqual: Manage settings"
