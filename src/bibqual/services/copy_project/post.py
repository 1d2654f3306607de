"""POST {yearplan}/@copy-project {"source": UID or URL}."""

from bibqual.network.sources import copy_from_source
from bibqual.services.base import BibqualService
from plone.restapi.interfaces import ISerializeToJson
from zope.component import getMultiAdapter


class CopyProjectPost(BibqualService):
    """Copy a project into this year plan, reset for a new run.

    Permission: bibqual: Add SmartProject on the plan. The source is a UID or
    URL of a project the user may view or the network may see; or the URL of a
    project on a partner site in the settings, fetched with the partner's
    service account. 201 with the new project; 400 (no source), 404 (unknown or
    not to be copied: the same answer), 403 (a site that is no partner), 502
    (the partner failed or answered garbage), 503 (too many partner requests),
    504 (the partner was too slow); nothing is created then.
    """

    writes = True

    def answer(self):
        copy = copy_from_source(self.context, self.json_body().get("source"))
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", copy.absolute_url())
        return getMultiAdapter((copy, self.request), ISerializeToJson)()
