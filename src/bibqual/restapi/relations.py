"""Relations over REST: only the targets the caller may see.

plone.restapi gives out a summary (title, description, state, URL) of every
target of a relation list, seen by the caller or not. A finding's actions may
be projects of a draft year plan, which an auditor never sees: they are left
out for who may not view them.
"""

from AccessControl import getSecurityManager
from bibqual.content.finding import IFinding
from bibqual.interfaces import IBibqualLayer
from bibqual.permissions import VIEW
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.serializer.relationfield import RelationListFieldSerializer
from z3c.relationfield.interfaces import IRelationList
from zope.component import adapter
from zope.interface import implementer


@implementer(IFieldSerializer)
@adapter(IRelationList, IFinding, IBibqualLayer)
class VisibleRelationsSerializer(RelationListFieldSerializer):
    """A finding's ``actions``: the relations whose target the caller may view."""

    def get_value(self, default=None):
        security = getSecurityManager()
        return [
            relation
            for relation in super().get_value(default) or []
            if security.checkPermission(VIEW, relation.to_object)
        ]
