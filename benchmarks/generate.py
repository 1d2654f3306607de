"""A synthetic library network for the benchmarks.

``generate(app, projects)`` creates the site ``Plone`` (Classic UI, bibqual
installed, no demo) with 150 libraries per 20,000 projects (``libraries_for``),
each with 5 year plans sharing its projects (about 27 per plan), as many
evidence items as projects, and 5 assurance projects per library. Texts are
drawn from Dutch library vocabulary with a fixed seed, so text search behaves
like real data and runs repeat.
"""

from datetime import date
from plone import api
import random
import time
import transaction


# stopping a project needs a reason (the guard of ``cancel``)
STEP_COMMENT = {"cancel": "Gestopt: past niet in de begroting."}


PLANS_PER_LIBRARY = 5
LIBRARIES_PER_20000 = 150
FIRST_YEAR = 2022
SUBJECTS = (
    "voorlezen",
    "taalhuis",
    "digicafé",
    "leesclub",
    "makerspace",
    "boekstart",
    "dagboek",
    "schrijfwedstrijd",
    "mediawijsheid",
    "informatiepunt",
    "taalmaatjes",
    "debatavond",
    "muziekles",
    "erfgoed",
    "filmhuis",
    "bibliotheekbus",
    "jeugdjury",
    "poëzie",
    "podcast",
    "robotica",
    "spelletjesmiddag",
    "vertelkring",
    "archief",
    "expositie",
    "nieuwsbrief",
)
GROUPS = (
    "peuters",
    "basisschoolkinderen",
    "jongeren",
    "senioren",
    "laaggeletterden",
    "nieuwkomers",
    "ouders",
    "werkzoekenden",
    "mantelzorgers",
    "vrijwilligers",
)
PLACES = ("Medemblik", "Hoorn", "Enkhuizen", "Opmeer", "Schagen", "Heerhugowaard", "Alkmaar")
NORM = (  # the elements of CBCT Kwaliteit in Beeld, the framework a new site has active
    "missie-visie-strategie",
    "middelen",
    "mensen",
    "samenwerking",
    "producten-en-diensten",
    "resultaten-en-verantwoording",
    "wet-en-regelgeving",
)
CORE = (
    "kennis-en-informatie",
    "ontwikkeling-en-educatie",
    "lezen-en-literatuur",
    "ontmoeting-en-debat",
    "kunst-en-cultuur",
)
STATE_STEPS = (
    (),
    ("start",),
    ("start", "evaluate"),
    ("start", "evaluate", "adjust"),
    ("start", "evaluate", "adjust", "complete"),
    ("cancel",),
)


def _satisfaction(index):
    """The satisfaction result: known only for the projects that are completed."""
    return 7.5 if "complete" in STATE_STEPS[index % len(STATE_STEPS)] else None


def _project_values(rng, year, index):
    subject = rng.choice(SUBJECTS)
    group = rng.choice(GROUPS)
    place = rng.choice(PLACES)
    return {
        "id": f"project-{index:02d}",
        "title": f"{subject.capitalize()} voor {group} in {place}",
        "specific": f"In {place} bereiken we {group} met {subject}, elke maand.",
        "measurable": f"Aantal {group} dat meedoet aan {subject}.",
        "achievable": "Met partners uit de wijk.",
        "realistic": "Binnen het budget van de vestiging.",
        "start": date(year, 1 + index % 6, 1),
        "deadline": date(year, 7 + index % 6, 28),
        "responsible": f"medewerker{index % 7}",
        "partners": [f"Partner {rng.randint(1, 40)}"],
        "target_groups": [group],
        "budget": rng.randint(0, 20) * 500,
        "norm_fields": rng.sample(NORM, 2),
        "core_functions": [rng.choice(CORE)],
        "evaluation": "Tussentijds geëvalueerd.",
        "indicators": [
            {
                "name": f"Deelnemende {group}",
                "target": 100,
                "actual": rng.randint(0, 120),
                "unit": "personen",
            },
            # a project that gets completed needs a result for every indicator
            {"name": "Tevredenheid", "target": 8, "actual": _satisfaction(index), "unit": "cijfer"},
        ],
    }


def libraries_for(projects):
    """How many libraries a network of ``projects`` projects has (150 for 20,000)."""
    return max(1, round(projects * LIBRARIES_PER_20000 / 20000))


def plan_sizes(projects, libraries):
    """The number of projects of each year plan of one library: the library's share of
    ``projects`` spread over its ``PLANS_PER_LIBRARY`` plans, the first plans one more."""
    share = projects // libraries
    base, extra = divmod(share, PLANS_PER_LIBRARY)
    return [base + (1 if index < extra else 0) for index in range(PLANS_PER_LIBRARY)]


def generate(app, projects, log=print):
    """Create the benchmark site with about ``projects`` projects; return the site."""
    from Products.CMFPlone.factory import addPloneSite
    from zope.component.hooks import setSite

    rng = random.Random(20261122)
    site = addPloneSite(app, "Plone", distribution_name="classic", default_language="nl")
    setSite(site)
    site.portal_setup.runAllImportStepsFromProfile("profile-bibqual:default")
    repository = site.portal_repository
    versionable = list(repository.getVersionableContentTypes())
    repository.setVersionableContentTypes([])  # no initial versions while loading
    transaction.commit()
    libraries = libraries_for(projects)
    sizes = plan_sizes(projects, libraries)
    started = time.monotonic()
    with api.env.adopt_roles(["Manager"]):
        for number in range(libraries):
            library = api.content.create(
                container=site,
                type="Library",
                id=f"bieb-{number:03d}",
                title=f"Bibliotheek {rng.choice(PLACES)} {number}",
                share_with_network=number % 2 == 0,
            )
            for plan_index in range(PLANS_PER_LIBRARY):
                year = FIRST_YEAR + plan_index
                plan = api.content.create(
                    container=library,
                    type="YearPlan",
                    id=f"jaarplan-{year}",
                    title=f"Jaarplan {year}",
                    year=year,
                    spearheads=["Taal en lezen", "Digitale inclusie"],
                )
                api.content.transition(obj=plan, transition="adopt")
                for index in range(sizes[plan_index]):
                    project = api.content.create(
                        container=plan, type="SmartProject", **_project_values(rng, year, index)
                    )
                    for step in STATE_STEPS[index % len(STATE_STEPS)]:
                        api.content.transition(
                            obj=project, transition=step, comment=STEP_COMMENT.get(step, "")
                        )
            for index in range(sum(sizes)):
                evidence = api.content.create(
                    container=library,
                    type="Evidence",
                    id=f"bewijs-{index:03d}",
                    title=f"Verslag {rng.choice(SUBJECTS)} {index}",
                    remote_url=f"https://example.org/{number}/{index}.pdf",
                    document_type="evaluatie",
                    norm_fields=rng.sample(NORM, 1),
                    valid_until=date(2027, 1 + index % 12, 1),
                )
                if index % 3:
                    api.content.transition(obj=evidence, transition="release")
            for index in range(5):
                api.content.create(
                    container=library,
                    type="AssuranceProject",
                    id=f"borging-{index}",
                    title=f"Borging {rng.choice(SUBJECTS)}",
                    agreement="Jaarlijks toetsen",
                    next_review=date(2027, 1 + index, 15),
                    norm_fields=rng.sample(NORM, 1),
                )
            transaction.commit()
            elapsed = time.monotonic() - started
            log(f"  library {number + 1}/{libraries} done ({elapsed:.0f} s)")
    repository.setVersionableContentTypes(versionable)
    transaction.commit()
    return site
