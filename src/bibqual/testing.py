"""Test layers of bibqual: a real Plone site with the add-on installed."""

from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import applyProfile
from plone.testing.zope import WSGI_SERVER_FIXTURE
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


FIXTURE = BibqualLayer()
DEMO_FIXTURE = BibqualDemoLayer(bases=(FIXTURE,), name="BibqualDemoLayer:Fixture")

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
