"""Test layers of bibqual: a real Plone site with the add-on installed.

The host layer adds a plain site that bibqual is installed into by the test.
"""

from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import applyProfile
from plone.testing.zope import WSGI_SERVER_FIXTURE
from Products.CMFPlone.factory import addPloneSite
import bibqual


class BibqualLayer(PloneSandboxLayer):
    """Plone with plone.restapi and ``bibqual:default`` installed."""

    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import collective.z3cform.datagridfield
        import plone.restapi

        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=collective.z3cform.datagridfield)
        self.loadZCML(package=bibqual)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "bibqual:default")


class BibqualDemoLayer(PloneSandboxLayer):
    """The bibqual site with the ``bibqual:demo`` content and users, in Dutch
    (as ``make start`` creates it)."""

    defaultBases = ()

    def setUpPloneSite(self, portal):
        from plone import api

        api.portal.set_registry_record("plone.available_languages", ["nl"])
        api.portal.set_registry_record("plone.default_language", "nl")
        applyProfile(portal, "bibqual:demo")


HOST_SITE_ID = "intranet"
# The profiles of Plone's "classic" distribution (plone.classicui), as Site Setup makes a site.
CLASSIC_PROFILES = (
    "plone.app.contenttypes:default",
    "plone.app.layout:default",
    "plonetheme.barceloneta:default",
)


class BibqualHostLayer(PloneSandboxLayer):
    """A second site, ``intranet``: a Dutch Classic Plone site without bibqual installed
    (bibqual's code is loaded, as in any Zope that has the package): the intranet an
    administrator adds bibqual to (``tests/setup/test_host_snapshot.py``).

    A site of its own beside the bibqual site, because plone.testing cannot set up a
    sibling of ``FIXTURE`` while that one is kept for the whole session.
    """

    defaultBases = ()

    def setUpPloneSite(self, portal):
        addPloneSite(
            portal.aq_parent,
            HOST_SITE_ID,
            title="Intranet",
            extension_ids=CLASSIC_PROFILES,
            setup_content=False,
            default_language="nl",
            portal_timezone="Europe/Amsterdam",
        )


FIXTURE = BibqualLayer()
DEMO_FIXTURE = BibqualDemoLayer(bases=(FIXTURE,), name="BibqualDemoLayer:Fixture")

HOST_FIXTURE = BibqualHostLayer(bases=(FIXTURE,), name="BibqualHostLayer:Fixture")

INTEGRATION_TESTING = IntegrationTesting(bases=(FIXTURE,), name="Bibqual:IntegrationTesting")
FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE), name="Bibqual:FunctionalTesting"
)
DEMO_INTEGRATION_TESTING = IntegrationTesting(
    bases=(DEMO_FIXTURE,), name="Bibqual:DemoIntegrationTesting"
)
DEMO_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(DEMO_FIXTURE, WSGI_SERVER_FIXTURE), name="Bibqual:DemoFunctionalTesting"
)
HOST_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(HOST_FIXTURE,), name="Bibqual:HostFunctionalTesting"
)
