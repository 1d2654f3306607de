"""Editor role for the groups mapped to an item's norm elements.

The setting ``bibqual.norm_field_groups`` maps a norm-element token to groups;
those groups get the Editor role on every project, assurance project and
evidence item tagged with that token. borg.localrole asks this provider for
the roles, and the catalog's security index includes them.
"""

from bibqual.content.classification import IClassification
from bibqual.settings import norm_field_groups
from borg.localrole.interfaces import ILocalRoleProvider
from zope.component import adapter
from zope.interface import implementer


EDITOR = "Editor"


@implementer(ILocalRoleProvider)
@adapter(IClassification)
class NormFieldEditors:
    """Local roles from the norm-field group mapping."""

    def __init__(self, context):
        self.context = context

    def _groups(self):
        mapping = norm_field_groups()
        if not mapping:
            return ()
        groups = []
        for token in getattr(self.context, "norm_fields", None) or ():
            groups.extend(group for group in mapping.get(token, ()) if group not in groups)
        return groups

    def getRoles(self, principal_id):
        return (EDITOR,) if principal_id in self._groups() else ()

    def getAllRoles(self):
        for group in self._groups():
            yield group, (EDITOR,)
