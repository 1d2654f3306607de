"""GET {site}/@norm-frameworks."""

from bibqual.frameworks.site import active_token
from bibqual.frameworks.site import added_frameworks
from bibqual.frameworks.site import site_frameworks
from bibqual.services.base import BibqualService
from bibqual.vocabularies.norm import extra_elements


def framework_json(framework, active, added, extras):
    """One framework as JSON: elements with their aspects, scale, bands, modules."""
    return {
        "token": framework.token,
        "title": framework.title,
        "description": framework.description,
        "active": framework.token == active,
        "added": framework.token in added,
        "elements": [
            {
                "token": element.token,
                "title": element.title,
                "description": element.description,
                "module": element.module,
                "aspects": [{"token": a.token, "title": a.title} for a in element.aspects],
            }
            for element in framework.elements
        ],
        "extra_elements": [
            {"token": token, "title": title}
            for scope, token, title in extras
            if scope in (None, framework.token) and framework.element(token) is None
        ],
        "scale": {
            "min": framework.scale.min,
            "max": framework.scale.max,
            "labels": dict(framework.scale.labels),
        },
        "bands": [
            {
                "from": band.lower,
                "token": band.token,
                "title": band.title,
                "consequence": band.consequence,
            }
            for band in framework.bands
        ],
        "modules": [
            {"token": m.token, "title": m.title, "optional": m.optional} for m in framework.modules
        ],
    }


class NormFrameworksGet(BibqualService):
    """Every norm framework of the site (shipped and added by the administrator):
    token, title, elements with their aspects, the score scale, the outcome bands,
    and which one is active (``active``, and ``active: true`` on it).

    Permission: View on the site. The norms are public knowledge, published by
    the certifiers and shipped with bibqual; the answer holds no library data.
    """

    def answer(self):
        active = active_token()
        added = {framework.token for framework in added_frameworks()}
        extras = extra_elements()
        items = [
            framework_json(framework, active, added, extras)
            for framework in site_frameworks().values()
        ]
        return {
            "@id": f"{self.context.absolute_url()}/@norm-frameworks",
            "active": active,
            "items": items,
            "items_total": len(items),
        }
