"""Prepare a site for the load test: ``zconsole run ZOPE_CONF benchmarks/load/populate.py``.

``LOAD_PROJECTS`` (environment) is the size of the network made by ``benchmarks/generate.py``
(150 libraries per 20,000 projects); ``0`` prepares the demo site (made by scripts/create_site.py)
instead. Added for the load test: the people who log in (staff, coordinator and auditor of the
first ``PEOPLE_LIBRARIES`` libraries by id, password ``PASSWORD``), ``FILES_PER_LIBRARY`` released
evidence files per such library for the auditors to download, and Plone's own baseline content,
published: the folder ``plone-basis`` with ``BASELINE_ITEMS`` Documents, as many as a year plan of
the network holds projects. The site is complete when ``LOAD_INFO`` is set on it (in the last
commit); a second run reuses it and prints how long the preparation took.
"""

from datetime import timedelta
from pathlib import Path
import os
import sys
import time
import transaction


ROOT = Path.cwd()  # zconsole runs this from the checkout (benchmarks/load/network.py)
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchmarks.load.people import BASELINE_FOLDER  # noqa: E402
from benchmarks.load.people import BASELINE_ITEMS  # noqa: E402
from benchmarks.load.people import FILES_PER_LIBRARY  # noqa: E402
from benchmarks.load.people import LOAD_INFO  # noqa: E402
from benchmarks.load.people import NEWS_FOLDER  # noqa: E402
from benchmarks.load.people import PASSWORD  # noqa: E402
from benchmarks.load.people import ROUND_ID  # noqa: E402
from benchmarks.load.people import people_of  # noqa: E402


FILE_SIZE = 60_000


def grant(username, obj, *roles):
    """Give ``username`` ``roles`` on ``obj`` and let the catalog know, for everything inside."""
    from plone import api

    api.user.grant_roles(username=username, obj=obj, roles=list(roles))
    obj.reindexObjectSecurity()


def add_people(site, libraries):
    """The staff, coordinator and auditor of each of ``libraries`` (local roles and grants)."""
    from bibqual.audit import grants
    from bibqual.clock import today
    from plone import api

    for library in libraries:
        for role, username in people_of(library.getId()).items():
            if not api.user.get(username=username):
                api.user.create(
                    email=f"{username}@load.example",
                    username=username,
                    password=PASSWORD,
                    properties={"fullname": f"{role.capitalize()} {library.Title()}"},
                )
            if role == "staff":
                grant(username, library, "Editor", "Contributor")
                # Plone's own writes, the baselines of bibqual's: editing and adding pages
                grant(username, site[BASELINE_FOLDER], "Editor")
                grant(username, site[NEWS_FOLDER], "Contributor")
            elif role == "coordinator":
                grant(username, library, "Reviewer")
            else:
                grants.grant(library, username, today() + timedelta(days=365))


def add_files(library, rng):
    """``FILES_PER_LIBRARY`` released evidence items with a PDF file of ``FILE_SIZE`` bytes."""
    from plone import api
    from plone.namedfile.file import NamedBlobFile

    for index in range(FILES_PER_LIBRARY):
        evidence = api.content.create(
            container=library,
            type="Evidence",
            id=f"bestand-{index}",
            title=f"Verslag met bestand {index}",
            file=NamedBlobFile(
                b"%PDF-1.7\n" + rng.randbytes(FILE_SIZE),
                contentType="application/pdf",
                filename=f"verslag-{index}.pdf",
            ),
            document_type="evaluatie",
            norm_fields=["resultaten-en-verantwoording"],
        )
        api.content.transition(obj=evidence, transition="release")


def add_round(library):
    """The library's certification round (audit in the spring), unless it has one."""
    from bibqual.clock import today
    from plone import api

    if ROUND_ID not in library.objectIds():
        api.content.create(
            container=library,
            type="Certification",
            id=ROUND_ID,
            title="Certificering 2027",
            framework="cbct-kib",
            audit_date=today() + timedelta(days=120),
            certified_until=today() + timedelta(days=180),
        )


def add_news_folder(site):
    """The folder where staff add Plone pages during the run (the baseline of additions)."""
    from plone import api

    if NEWS_FOLDER not in site.objectIds():
        folder = api.content.create(
            container=site, type="Folder", id=NEWS_FOLDER, title="Nieuws van medewerkers"
        )
        api.content.transition(obj=folder, transition="publish")


def add_baseline(site, items):
    """Plone's own pages to compare with: a published folder of ``items`` published Documents."""
    from plone import api
    from plone.app.textfield.value import RichTextValue

    folder = api.content.create(
        container=site, type="Folder", id=BASELINE_FOLDER, title="Plone-basis"
    )
    api.content.transition(obj=folder, transition="publish")
    text = "<p>" + " ".join(["De bibliotheek is er voor iedereen die wil lezen en leren."] * 20)
    for index in range(items):
        document = api.content.create(
            container=folder,
            type="Document",
            id=f"pagina-{index:02d}",
            title=f"Nieuws uit de bibliotheek {index}",
            description="Een gewone pagina van Plone, als vergelijking.",
            text=RichTextValue(text + "</p>", "text/html", "text/x-html-safe"),
        )
        api.content.transition(obj=document, transition="publish")


def load_libraries(site):
    """The libraries that get load-test people: the first ``PEOPLE_LIBRARIES`` by id."""
    from benchmarks.load.people import PEOPLE_LIBRARIES

    ids = sorted(brain.getId for brain in site.portal_catalog(portal_type="Library"))
    return [site[library_id] for library_id in ids[:PEOPLE_LIBRARIES]]


def settle(site, libraries):
    """What every run makes sure of (each step idempotent): the news folder, each library's
    round, and the people with their roles and a grant running a year from today."""
    add_news_folder(site)
    for library in libraries:
        add_round(library)
    add_people(site, libraries)


def main(app):
    from benchmarks import bench
    from benchmarks.generate import generate
    from plone import api
    import random

    projects = int(os.environ["LOAD_PROJECTS"])
    site = app.get("Plone")
    info = getattr(site, LOAD_INFO, None) if site is not None else None
    if info:
        if info["projects"] != projects:
            sys.exit(f"The database holds another load-test site ({info}); drop it first.")
        took = f"{info['seconds']:.0f} s on {info['made']}"
        print(f"Reusing the load-test site (prepared in {took}).")
        site, _request = bench.prepare(app, projects)
        with api.env.adopt_roles(["Manager"]):
            settle(site, load_libraries(site))
        transaction.commit()
        return
    if site is not None and projects:
        sys.exit("The database holds an incomplete network (generation was stopped): drop it.")
    if site is None and not projects:
        sys.exit("Create the demo site first (scripts/create_site.py).")
    started = time.monotonic()
    site, _request = bench.prepare(app, projects, build=lambda app, size: generate(app, size))
    rng = random.Random(20261128)
    libraries = load_libraries(site)
    with api.env.adopt_roles(["Manager"]):
        for library in libraries:
            add_files(library, rng)
        add_baseline(site, BASELINE_ITEMS)
        settle(site, libraries)
    seconds = time.monotonic() - started
    setattr(site, LOAD_INFO, {"projects": projects, "seconds": seconds, "made": time.ctime()})
    transaction.commit()
    print(f"Prepared the load-test site ({projects:,} projects) in {seconds:.0f} s.")


main(app)  # noqa: F821 (``app`` is given by zconsole run)
