"""POST {library}/@rollover {"from_year": Y, "to_year": Y+1}."""

from bibqual.planning.rollover import rollover
from bibqual.services.base import BibqualService


class RolloverPost(BibqualService):
    """A new year plan with the spearheads of ``from_year`` and copies of its
    projects that are not done or cancelled (and that the user may view).

    Permission: bibqual: Add YearPlan on the library. 201 with the new plan;
    400 when ``from_year`` has no plan, ``to_year`` already has one, or a year
    is malformed; nothing is created then.
    """

    writes = True

    def answer(self):
        body = self.json_body()
        plan, copies, skipped = rollover(self.context, body.get("from_year"), body.get("to_year"))
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
