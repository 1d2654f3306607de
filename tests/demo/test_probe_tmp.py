import pytest
@pytest.fixture
def portal(demo_integration):
    return demo_integration["portal"]

def test_probe(portal):
    from zope.component import queryUtility
    from zope.intid.interfaces import IIntIds
    from zc.relation.interfaces import ICatalog
    print("INTIDS", queryUtility(IIntIds), queryUtility(ICatalog))
    ps = portal.portal_setup
    print([p for p in ps.listProfilesWithUpgrades()][:3])
    print("relfield", ps.getLastVersionForProfile("plone.app.relationfield:default"), ps.getLastVersionForProfile("plone.app.intid:default"))
    print(portal.acl_users.getProperty if False else "", portal.portal_registry.get("plone.use_email_as_login"))
