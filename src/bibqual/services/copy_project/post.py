"""POST {yearplan}/@copy-project {"source": UID or URL}."""

from bibqual.network.copy import copy_project
from bibqual.network.partners import PartnerError
from bibqual.network.partners import copy_partner_project
from bibqual.network.sources import SourceError
from bibqual.network.sources import resolve_partner_source
from bibqual.network.sources import resolve_source
from bibqual.services.errors import error_reply
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.services import Service
from zope.component import getMultiAdapter
from zope.interface import alsoProvides


class CopyProjectPost(Service):
    """Copy a project into this year plan, reset for a new run.

    Permission: bibqual: Add SmartProject on the plan. The source is a UID or
    URL of a project the user may view, or of a library that shares with the
    network; or the URL of a project on a partner site in the settings, fetched
    with the partner's service account. 201 with the new project; 400 (no
    source), 404 (unknown), 403 (not shared, or a site that is no partner), 502
    (the partner failed or answered garbage), 504 (the partner was too slow);
    nothing is created then.
    """

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            body = json_body(self.request)
        except Exception:
            body = None
        source = body.get("source") if isinstance(body, dict) else None
        try:
            partner = resolve_partner_source(source)
            if partner is None:
                copy = copy_project(resolve_source(source), self.context)
            else:
                copy = copy_partner_project(source, self.context, sites=[partner])
        except (SourceError, PartnerError) as error:
            answer = error_reply(self.request, error.args[0], error.status)
            if isinstance(error, PartnerError):
                answer["error"]["type"] = error.kind
            return answer
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", copy.absolute_url())
        return getMultiAdapter((copy, self.request), ISerializeToJson)()
