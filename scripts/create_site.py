"""Create the demo Plone site once; run with ``zconsole run ZOPE_CONF scripts/create_site.py``.

Idempotent: when the site ``Plone`` exists nothing is changed, so a second
``make start`` reuses the data. Creates the Zope user admin/admin.
"""

from AccessControl.SecurityManagement import newSecurityManager
from Products.CMFPlone.factory import addPloneSite
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
import os
import transaction


SITE_ID = os.environ.get("SITE_ID", "Plone")
ADMIN = os.environ.get("ADMIN_USER", "admin")
ADMIN_PASSWORD = os.environ.get("ADMIN_PASSWORD", "admin")
PROFILES = ("bibqual:default", "bibqual:demo")


def main(app):
    app = makerequest(app)
    acl = app.acl_users
    if ADMIN not in acl.getUserNames():
        acl._doAddUser(ADMIN, ADMIN_PASSWORD, ["Manager"], [])
    admin = acl.getUserById(ADMIN)
    newSecurityManager(None, admin.__of__(acl))
    if SITE_ID in app.objectIds():
        print(f"Site {SITE_ID} exists: reusing it.")
        transaction.commit()
        return
    site = addPloneSite(
        app,
        SITE_ID,
        title="Bibliotheek Kwaliteit",
        distribution_name="classic",
        default_language="nl",
        portal_timezone="Europe/Amsterdam",
        setup_content=False,
    )
    setSite(site)
    for profile in PROFILES:
        site.portal_setup.runAllImportStepsFromProfile(f"profile-{profile}")
    transaction.commit()
    print(f"Site {SITE_ID} created with {', '.join(PROFILES)}.")


main(app)  # noqa: F821 (``app`` is given by zconsole run)
