"""The roles the workflow tables name, and the groups of them the tables grant to."""

from bibqual.ids import AUDITOR_ROLE


# Every role a table may name.
ALL_ROLES = (
    "Anonymous",
    "Authenticated",
    "Owner",
    "Contributor",
    "Editor",
    "Reader",
    "Reviewer",
    "Site Administrator",
    "Manager",
    AUDITOR_ROLE,
)

ADMINS = ("Site Administrator", "Manager")
COORDINATOR = ("Reviewer", *ADMINS)
STAFF_EDIT = ("Owner", "Editor", *COORDINATOR)
STAFF_ADD = ("Owner", "Contributor", "Editor", *COORDINATOR)
INTERNAL = ("Owner", "Contributor", "Editor", "Reader", *COORDINATOR)
AUDIT = (*INTERNAL, AUDITOR_ROLE)

# Who may share an item or block the inheritance of local roles: the quality
# coordinator only. Staff who could would lock the coordinator and the auditor
# out of their projects, or show drafts to anyone.
SHARING_ROLES = COORDINATOR
