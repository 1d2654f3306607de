"""The sites of the single-topic benchmarks (``bench_round``, ``bench_annual``, ``bench_dossier``).

Each benchmark has its own Zope instance with a FileStorage under ``var/bench-LABEL``;
``open_benchmark(label, build)`` opens it and, on the first run only, builds the site
``Plone`` with ``build(app)``, which starts from ``new_site(app)``. Import this module
after ``ROOT`` is on ``sys.path`` (as the scripts do); Zope is loaded lazily.
"""


def repeat_option(doc, default):
    """The script's ``--repeat`` option (runs to take the median of; ``default``), its
    ``--help`` the script's docstring ``doc``."""
    import argparse

    parser = argparse.ArgumentParser(description=doc)
    parser.add_argument("--repeat", type=int, default=default)
    return parser.parse_args().repeat


def open_benchmark(label, build):
    """``(db, site, request)`` of benchmark ``label``: the storage under
    ``var/bench-LABEL``, the site owner ``admin`` logged in, site and request set; the
    site is made by ``build(app)`` when the storage has none yet (first run)."""
    from benchmarks import bench

    db, app = bench.open_site(label)
    site, request = bench.prepare(app, label, build=lambda app, _size: build(app))
    return db, site, request


def new_site(app):
    """The Dutch Classic site ``Plone`` with bibqual installed and versioning off (no
    initial versions while loading), committed; returns the site, set as current."""
    from Products.CMFPlone.factory import addPloneSite
    from zope.component.hooks import setSite
    import transaction

    site = addPloneSite(app, "Plone", distribution_name="classic", default_language="nl")
    setSite(site)
    site.portal_setup.runAllImportStepsFromProfile("profile-bibqual:default")
    site.portal_repository.setVersionableContentTypes([])
    transaction.commit()
    return site


def add_projects(plan, rng, year, count, spearheads=()):
    """``count`` SMART projects ``project-000``... in ``plan`` (values of
    ``generate._project_values``), spread over the PDCA states of ``STATE_STEPS``;
    every indicator has a result, so that ``complete`` may be taken. With
    ``spearheads``, each project is on one of them in turn, or on none."""
    from benchmarks.generate import STATE_STEPS
    from benchmarks.generate import STEP_COMMENT
    from benchmarks.generate import _project_values
    from plone import api

    for index in range(count):
        values = _project_values(rng, year, index)
        values["id"] = f"project-{index:03d}"
        if spearheads:
            values["spearhead"] = [*spearheads, None][index % (len(spearheads) + 1)]
        values["indicators"] = [
            {**row, "actual": row["actual"] or 7} for row in values["indicators"]
        ]
        project = api.content.create(container=plan, type="SmartProject", **values)
        for step in STATE_STEPS[index % len(STATE_STEPS)]:
            api.content.transition(obj=project, transition=step, comment=STEP_COMMENT.get(step, ""))
