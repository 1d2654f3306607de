"""Test layers of bibqual: a real Plone site with the add-on installed.

``FIXTURE`` is the site as ``bibqual:default`` installs it (CBCT Kwaliteit in Beeld
active, the default for new sites): the ``KIB_*`` layers and the demo run on it.
The tests written before KiB was the default tag their items with elements of the
SCOB 3rd round; they are about other things than the framework, so their layers
(``INTEGRATION_TESTING``, ``FUNCTIONAL_TESTING``) make SCOB the active framework
for each test, as it is on a site upgraded from 1003. (Per test, not in a sandbox
layer of its own: two sandbox layers on one base cannot be set up side by side,
the second would shadow the first one's database.)

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
import transaction


ACTIVE_FRAMEWORK = "bibqual.active_framework"


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


class Scob3IntegrationTesting(IntegrationTesting):
    """Integration tests on the bibqual site with the SCOB 3rd round active
    (undone with the test's transaction)."""

    def testSetUp(self):
        super().testSetUp()
        self["portal"].portal_registry[ACTIVE_FRAMEWORK] = "scob3"


class Scob3FunctionalTesting(FunctionalTesting):
    """Functional tests on the bibqual site with the SCOB 3rd round active
    (committed into the test's own storage, which is thrown away after it)."""

    def testSetUp(self):
        super().testSetUp()
        self["portal"].portal_registry[ACTIVE_FRAMEWORK] = "scob3"
        transaction.commit()


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

INTEGRATION_TESTING = Scob3IntegrationTesting(bases=(FIXTURE,), name="Bibqual:IntegrationTesting")
FUNCTIONAL_TESTING = Scob3FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE), name="Bibqual:FunctionalTesting"
)
KIB_INTEGRATION_TESTING = IntegrationTesting(bases=(FIXTURE,), name="Bibqual:KibIntegrationTesting")
KIB_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE), name="Bibqual:KibFunctionalTesting"
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
