"""POST {library}/@rollover {"from_year": Y, "to_year": Y+1}."""

from bibqual.network.rollover import RolloverError
from bibqual.network.rollover import rollover
from bibqual.services.errors import error_reply
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zope.interface import alsoProvides


class RolloverPost(Service):
    """A new year plan with the spearheads of ``from_year`` and copies of its
    projects that are not done or cancelled.

    Permission: bibqual: Add YearPlan on the library. 201 with the new plan;
    400 when ``from_year`` has no plan, ``to_year`` already has one, or a year
    is malformed; nothing is created then.
    """

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            body = json_body(self.request)
        except Exception:
            body = None
        if not isinstance(body, dict):
            body = {}
        try:
            plan, copies, skipped = rollover(
                self.context, body.get("from_year"), body.get("to_year")
            )
        except RolloverError as error:
            return error_reply(self.request, error.args[0], 400)
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", plan.absolute_url())
        return {
            "@id": plan.absolute_url(),
            "title": plan.Title(),
            "year": plan.year,
            "spearheads": list(plan.spearheads or []),
            "copied": [{"@id": c.absolute_url(), "title": c.Title()} for c in copies],
            "skipped": skipped,
        }
