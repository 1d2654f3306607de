"""POST {yearplan}/@copy-project {"source": UID or URL, "title": text, "allow_duplicate": true}."""

from bibqual import _
from bibqual.errors import BibqualError
from bibqual.network.sources import copy_from_source
from bibqual.services.base import BibqualService
from plone.restapi.interfaces import ISerializeToJson
from zope.component import getMultiAdapter


class CopyProjectPost(BibqualService):
    """Copy a project into this year plan, reset for a new run.

    Permission: bibqual: Add SmartProject on the plan. The source is a UID or
    URL of a project the user may view or the network may see; or the URL of a
    project on a partner site in the settings, fetched with the partner's
    service account. ``title`` (optional) is the copy's title instead of the
    source's. A source already in this plan (itself, or a copy of it) is
    refused with 409 unless ``allow_duplicate`` is ``true``. 201 with the new
    project; 400 (no source, a title or allow_duplicate of the wrong kind), 404
    (unknown or not to be copied: the same answer), 403 (a site that is no
    partner), 409 (already in this plan), 502 (the partner failed or answered
    garbage), 503 (too many partner requests), 504 (the partner was too slow);
    nothing is created then.
    """

    writes = True

    def answer(self):
        body = self.json_body()
        allow_duplicate = body.get("allow_duplicate", False)
        if not isinstance(allow_duplicate, bool):
            raise BibqualError(_("'allow_duplicate' must be true or false."))
        copy = copy_from_source(
            self.context,
            body.get("source"),
            title=body.get("title"),
            allow_duplicate=allow_duplicate,
        )
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", copy.absolute_url())
        return getMultiAdapter((copy, self.request), ISerializeToJson)()
