"""``bibqual-reminders``: the daily reminder run, for cron.

Usage: ``bibqual-reminders ZOPE_CONF SITE_ID [--url PUBLIC_URL] [--dry-run]``,
e.g. from cron at 06:30 every day::

    30 6 * * * /srv/bibqual/.venv/bin/bibqual-reminders /srv/bibqual/etc/zope.conf Plone --url https://kwaliteit.example.nl

It opens the Zope database of ``ZOPE_CONF`` as ``zconsole`` does (a RelStorage or
ZEO database is shared with the running instances; an embedded FileStorage is
locked while an instance runs on it), runs ``reminders.run.run_reminders`` on
the site as a system user with the Manager role and commits what it marked as sent.
``--url`` is the site's address as people reach it: the links in the mails use it.
Prints one line per mail; exits 1 when a mail failed (it is tried again next run).
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from AccessControl.users import UnrestrictedUser
from bibqual.interfaces import IBibqualLayer
from bibqual.reminders.run import FAILED
from bibqual.reminders.run import run_reminders
from Testing.makerequest import makerequest
from urllib.parse import urlsplit
from zope.component.hooks import setSite
from zope.globalrequest import setRequest
from zope.interface import alsoProvides
from Zope2.Startup.run import make_wsgi_app
import argparse
import sys
import transaction
import Zope2


SYSTEM_USER = "bibqual-reminders"


def open_site(zope_conf, site_id, url=None):
    """The site ``site_id`` of the Zope configured by ``zope_conf``, with a request
    whose URLs are ``url`` (when given), as the current site."""
    make_wsgi_app({}, zope_conf)
    app = makerequest(Zope2.app())
    site = app[site_id]
    request = app.REQUEST
    if url:
        parts = urlsplit(url)
        request.setServerURL(parts.scheme, parts.hostname, parts.port)
        request.other["PARENTS"] = [site]  # the site is the virtual root of ``url``
        request.setVirtualRoot([part for part in parts.path.split("/") if part])
    setRequest(request)
    setSite(site)
    return app, site


def as_system_user(app):
    """Act as a system user with the Manager role (not stored in any user folder)."""
    user = UnrestrictedUser(SYSTEM_USER, "", ["Manager"], [])
    newSecurityManager(None, user.__of__(app.acl_users))


def main(argv=None):
    """Run the reminders once (module docstring); return the exit code."""
    parser = argparse.ArgumentParser(prog="bibqual-reminders", description=__doc__.split("\n")[0])
    parser.add_argument("zope_conf", help="path of the instance's zope.conf")
    parser.add_argument("site_id", help="id of the Plone site, e.g. Plone")
    parser.add_argument("--url", help="the site's public address, for the links in the mails")
    parser.add_argument("--dry-run", action="store_true", help="show the mails, send nothing")
    args = parser.parse_args(argv)

    app, site = open_site(args.zope_conf, args.site_id, args.url)
    alsoProvides(app.REQUEST, IBibqualLayer)
    as_system_user(app)
    try:
        mails = run_reminders(site, dry_run=args.dry_run)
        transaction.commit()
    finally:
        noSecurityManager()
    for mail in mails:
        print(f"{mail['status']}\t{mail['email'] or mail['recipient']}\t{len(mail['items'])} items")
    print(f"{len(mails)} mails ({'dry run' if args.dry_run else 'sent'})")
    return 1 if any(mail["status"] == FAILED for mail in mails) else 0


if __name__ == "__main__":
    sys.exit(main())
