"""Demo libraries, year plans, assurance projects, evidence and users (data only).

Relative dates keep the demo current whatever year it is installed in:
- year plans are keyed by their offset from this year (``-1`` last year, ``0`` this year);
- ``(month, day)`` or ``(month, day, years)`` is a date in this year, ``years`` later;
- ``days`` is a number of days from today.
Titles and comments may hold ``{previous}`` and ``{current}``, the two plan years.

``workflow`` lists the steps a new item takes after it is created, in order, each as
``(transition, comment)``. A year plan is closed after its projects have run; an assurance
project's ``next_review`` is the date after all its steps (every ``new_cycle`` moves it on).
"""

from bibqual.setuphandlers.demo_projects import MAIN_LIBRARY_ID
from bibqual.setuphandlers.demo_projects import OTHER_LIBRARY_ID
from bibqual.setuphandlers.demo_projects import PROJECTS
from bibqual.workflows.ids import ADJUST
from bibqual.workflows.ids import ADOPT
from bibqual.workflows.ids import ARCHIVE
from bibqual.workflows.ids import CLOSE
from bibqual.workflows.ids import EVALUATE
from bibqual.workflows.ids import NEW_CYCLE
from bibqual.workflows.ids import RELEASE
from bibqual.workflows.ids import START


__all__ = [
    "ASSURANCE_PROJECTS",
    "DEMO_PASSWORD",
    "DEMO_USERS",
    "EVIDENCE",
    "LIBRARIES",
    "MAIN_LIBRARY_ID",
    "OTHER_LIBRARY_ID",
    "PROJECTS",
    "TEXT_FILES",
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
                "workflow": [
                    (
                        ADOPT,
                        "Vastgesteld door het MT en besproken met de Raad van Toezicht en de "
                        "gemeenten.",
                    ),
                    (
                        CLOSE,
                        "Alle projecten zijn geëvalueerd en verantwoord in het jaarverslag "
                        "{previous}; het jaarplan is gesloten.",
                    ),
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
                "workflow": [
                    (
                        ADOPT,
                        "Vastgesteld door het MT; afgeleid van het meerjarenbeleidsplan en "
                        "besproken met de drie gemeenten.",
                    ),
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
                "description": (
                    "Concept-jaarplan van de Bibliotheek Kop van Noord; het wordt vastgesteld "
                    "na het overleg met de gemeente Schagen."
                ),
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
        # Two rounds behind it, the third one under way.
        "workflow": [
            (
                START,
                "Eerste ronde: uitleencijfers, omloopsnelheid en de wensen uit het "
                "klanttevredenheidsonderzoek zijn verzameld.",
            ),
            (EVALUATE, "Team Collectie en kwaliteitscoördinator bespreken de cijfers."),
            (
                ADJUST,
                "Evaluatie: de jeugdcollectie in Opmeer is verouderd en de vraag naar e-books "
                "groeit. Het MT heeft het bijgestelde collectieplan vastgesteld.",
            ),
            (NEW_CYCLE, "Collectieplan bijgesteld; de volgende evaluatie is over twaalf maanden."),
            (START, "Tweede ronde: de cijfers over {previous} worden verzameld."),
            (EVALUATE, "Cijfers compleet; evaluatie met het team Collectie gepland."),
            (
                ADJUST,
                "Evaluatie: de vernieuwde jeugdcollectie in Opmeer wordt 18% vaker geleend; "
                "het budget voor e-books gaat omhoog. Zie de Evaluatie collectieplan {previous}.",
            ),
            (NEW_CYCLE, "Bijstellingen vastgelegd; de derde ronde begint."),
            (START, "Derde ronde: de cijfers over het lopende jaar worden verzameld."),
        ],
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
        # The survey of last year is done; the next one waits for its turn.
        "workflow": [
            (
                START,
                "Vragenlijst afgestemd met het MT; het onderzoek loopt in alle vestigingen.",
            ),
            (EVALUATE, "Resultaten per vestiging binnen en verwerkt."),
            (
                ADJUST,
                "Evaluatie: hoge waardering voor de medewerkers en de collectie, lagere scores "
                "voor de openingstijden en de website. Het MT en de Raad van Toezicht nemen "
                "drie verbeteracties op in het jaarplan {current}.",
            ),
            (
                NEW_CYCLE,
                "Volgend onderzoek over drie jaar, dan met extra vragen over de digitale "
                "dienstverlening.",
            ),
        ],
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
        "workflow": [
            (START, "Meldingen van het eerste halfjaar worden verzameld."),
            (EVALUATE, "Overzicht van klachten, complimenten en suggesties klaar voor het MT."),
            (
                ADJUST,
                "Evaluatie: de meeste klachten gaan over de reserveringskosten en het parkeren "
                "bij de vestiging Medemblik. Besloten: reserveren wordt gratis voor de jeugd.",
            ),
            (NEW_CYCLE, "Tweede halfjaar gestart."),
            (START, "Meldingen van dit halfjaar worden verzameld."),
            (EVALUATE, "Overzicht klaar voor de bespreking in het MT van deze maand."),
        ],
    },
    {
        "id": "jaarlijkse-bespreking-opleidingsplan",
        "title": "Jaarlijkse bespreking opleidingsplan medewerkers",
        "agreement": (
            "Elk najaar bespreken de teamleiders met iedere medewerker de ontwikkelwensen. "
            "P&O en het MT stellen daarna het opleidingsplan voor het volgende jaar vast, met "
            "aandacht voor digitale vaardigheden en het werken met vrijwilligers."
        ),
        "interval_months": 12,
        "next_review": (10, 1, 1),
        "responsible": "Hanneke Smit",
        "norm_fields": ["medewerkers", "leiderschap"],
        "core_functions": [],
        "policy_topics": ["Personeelsbeleid", "Deskundigheidsbevordering"],
        "workflow": [
            (START, "Ontwikkelgesprekken gepland in september en oktober."),
            (EVALUATE, "Alle gesprekken gevoerd; de opleidingswensen zijn per team verzameld."),
            (
                ADJUST,
                "Evaluatie: veel vraag naar training in digitale hulpvragen en in het begeleiden "
                "van vrijwilligers. Het opleidingsbudget gaat voor de helft naar die twee thema's.",
            ),
        ],
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
        "workflow": [(RELEASE, "Vastgesteld beleidsplan; vrijgegeven voor de audit.")],
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
        "workflow": [(RELEASE, "Evaluatie vastgesteld door het MT.")],
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
        "workflow": [(RELEASE, "Definitieve resultaten; vrijgegeven voor de audit.")],
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
        "workflow": [
            (RELEASE, "Getekende overeenkomst; de verlenging wordt voorbereid."),
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
        "workflow": [(RELEASE, "Procedure vastgesteld door het MT.")],
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
        "workflow": [
            (RELEASE, "Jaarverslag {previous} vastgesteld door de Raad van Toezicht."),
        ],
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
        "workflow": [
            (RELEASE, "Kwartaalcijfers compleet; vrijgegeven voor de evaluatie."),
            (
                ARCHIVE,
                "Project afgerond en BoekStart geborgd in de jeugdprogrammering; de "
                "projectcijfers gaan naar het archief.",
            ),
        ],
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
        "workflow": [(RELEASE, "Link naar de landelijke monitor gecontroleerd.")],
    },
    {
        # Still a draft: the Check of the project is not finished.
        "id": "tussenmeting-taalmaatjes",
        "title": "Tussenmeting Taalmaatjes {current} (concept)",
        "description": "Aanmeldingen, intakes, nieuwe en getrainde Taalmaatjes per vestiging.",
        "container": "taalmaatjes-werven-en-trainen",
        "file": "tussenmeting-taalmaatjes.csv",
        "document_type": "evaluatie",
        "valid_until": (12, 31, 0),
        "norm_fields": ["medewerkers", "netwerk"],
        "core_functions": ["ontwikkeling-en-educatie"],
        "policy_topics": ["Vrijwilligers", "Laaggeletterdheid"],
        "related": ["taalmaatjes-werven-en-trainen"],
    },
]

# Files made here instead of shipped in ``profiles/demo/files`` (by name, UTF-8 text).
TEXT_FILES = {
    "tussenmeting-taalmaatjes.csv": """\
vestiging;maand;aanmeldingen;intakegesprekken;nieuwe taalmaatjes;getraind;gestopt
Medemblik;februari;3;2;1;0;0
Medemblik;maart;2;2;1;0;0
Medemblik;april;1;1;0;2;0
Medemblik;mei;2;1;1;0;0
Medemblik;juni;1;1;0;0;1
Medemblik;juli;0;0;0;0;0
Medemblik;augustus;1;1;0;0;0
Medemblik;september;2;2;1;2;0
Opmeer;februari;1;1;0;0;0
Opmeer;maart;1;0;0;0;0
Opmeer;april;3;2;1;1;0
Opmeer;mei;4;3;2;0;0
Opmeer;juni;2;2;1;0;0
Opmeer;juli;1;1;0;0;0
Opmeer;augustus;0;0;0;0;1
Opmeer;september;2;1;1;4;0
Stede Broec;februari;2;1;1;0;0
Stede Broec;maart;1;1;1;0;0
Stede Broec;april;1;0;0;2;0
Stede Broec;mei;0;0;0;0;0
Stede Broec;juni;1;1;0;0;0
Stede Broec;juli;0;0;0;0;0
Stede Broec;augustus;1;1;0;0;0
Stede Broec;september;2;1;1;1;0
""",
}

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
