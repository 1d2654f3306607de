"""The content tree of the tests: library, year plan, project, assurance project, evidence.

Every builder creates as a Manager; ``item_id=None`` lets Plone choose the id from the title.
"""

from datetime import date
from plone import api
from support import PASSWORD


def create(container, portal_type, item_id=None, **fields):
    """``portal_type`` in ``container`` with ``fields``, created as a Manager."""
    with api.env.adopt_roles(["Manager"]):
        if item_id is None:
            return api.content.create(container=container, type=portal_type, **fields)
        return api.content.create(
            container=container, type=portal_type, id=item_id, safe_id=False, **fields
        )


# Stopping a project needs a reason (the guard of ``cancel``).
STEP_COMMENTS = {"cancel": "Gestopt: test."}


def take_step(obj, step):
    """Take the transition ``step`` on ``obj``, with the comment it needs."""
    api.content.transition(obj=obj, transition=step, comment=STEP_COMMENTS.get(step, ""))


def transition(obj, steps):
    """Take the transitions ``steps`` on ``obj`` as a Manager; return ``obj``."""
    with api.env.adopt_roles(["Manager"]):
        for step in steps:
            take_step(obj, step)
    return obj


def make_library(portal, item_id="bieb", title="Bibliotheek Kennemerland", **fields):
    return create(portal, "Library", item_id, title=title, **fields)


def make_plan(library, year=2026, item_id=None, **fields):
    values = {"title": f"Jaarplan {year}", "spearheads": ["Taal en lezen"]}
    values.update(fields)
    return create(library, "YearPlan", item_id or f"jaarplan-{year}", year=year, **values)


def make_project(plan, item_id, title="Taalcafé", **fields):
    values = {
        "specific": "Wekelijks een taalcafé voor anderstaligen.",
        "start": date(2026, 2, 1),
        "deadline": date(2026, 11, 30),
        # with a result and an evaluation: the project can take every step up to ``done``
        "indicators": [{"name": "Sessies", "target": 40, "actual": 36, "unit": "sessies"}],
        "evaluation": "Goed bezocht, vooral op dinsdag.",
        "norm_fields": ["dienstverlening"],
    }
    values.update(fields)
    return create(plan, "SmartProject", item_id, title=title, **values)


def make_assurance(library, item_id, title="Collectieplan", **fields):
    values = {
        "agreement": "Het collectieplan wordt elk jaar geëvalueerd.",
        "interval_months": 12,
        "next_review": date(2026, 6, 1),
    }
    values.update(fields)
    return create(library, "AssuranceProject", item_id, title=title, **values)


def make_evidence(container, item_id, title="Jaarverslag", **fields):
    values = {"remote_url": "https://example.org/jaarverslag.pdf", "document_type": "jaarverslag"}
    values.update(fields)
    return create(container, "Evidence", item_id, title=title, **values)


def make_user(user_id, local_roles=(), **properties):
    """A user with the test ``PASSWORD``; ``local_roles`` is ``[(obj, [roles])]``."""
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            email=f"{user_id}@example.org",
            username=user_id,
            password=PASSWORD,
            properties=properties or None,
        )
        for obj, roles in local_roles:
            api.user.grant_roles(username=user_id, obj=obj, roles=roles)
            obj.reindexObjectSecurity()  # as the sharing tab does; plone.api does not
    return user_id
