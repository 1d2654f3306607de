"""Demo libraries, year plans, assurance projects, evidence and users (data only).

Relative dates keep the demo current whatever year it is installed in:
- year plans are keyed by their offset from this year (``-1`` last year, ``0`` this year);
- ``(month, day)`` or ``(month, day, years)`` is a date in this year, ``years`` later;
- ``days`` is a number of days from today.
Titles may hold ``{previous}`` and ``{current}``, the two plan years.
"""

from bibqual.setuphandlers.demo_projects import MAIN_LIBRARY_ID
from bibqual.setuphandlers.demo_projects import OTHER_LIBRARY_ID
from bibqual.setuphandlers.demo_projects import PROJECTS


__all__ = [
    "ASSURANCE_PROJECTS",
    "DEMO_PASSWORD",
    "DEMO_USERS",
    "EVIDENCE",
    "LIBRARIES",
    "MAIN_LIBRARY_ID",
    "OTHER_LIBRARY_ID",
    "PROJECTS",
]

ALL_CORE_FUNCTIONS = [
    "kennis-en-informatie",
    "ontwikkeling-en-educatie",
    "lezen-en-literatuur",
    "ontmoeting-en-debat",
    "kunst-en-cultuur",
]

LIBRARIES = [
    {
        "id": MAIN_LIBRARY_ID,
        "title": "Bibliotheek Westfriesland-Noord",
        "description": (
            "Openbare bibliotheek met vestigingen in Medemblik, Opmeer en Stede Broec; "
            "gecertificeerd en actief in het regionale netwerk."
        ),
        "municipalities": ["Medemblik", "Opmeer", "Stede Broec"],
        "network": "Netwerk Noord-Holland Noord",
        "share_with_network": True,
        "year_plans": {
            -1: {
                "description": (
                    "Jaarplan met de speerpunten taal, de Bibliotheek op school en ontmoeting "
                    "in de wijk; alle projecten zijn geëvalueerd."
                ),
                "spearheads": [
                    "Taal en geletterdheid",
                    "Bibliotheek op school",
                    "Ontmoeting in de wijk",
                ],
            },
            0: {
                "description": (
                    "Jaarplan met de speerpunten taal en geletterdheid, digitale inclusie en de "
                    "Bibliotheek op school, afgeleid van het meerjarenbeleidsplan."
                ),
                "spearheads": [
                    "Taal en geletterdheid",
                    "Digitale inclusie",
                    "Bibliotheek op school",
                ],
            },
        },
    },
    {
        "id": OTHER_LIBRARY_ID,
        "title": "Bibliotheek Kop van Noord",
        "description": (
            "Kleine bibliotheek met een vestiging in Schagen en spreekuren in de dorpshuizen; "
            "deelt haar projecten (nog) niet met het netwerk."
        ),
        "municipalities": ["Schagen"],
        "network": "Netwerk Noord-Holland Noord",
        "share_with_network": False,
        "year_plans": {
            0: {
                "description": "Jaarplan van de Bibliotheek Kop van Noord.",
                "spearheads": ["Taal en geletterdheid", "Digitale inclusie"],
            },
        },
    },
]

ASSURANCE_PROJECTS = [
    {
        "id": "jaarlijkse-evaluatie-collectieplan",
        "title": "Jaarlijkse evaluatie collectieplan",
        "agreement": (
            "Het collectieplan wordt elk jaar in het eerste kwartaal geëvalueerd door het team "
            "Collectie en de kwaliteitscoördinator. Uitleencijfers, omloopsnelheid en de "
            "wensen uit het klanttevredenheidsonderzoek bepalen de bijstelling; het MT stelt "
            "het bijgestelde plan vast."
        ),
        "interval_months": 12,
        "next_review": {"days": 30},
        "responsible": "coordinator",
        "norm_fields": ["collectie", "processen"],
        "core_functions": ["lezen-en-literatuur", "kennis-en-informatie"],
        "policy_topics": ["Collectiebeleid"],
    },
    {
        "id": "klanttevredenheidsonderzoek",
        "title": "Klanttevredenheidsonderzoek (elke drie jaar)",
        "agreement": (
            "Om de drie jaar houdt de bibliotheek een groot klanttevredenheidsonderzoek onder "
            "leden en niet-leden in alle vestigingen. De uitkomsten worden besproken met het MT "
            "en de Raad van Toezicht en leiden tot verbeterprojecten in het jaarplan."
        ),
        "interval_months": 36,
        "next_review": (10, 1, 2),
        "responsible": "coordinator",
        "norm_fields": ["dienstverlening", "strategie"],
        "core_functions": ALL_CORE_FUNCTIONS,
        "policy_topics": ["Klanttevredenheid"],
    },
    {
        "id": "bespreking-klachten-en-suggesties",
        "title": "Halfjaarlijkse bespreking klachten en suggesties",
        "agreement": (
            "Elk half jaar bespreekt het managementteam alle klachten, complimenten en "
            "suggesties met de kwaliteitscoördinator; terugkerende onderwerpen worden een "
            "verbeteractie of een nieuwe afspraak."
        ),
        "interval_months": 6,
        "next_review": {"days": 120},
        "responsible": "Joris Vlaming",
        "norm_fields": ["processen", "dienstverlening"],
        "core_functions": [],
        "policy_topics": ["Klachtenprocedure"],
    },
]

# ``container``: id of the project or assurance project that holds the item, or None for
# the main library. ``related``: ids of projects and assurance projects it supports.
EVIDENCE = [
    {
        "id": "meerjarenbeleidsplan",
        "title": "Meerjarenbeleidsplan (samenvatting)",
        "description": "Missie, speerpunten en kwaliteitszorg voor de planperiode.",
        "container": None,
        "file": "meerjarenbeleidsplan-samenvatting.pdf",
        "document_type": "beleidsplan",
        "valid_until": (12, 31, 2),
        "norm_fields": ["strategie", "leiderschap", "gemeenten"],
        "core_functions": ALL_CORE_FUNCTIONS,
        "policy_topics": ["Meerjarenbeleid"],
        "related": ["digitale-taalspreekuren-taalhuis", "bibliotheek-op-school-vmbo"],
    },
    {
        "id": "evaluatie-collectieplan",
        "title": "Evaluatie collectieplan {previous}",
        "description": "Bevindingen en besluiten van de jaarlijkse evaluatie.",
        "container": "jaarlijkse-evaluatie-collectieplan",
        "file": "evaluatie-collectieplan.pdf",
        "document_type": "evaluatie",
        "valid_until": (3, 31, 1),
        "norm_fields": ["collectie", "processen"],
        "core_functions": ["lezen-en-literatuur"],
        "policy_topics": ["Collectiebeleid"],
        "related": ["jaarlijkse-evaluatie-collectieplan"],
    },
    {
        "id": "klanttevredenheidsonderzoek-resultaten",
        "title": "Klanttevredenheidsonderzoek {previous}: resultaten per vestiging",
        "description": "Scores per vraag en vestiging, met het aantal respondenten.",
        "container": None,
        "file": "klanttevredenheidsonderzoek-resultaten.csv",
        "document_type": "klanttevredenheidsonderzoek",
        "valid_until": (10, 1, 2),
        "norm_fields": ["dienstverlening", "strategie"],
        "core_functions": ALL_CORE_FUNCTIONS,
        "policy_topics": ["Klanttevredenheid"],
        "related": ["klanttevredenheidsonderzoek"],
    },
    {
        "id": "samenwerkingsovereenkomst-taalhuis",
        "title": "Samenwerkingsovereenkomst Taalhuis Westfriesland-Noord",
        "description": "Afspraken tussen bibliotheek, ROC, welzijnsorganisatie en gemeenten.",
        "container": "digitale-taalspreekuren-taalhuis",
        "file": "samenwerkingsovereenkomst-taalhuis.txt",
        "document_type": "overeenkomst",
        "valid_until": {"days": 45},
        "norm_fields": ["netwerk", "gemeenten"],
        "core_functions": ["ontwikkeling-en-educatie"],
        "policy_topics": ["Laaggeletterdheid"],
        "related": [
            "digitale-taalspreekuren-taalhuis",
            "huis-voor-taal-met-taalmaatjes",
            "taalmaatjes-werven-en-trainen",
        ],
    },
    {
        "id": "procedure-klachten-en-suggesties",
        "title": "Procedure klachten en suggesties",
        "description": "Hoe meldingen van klanten worden vastgelegd, afgehandeld en gebruikt.",
        "container": None,
        "file": "procedure-klachten-en-suggesties.txt",
        "document_type": "procedure",
        "valid_until": (12, 31, 1),
        "norm_fields": ["processen", "dienstverlening"],
        "core_functions": [],
        "policy_topics": ["Klachtenprocedure"],
        "related": ["bespreking-klachten-en-suggesties"],
    },
    {
        "id": "jaarverslag-kerncijfers",
        "title": "Jaarverslag {previous}: kerncijfers en hoogtepunten",
        "description": "Leden, bezoeken, uitleningen en hoogtepunten per kernfunctie.",
        "container": None,
        "file": "jaarverslag-kerncijfers.txt",
        "document_type": "jaarverslag",
        "valid_until": (6, 30, 1),
        "norm_fields": ["strategie", "gemeenten", "middelen"],
        "core_functions": ALL_CORE_FUNCTIONS,
        "policy_topics": ["Verantwoording"],
        "related": ["huis-voor-taal-met-taalmaatjes", "debatreeks-westfriesland-in-gesprek"],
    },
    {
        "id": "bereikcijfers-boekstart",
        "title": "Bereikcijfers BoekStart {previous} per kwartaal",
        "description": "Koffertjes, nieuwe babyleden en voorleesmomenten per vestiging.",
        "container": "boekstart-voor-babys",
        "file": "boekstart-bereik.csv",
        "document_type": "overig",
        "valid_until": (12, 31, 0),
        "norm_fields": ["dienstverlening", "collectie"],
        "core_functions": ["lezen-en-literatuur"],
        "policy_topics": ["Leesbevordering"],
        "related": ["boekstart-voor-babys"],
    },
    {
        "id": "monitor-bibliotheek-op-school",
        "title": "Monitor de Bibliotheek op school: schoolrapportages",
        "description": "De landelijke monitor met de leesmotivatie per school (extern).",
        "container": "leesconsulenten-primair-onderwijs",
        "remote_url": "https://www.debibliotheekopschool.nl/",
        "document_type": "evaluatie",
        "valid_until": (7, 31, 1),
        "norm_fields": ["netwerk", "dienstverlening"],
        "core_functions": ["lezen-en-literatuur", "ontwikkeling-en-educatie"],
        "policy_topics": ["Leesbevordering", "Onderwijs"],
        "related": ["leesconsulenten-primair-onderwijs", "bibliotheek-op-school-vmbo"],
    },
]

DEMO_PASSWORD = "bibqual-demo"

# Local roles on the main library.
DEMO_USERS = [
    {
        "username": "coordinator",
        "fullname": "Kwaliteitscoördinator",
        "email": "coordinator@example.org",
        "roles": ["Reviewer"],
    },
    {
        "username": "medewerker",
        "fullname": "Medewerker Bibliotheek",
        "email": "medewerker@example.org",
        "roles": ["Editor", "Contributor"],
    },
    {
        "username": "auditor",
        "fullname": "Auditor CBCT",
        "email": "auditor@example.org",
        "roles": ["Auditor"],
    },
]
