"""Classic UI: the quality coordinator sees everyone who can audit the library, grants,
invites and ends audit access."""

from bibqual import _
from bibqual.audit.access import auditors
from bibqual.audit.access import end_access
from bibqual.audit.grants import GrantError
from bibqual.audit.grants import grant
from bibqual.audit.invite import invite
from bibqual.audit.invite import user_by_id
from bibqual.browser.base import BibqualView
from datetime import date
from plone import api
from plone.protect import CheckAuthenticator
from Products.statusmessages.interfaces import IStatusMessage
import json
import transaction


USERS_VOCABULARY = "plone.app.vocabularies.Users"


class AuditAccessView(BibqualView):
    """``@@audit-access`` on a Library: everyone who can audit it (grants, sharing-tab
    roles, past grants), a user search to grant access, an invitation by e-mail, and
    ending access after a confirmation step (a second POST form, no JavaScript needed).

    Permission: bibqual: Manage audit access. POSTs need the CSRF token.
    """

    error = None
    confirm = None

    def __call__(self):
        form = self.request.form
        if self.request.method != "POST":
            return self.index()
        CheckAuthenticator(self.request)
        if "form.revoke" in form:
            return self.ask(form.get("user", ""))
        try:
            message = self.act(form)
        except GrantError as error:
            transaction.doom()
            self.error = error.message
            IStatusMessage(self.request).add(error.message, type="error")
            return self.index()
        if message is not None:
            IStatusMessage(self.request).add(message, type="info")
        return self.request.response.redirect(f"{self.context.absolute_url()}/@@audit-access")

    def act(self, form):
        """Carry out the form's button; the status message, or ``None``."""
        if "form.grant" in form:
            user = (form.get("user") or "").split(",")[0]
            result = grant(self.context, user_by_id(user), form.get("until"))
            return _(
                "${user} may audit this library until ${until}.",
                mapping={"user": result["fullname"], "until": result["until"]},
            )
        if "form.invite" in form:
            result = invite(
                self.context, form.get("email"), form.get("fullname"), form.get("until")
            )
            if result["invited"]:
                return _(
                    "${user} is invited: the account is made and a mail to set the password "
                    "is sent. Access runs until ${until}.",
                    mapping={"user": result["fullname"], "until": result["until"]},
                )
            return _(
                "${user} already had an account and may audit this library until ${until}.",
                mapping={"user": result["fullname"], "until": result["until"]},
            )
        if "form.revoke.confirm" in form:
            user = form.get("user", "")
            if end_access(self.context, user):
                return _("The audit access of ${user} has ended.", mapping={"user": user})
            raise GrantError(_("'${user}' has no audit access here.", mapping={"user": user}))
        return None

    def ask(self, user):
        """The confirmation step: the page again, with the entry to end and two buttons."""
        found = [item for item in self.items() if item["user"] == user and item["active"]]
        if not found:
            self.error = _("'${user}' has no audit access here.", mapping={"user": user})
            IStatusMessage(self.request).add(self.error, type="error")
        else:
            self.confirm = found[0]
        return self.index()

    def items(self):
        """Everyone who can audit this library (``audit.access.auditors``), memoised."""
        if not hasattr(self, "_items"):
            self._items = auditors(self.context)
        return self._items

    def day(self, iso):
        """A grant's end date (``YYYY-MM-DD``) the Dutch way (``31-12-2026``)."""
        return self.date(date.fromisoformat(iso)) if iso else ""

    def typed(self, button, name):
        """What the user typed in field ``name`` of the form with ``button``, shown again
        after a refusal (never carried into the other form)."""
        form = self.request.form
        return form.get(name) if button in form else None

    def user_search(self):
        """The options of the user search (mockup's select2 on Plone's Users vocabulary),
        asked on the site root: there Plone lets members ("List portal members") search."""
        url = api.portal.get().absolute_url()
        return json.dumps(
            {
                "vocabularyUrl": f"{url}/@@getVocabulary?name={USERS_VOCABULARY}",
                "maximumSelectionSize": 1,
                "allowNewItems": False,
            }
        )
