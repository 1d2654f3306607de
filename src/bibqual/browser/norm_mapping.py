"""Carry norm tags over to the active framework: the coordinator's page on a Library."""

from bibqual import _
from bibqual.browser.base import BibqualView
from bibqual.browser.display import norm_terms
from bibqual.norms.mapping import apply_mapping
from bibqual.norms.mapping import mapping_preview
from bibqual.permissions import MANAGE_SETTINGS
from plone import api
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.statusmessages.interfaces import IStatusMessage


class NormMappingView(BibqualView):
    """``@@norm-mapping`` on a Library: per item, the elements of the active norm
    framework that the settings' mapping would add to its tags of another
    framework (a preview from brains, the same as GET ``@norm-mapping``), and
    a button that adds them. Nothing changes before the click; every tag the
    item had stays.

    Permission: Review portal content on the library (the coordinator). The
    POST needs the CSRF token.
    """

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("form.apply"):
            CheckAuthenticator(self.request)
            result = apply_mapping(self.context)
            IStatusMessage(self.request).add(
                _(
                    "Norm tags carried over on ${count} items.",
                    mapping={"count": result["items_total"]},
                ),
                type="info",
            )
            return self.request.response.redirect(f"{self.context.absolute_url()}/@@norm-mapping")
        return self.index()

    @memoize
    def preview(self):
        return mapping_preview(self.context)

    @memoize
    def terms(self):
        return norm_terms(self.context, self.request)

    def tag_titles(self, tokens):
        """Titles of an item's tags; a tag of another framework names that framework."""
        return ", ".join(self.terms().titles(tokens))

    def type_title(self, portal_type):
        fti = api.portal.get_tool("portal_types").getTypeInfo(portal_type)
        return self.tr(fti.Title()) if fti is not None else portal_type

    def settings_url(self):
        """The settings form, for those who may change the mapping."""
        portal = api.portal.get()
        if self.can(MANAGE_SETTINGS, portal):
            return f"{portal.absolute_url()}/@@bibqual-settings"
        return None
