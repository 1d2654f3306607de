"""POST {finding}/@corrective-project {"type": "SmartProject"|"AssuranceProject", ...}."""

from bibqual.certification.corrective import create_corrective_project
from bibqual.services.base import BibqualService
from plone.restapi.interfaces import ISerializeToJson
from zope.component import getMultiAdapter


class CorrectiveProjectPost(BibqualService):
    """Make a corrective project from this open finding and link it to the finding.

    Permission: Modify portal content on the finding, and the add permission of
    the type where it lands (this year's plan, or the library for an assurance
    project): in practice the quality coordinator. The body holds ``type``
    (default ``SmartProject``) and any fields of that type (``title``,
    ``deadline``, ``specific``, ...); the finding fills in title, norm element,
    specific goal (agreement) and deadline (next review). 201 with the new item;
    400 with the reason (closed finding, no year plan for this year, no
    deadline, a field refused), 403 (may not add there); nothing is stored then.
    """

    writes = True

    def answer(self):
        project = create_corrective_project(self.context, self.json_body())
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", project.absolute_url())
        return getMultiAdapter((project, self.request), ISerializeToJson)()
