"""bibqual's CSS and JavaScript on bibqual's pages only.

The bundle ``plone.bundles/bibqual`` is registered disabled; this subscriber
switches it on for one request (Plone's ``add_bundle_on_request``) when the
published page is bibqual's:

- any page of bibqual content: its views, the add forms inside it (a project
  added to a year plan), its edit form, its sharing tab;
- the add form of a bibqual type anywhere (a library added to a folder);
- bibqual's own pages elsewhere (``@@audit-overview`` on the site root).

It runs after traversal, before the page renders its ``<head>``, and decides on
the published object alone: no catalog, no expression, a few attribute look-ups.
"""

from bibqual.browser.base import BibqualView
from bibqual.content.interfaces import IBibqualContent
from bibqual.ids import BIBQUAL_TYPES
from bibqual.interfaces import IBibqualLayer
from Products.CMFPlone.resources import add_bundle_on_request
from zope.publisher.interfaces.browser import IBrowserView


BUNDLE = "bibqual"


def is_bibqual_page(published):
    """True when ``published`` (the object the request publishes) is a bibqual page."""
    view = getattr(published, "__self__", published)  # a bound method: its object
    if not IBrowserView.providedBy(view):
        return IBibqualContent.providedBy(view)
    if isinstance(view, BibqualView) or IBibqualContent.providedBy(view.context):
        return True
    form = getattr(view, "form_instance", None)
    return getattr(form, "portal_type", None) in BIBQUAL_TYPES


def enable_on_bibqual_pages(event):
    """Subscriber (``IPubAfterTraversal``): bibqual's bundle for bibqual's pages."""
    request = event.request
    if IBibqualLayer.providedBy(request) and is_bibqual_page(request.get("PUBLISHED")):
        add_bundle_on_request(request, BUNDLE)
