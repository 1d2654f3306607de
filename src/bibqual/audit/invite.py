"""Invite an auditor by e-mail, and find an existing user by a typed id.

``invite`` gives the owner of an e-mail address a time-limited grant on a library: an
existing user with that address gets it; otherwise a new account is made (its user id is
the address in lower case, its password random) and Plone's registration tool mails the
"set your password" link, as Plone does for a new user who sets the password by mail.
"""

from bibqual import _
from bibqual.audit import grants as grant_store
from bibqual.audit.grants import GrantError
from email.utils import parseaddr
from plone import api
from Products.CMFPlone.RegistrationTool import EmailAddressInvalid
from Products.CMFPlone.RegistrationTool import checkEmailAddress
import secrets


def check_email(value):
    """The e-mail address, stripped and in lower case; ``GrantError`` when it is none."""
    email = value.strip().lower() if isinstance(value, str) else ""
    if not email:
        raise GrantError(_("Give the e-mail address of the auditor."))
    try:
        checkEmailAddress(email)
    except EmailAddressInvalid:
        email = ""
    if not email or parseaddr(email)[1] != email:
        raise GrantError(
            _("'${email}' is not an e-mail address.", mapping={"email": value.strip()})
        )
    return email


def user_by_email(email):
    """The id of the one user with ``email`` (any case), or ``None``."""
    acl_users = api.portal.get_tool("acl_users")
    found = {
        info["userid"]
        for info in acl_users.searchUsers(email=email, exact_match=True)
        if info.get("userid")
    }
    found = {
        user_id
        for user_id in found
        if (api.user.get(userid=user_id).getProperty("email", "") or "").lower() == email
    }
    if len(found) > 1:
        raise GrantError(
            _(
                "Several users have the e-mail address ${email}; grant access to one of them "
                "by user id.",
                mapping={"email": email},
            )
        )
    return found.pop() if found else None


def user_by_id(text):
    """The id of the user ``text`` names, in any case (the Classic form's fallback
    without JavaScript); ``GrantError`` when there is none or more than one."""
    text = text.strip() if isinstance(text, str) else ""
    if not text:
        return grant_store.check_user(text)
    if api.user.get(userid=text) is not None:
        return text
    acl_users = api.portal.get_tool("acl_users")
    found = {
        info["userid"]
        for info in acl_users.searchUsers(id=text, exact_match=False)
        if (info.get("userid") or "").lower() == text.lower()
    }
    if len(found) == 1:
        return found.pop()
    return grant_store.check_user(text)


def invite(library, email, fullname, until):
    """Let the owner of ``email`` audit ``library`` up to and including ``until``; make the
    account and mail the set-password link when there is none. Who may call it: holders of
    "bibqual: Manage audit access" on the library. Returns the grant (``grants.describe``)
    with ``invited``: ``True`` when an account was made. Nothing is stored on bad input."""
    email = check_email(email)
    until = grant_store.parse_until(until)
    fullname = fullname.strip() if isinstance(fullname, str) else ""
    user_id = user_by_email(email)
    invited = user_id is None
    if invited:
        if not fullname:
            raise GrantError(_("Give the name of the auditor."))
        registration = api.portal.get_tool("portal_registration")
        if not registration.isMemberIdAllowed(email):
            raise GrantError(
                _("There is already a user or group '${user}'.", mapping={"user": email})
            )
        with api.env.adopt_roles(["Manager"]):
            api.user.create(
                email=email,
                username=email,
                password=secrets.token_urlsafe(24),
                properties={"fullname": fullname},
            )
        user_id = api.user.get(username=email).getId()
    result = grant_store.grant(library, user_id, until)
    if invited:
        try:
            api.portal.get_tool("portal_registration").registeredNotify(user_id)
        except Exception as error:  # SMTP down, no sender address: keep nothing
            raise GrantError(
                _(
                    "The invitation could not be mailed (${error}); nothing was changed.",
                    mapping={"error": str(error) or error.__class__.__name__},
                )
            ) from error
    return dict(result, invited=invited)
