"""Classic UI: the quality coordinator grants and ends time-limited audit access."""

from bibqual import _
from bibqual.audit.grants import GrantError
from bibqual.audit.grants import grant
from bibqual.audit.grants import grants
from bibqual.audit.grants import revoke
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
import transaction


class AuditAccessView(BrowserView):
    """``@@audit-access`` on a Library: list, grant and end audit access.

    Permission: bibqual: Manage audit access. POSTs need the CSRF token.
    """

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            messages = IStatusMessage(self.request)
            if "form.grant" in form:
                try:
                    result = grant(self.context, form.get("user"), form.get("until"))
                except GrantError as error:
                    transaction.doom()
                    self.error = error.args[0]
                    messages.add(error.args[0], type="error")
                    return self.index()
                messages.add(
                    _(
                        "${user} may audit this library until ${until}.",
                        mapping={"user": result["fullname"], "until": result["until"]},
                    ),
                    type="info",
                )
            elif "form.revoke" in form:
                user = form.get("user", "")
                if revoke(self.context, user):
                    messages.add(
                        _("The audit access of ${user} has ended.", mapping={"user": user}),
                        type="info",
                    )
                else:
                    messages.add(
                        _("'${user}' has no audit access here.", mapping={"user": user}),
                        type="error",
                    )
            return self.request.response.redirect(f"{self.context.absolute_url()}/@@audit-access")
        return self.index()

    error = None

    def grants(self):
        return grants(self.context)
