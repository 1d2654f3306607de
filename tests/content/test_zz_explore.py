from plone import api


def test_explore(portal, library, year_plan, project):
    print(sorted(portal.portal_types.objectIds()))
    print(api.user.get_roles())
    print(api.user.get_current())
    print([t.getId() for t in library.allowedContentTypes()])
    print([t.getId() for t in portal.allowedContentTypes()])
    for t in ("Library", "YearPlan", "SmartProject", "AssuranceProject", "Evidence"):
        fti = portal.portal_types[t]
        print(t, fti.add_permission, fti.klass, fti.behaviors, fti.global_allow)
    try:
        api.content.create(container=portal, type="YearPlan", title="x", year=2020)
    except Exception as e:
        print("ERR", type(e), e)
    try:
        api.content.create(container=year_plan, type="YearPlan", title="x", year=2020)
    except Exception as e:
        print("ERR", type(e), e)
    try:
        api.content.create(container=library, type="YearPlan", title="x", year=2026)
        print("created duplicate year")
    except Exception as e:
        print("ERR", type(e), e)
    assert 0
