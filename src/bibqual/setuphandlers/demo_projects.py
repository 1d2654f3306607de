"""SMART projects of the demo libraries (data only; see ``demo.py`` for the creation).

``PROJECTS`` maps a library id to ``{year offset: [project, ...]}``: offset ``-1`` is the
year plan of last year, ``0`` the one of this year. Dates are ``(month, day)`` in the year
plan's year, or ``(month, day, years)`` for a date ``years`` later.

``workflow`` lists the steps a new project takes after it is created, in order, each as
``(transition, comment)``; the last step decides its state (no steps: it stays in ``plan``).
Last year's projects are done (one was cancelled); this year's are spread over plan, do,
check and act; the projects of the second library wait in ``plan`` for its draft year plan.
Comments may hold ``{previous}`` and ``{current}``, the two plan years.
"""

from bibqual.workflows.ids import ADJUST
from bibqual.workflows.ids import CANCEL
from bibqual.workflows.ids import COMPLETE
from bibqual.workflows.ids import EVALUATE
from bibqual.workflows.ids import REPLAN
from bibqual.workflows.ids import START


MAIN_LIBRARY_ID = "bibliotheek-westfriesland-noord"
OTHER_LIBRARY_ID = "bibliotheek-kop-van-noord"

_PREVIOUS_MAIN = [
    {
        "id": "huis-voor-taal-met-taalmaatjes",
        "title": "Huis voor Taal met Taalmaatjes",
        "spearhead": "Taal en geletterdheid",
        "specific": (
            "In de drie vestigingen draait een Huis voor Taal waar laaggeletterde volwassenen "
            "wekelijks in studiegroepjes en met een vrijwillig Taalmaatje aan hun taal werken."
        ),
        "measurable": (
            "We tellen deelnemers, actieve Taalmaatjes en doorverwijzingen naar een formele "
            "cursus bij het ROC; de registratie loopt via het Taalhuis-intakeformulier."
        ),
        "achievable": (
            "Het ROC, de welzijnsorganisatie en de gemeenten hebben de samenwerking in een "
            "overeenkomst vastgelegd; de Taalhuiscoördinator is in dienst."
        ),
        "realistic": (
            "Eén coördinator voor 16 uur per week, een vrijwilligersbudget en de ruimte in de "
            "vestigingen; vergelijkbare bibliotheken halen deze aantallen ook."
        ),
        "start": (1, 15),
        "deadline": (12, 15),
        "indicators": [
            {"name": "Deelnemers Huis voor Taal", "target": 180, "actual": 212, "unit": "personen"},
            {"name": "Actieve Taalmaatjes", "target": 40, "actual": 41, "unit": "vrijwilligers"},
            {"name": "Doorverwijzingen naar ROC", "target": 30, "actual": 38, "unit": "personen"},
        ],
        "responsible": "coordinator",
        "partners": [
            "Taalhuis Westfriesland-Noord",
            "ROC Noord-Holland Noord",
            "Welzijnsorganisatie Samen Westfriesland",
        ],
        "target_groups": ["Laaggeletterde volwassenen", "Nieuwkomers (NT2)"],
        "budget": 38500,
        "core_functions": ["ontwikkeling-en-educatie"],
        "norm_fields": ["dienstverlening", "netwerk", "gemeenten"],
        "policy_topics": ["Laaggeletterdheid", "Leven lang ontwikkelen"],
        "evaluation": (
            "Alle doelen gehaald. De studiegroepjes zorgen voor veel reuring en verbinding in "
            "de vestigingen; in Opmeer bleef het aantal Taalmaatjes achter."
        ),
        "improvements": (
            "Werving van Taalmaatjes in Opmeer samen met de welzijnsorganisatie; het Huis voor "
            "Taal wordt als vaste dienst geborgd en krijgt digitale taalspreekuren."
        ),
        "workflow": [
            (
                START,
                (
                    "Overeenkomst met ROC, welzijnsorganisatie en gemeenten getekend; de "
                    "Taalhuiscoördinator is begonnen en de eerste studiegroepjes draaien."
                ),
            ),
            (
                EVALUATE,
                (
                    "Jaarcijfers uit de Taalhuisregistratie verzameld; evaluatie met de partners "
                    "in november."
                ),
            ),
            (
                ADJUST,
                (
                    "Alle doelen gehaald. Besloten: het Huis voor Taal wordt vaste dienst, met "
                    "digitale taalspreekuren en extra werving van Taalmaatjes in Opmeer."
                ),
            ),
            (
                COMPLETE,
                (
                    "Afgerond en verantwoord in het jaarverslag {previous}; het vervolg staat in "
                    "het jaarplan {current}."
                ),
            ),
        ],
    },
    {
        "id": "boekstart-voor-babys",
        "title": "BoekStart voor baby's en dreumesen",
        "spearhead": "Taal en geletterdheid",
        "specific": (
            "Ouders van alle baby's in het werkgebied krijgen via het consultatiebureau een "
            "uitnodiging voor een gratis BoekStartkoffertje en een voorleesmoment in de "
            "bibliotheek."
        ),
        "measurable": (
            "Aantal uitgereikte koffertjes en nieuwe babyleden per kwartaal; bezoekers van de "
            "maandelijkse voorleesmomenten."
        ),
        "achievable": (
            "De jeugdgezondheidszorg van de GGD deelt de waardebonnen uit; de kinderopvang doet "
            "mee met BoekStart in de kinderopvang."
        ),
        "realistic": (
            "Koffertjes worden landelijk geleverd; het voorlezen gebeurt door de "
            "jeugdbibliothecaris "
            "en twee vrijwilligers."
        ),
        "start": (1, 1),
        "deadline": (12, 31),
        "indicators": [
            {
                "name": "Uitgereikte BoekStartkoffertjes",
                "target": 450,
                "actual": 474,
                "unit": "stuks",
            },
            {"name": "Nieuwe babyleden", "target": 400, "actual": 428, "unit": "leden"},
        ],
        "responsible": "medewerker",
        "partners": ["GGD Hollands Noorden (jeugdgezondheidszorg)", "Kinderopvang De Zeester"],
        "target_groups": ["Ouders van baby's en dreumesen", "Pedagogisch medewerkers"],
        "budget": 6200,
        "core_functions": ["lezen-en-literatuur"],
        "norm_fields": ["dienstverlening", "collectie"],
        "policy_topics": ["Leesbevordering", "Voorschoolse educatie"],
        "evaluation": (
            "Bereik boven de doelstelling. In het derde kwartaal (zomer) liepen de "
            "voorleesmomenten terug."
        ),
        "improvements": (
            "In de zomer voorlezen in het park en op de kinderboerderij; BoekStart wordt geborgd "
            "in de vaste jeugdprogrammering."
        ),
        "workflow": [
            (
                START,
                "Afspraken met de GGD gemaakt; de waardebonnen worden sinds januari uitgedeeld.",
            ),
            (
                EVALUATE,
                (
                    "Bereikcijfers van vier kwartalen compleet; besproken met de "
                    "jeugdbibliothecaris."
                ),
            ),
            (
                ADJUST,
                (
                    "Bereik boven de doelstelling; de zomerdip wordt opgevangen met voorlezen in "
                    "het park. BoekStart gaat naar de vaste jeugdprogrammering."
                ),
            ),
            (COMPLETE, "Afgerond; BoekStart is geborgd in de vaste jeugdprogrammering."),
        ],
    },
    {
        "id": "leesconsulenten-primair-onderwijs",
        "title": "Bibliotheek op school: leesconsulenten in het primair onderwijs",
        "spearhead": "Bibliotheek op school",
        "specific": (
            "Elke basisschool in Medemblik, Opmeer en Stede Broec heeft een leesconsulent, een "
            "actuele schoolcollectie en een leesplan dat met de leescoördinator is opgesteld."
        ),
        "measurable": (
            "Aantal deelnemende scholen met een leesplan; leesplezier van leerlingen volgens de "
            "monitor de Bibliotheek op school."
        ),
        "achievable": (
            "De schoolbesturen betalen mee via de convenanten; de gemeenten financieren de "
            "leesconsulenten."
        ),
        "realistic": "Drie leesconsulenten (samen 2,4 fte) bedienen 27 scholen.",
        "start": (2, 1),
        "deadline": (7, 15),
        "indicators": [
            {"name": "Scholen met leesplan", "target": 27, "actual": 25, "unit": "scholen"},
            {"name": "Leerlingen dat graag leest", "target": 70, "actual": 66, "unit": "%"},
        ],
        "responsible": "Anouk de Boer",
        "partners": [
            "Stichting Openbaar Primair Onderwijs Westfriesland",
            "Basisschool De Springplank",
            "Gemeente Medemblik",
        ],
        "target_groups": ["Leerlingen groep 1-8", "Leerkrachten en leescoördinatoren"],
        "budget": 142000,
        "core_functions": ["lezen-en-literatuur", "ontwikkeling-en-educatie"],
        "norm_fields": ["netwerk", "gemeenten", "dienstverlening"],
        "policy_topics": ["Leesbevordering", "Onderwijs"],
        "evaluation": (
            "Twee scholen hebben nog geen leesplan door wisselingen in de directie. Het "
            "leesplezier steeg, maar bleef onder de doelstelling."
        ),
        "improvements": (
            "Leesplannen worden onderdeel van het convenant; de leesconsulenten starten een "
            "leesclub voor groep 6 tot 8."
        ),
        "workflow": [
            (
                START,
                (
                    "Convenanten met de schoolbesturen getekend; de leesconsulenten zijn op alle "
                    "scholen gestart."
                ),
            ),
            (
                EVALUATE,
                (
                    "Schoolrapportages van de monitor binnen; evaluatie met de leescoördinatoren "
                    "in juni."
                ),
            ),
            (
                ADJUST,
                (
                    "Twee scholen zonder leesplan en leesplezier onder de doelstelling. Besloten: "
                    "leesplannen gaan in het convenant en er komt een leesclub voor groep 6 tot 8."
                ),
            ),
            (
                COMPLETE,
                "Schooljaar afgerond; de afspraken zijn opgenomen in de nieuwe convenanten.",
            ),
        ],
    },
    {
        "id": "mediawijsheid-groep-7-en-8",
        "title": "Mediawijsheid in groep 7 en 8",
        "spearhead": "Bibliotheek op school",
        "specific": (
            "Leerlingen van groep 7 en 8 volgen drie lessen mediawijsheid over nepnieuws, privacy "
            "en zoeken op internet, gegeven door de mediacoach van de bibliotheek."
        ),
        "measurable": "Aantal gegeven lessen en het oordeel van leerkrachten (schaal 1-10).",
        "achievable": "Het lesmateriaal van de bibliotheek sluit aan op de kerndoelen.",
        "realistic": "De mediacoach heeft 8 uur per week voor scholen.",
        "start": (9, 1),
        "deadline": (12, 20),
        "indicators": [
            {"name": "Gegeven lessen", "target": 60, "actual": 54, "unit": "lessen"},
            {"name": "Oordeel leerkrachten", "target": 7.5, "actual": 8.1, "unit": "cijfer"},
        ],
        "responsible": "medewerker",
        "partners": ["Basisschool De Springplank", "Kindcentrum 't Kompas"],
        "target_groups": ["Leerlingen groep 7 en 8"],
        "budget": 4800,
        "core_functions": ["ontwikkeling-en-educatie", "kennis-en-informatie"],
        "norm_fields": ["dienstverlening", "medewerkers"],
        "policy_topics": ["Mediawijsheid", "Onderwijs"],
        "evaluation": "Leerkrachten zijn zeer tevreden; zes lessen vielen uit door ziekte.",
        "improvements": "Een tweede medewerker wordt opgeleid tot mediacoach.",
        "workflow": [
            (START, "Lessen ingepland met de scholen; de mediacoach begint na de herfstvakantie."),
            (
                EVALUATE,
                (
                    "Tussenstand in november: door ziekte van de mediacoach zijn zes lessen "
                    "uitgevallen."
                ),
            ),
            (
                ADJUST,
                (
                    "De uitgevallen lessen worden ingehaald; een tweede medewerker wordt opgeleid "
                    "tot mediacoach."
                ),
            ),
            (REPLAN, "Nieuwe planning gemaakt: de zes lessen worden in december gegeven."),
            (START, "Inhaallessen gestart volgens de nieuwe planning."),
            (
                EVALUATE,
                "Alle scholen hebben de lessen gehad; oordeel van de leerkrachten opgehaald.",
            ),
            (
                ADJUST,
                (
                    "Leerkrachten zeer tevreden (8,1); 54 van de 60 lessen gegeven. Besloten: "
                    "tweede mediacoach opleiden."
                ),
            ),
            (COMPLETE, "Afgerond; de lessen staan volgend schooljaar weer in het educatieve menu."),
        ],
    },
    {
        "id": "wijkbibliotheek-in-het-buurthuis",
        "title": "Wijkbibliotheek in het buurthuis",
        "spearhead": "Ontmoeting in de wijk",
        "specific": (
            "In buurthuis De Kern in Wervershoof opent een wijkbibliotheek met een kleine "
            "collectie, "
            "een leestafel en een wekelijks spreekuur, zodat inwoners zonder vestiging dichtbij de "
            "bibliotheek kunnen gebruiken."
        ),
        "measurable": (
            "Bezoekers per week, uitleningen en het aantal nieuwe leden uit de wijk; partners "
            "geven aan wat de samenwerking hen oplevert."
        ),
        "achievable": (
            "De woningcorporatie stelt de ruimte beschikbaar; de welzijnsorganisatie bemant het "
            "buurthuis met vrijwilligers."
        ),
        "realistic": (
            "Een wisselcollectie van 1.500 titels en vier uur bibliotheekmedewerker per week."
        ),
        "start": (3, 1),
        "deadline": (11, 30),
        "indicators": [
            {"name": "Bezoekers per week", "target": 80, "actual": 64, "unit": "bezoekers"},
            {"name": "Nieuwe leden uit de wijk", "target": 60, "actual": 47, "unit": "leden"},
        ],
        "responsible": "Joris Vlaming",
        "partners": [
            "Welzijnsorganisatie Samen Westfriesland",
            "Woningstichting Noorderhuis",
            "Buurthuis De Kern",
        ],
        "target_groups": ["Ouderen in de wijk", "Gezinnen zonder bibliotheekpas"],
        "budget": 12500,
        "core_functions": ["ontmoeting-en-debat", "lezen-en-literatuur"],
        "norm_fields": ["netwerk", "dienstverlening", "middelen"],
        "policy_topics": ["Extramuraal bibliotheekwerk", "Eenzaamheid"],
        "evaluation": (
            "De wijkbibliotheek is een ontmoetingsplek geworden, maar het bereik bleef onder de "
            "doelen; vooral jonge gezinnen weten de plek nog niet te vinden."
        ),
        "improvements": (
            "Voorleesmomenten op woensdagmiddag en samenwerking met het consultatiebureau in het "
            "buurthuis om gezinnen te bereiken."
        ),
        "workflow": [
            (
                START,
                (
                    "Huurafspraak met de woningstichting rond; de wijkbibliotheek is op 1 maart "
                    "geopend."
                ),
            ),
            (
                EVALUATE,
                (
                    "Bezoekers- en uitleencijfers verzameld; partners gaven hun oordeel in een "
                    "gesprek."
                ),
            ),
            (
                ADJUST,
                (
                    "Bereik onder de doelen, vooral jonge gezinnen komen nog weinig. Besloten: "
                    "voorleesmomenten op woensdagmiddag en samenwerking met het consultatiebureau."
                ),
            ),
            (COMPLETE, "Afgerond; de wijkbibliotheek blijft open met het aangepaste programma."),
        ],
    },
    {
        "id": "debatreeks-westfriesland-in-gesprek",
        "title": "Debatreeks 'Westfriesland in gesprek'",
        "spearhead": "Ontmoeting in de wijk",
        "specific": (
            "Vijf avonden in de vestiging Medemblik over lokale vraagstukken (energietransitie, "
            "wonen, zorg) met inwoners, raadsleden en deskundigen."
        ),
        "measurable": "Bezoekers per avond en waardering van de bezoekers in een korte enquête.",
        "achievable": "De gemeente en de lokale omroep zijn mede-organisator.",
        "realistic": "Sprekers werken belangeloos mee; de zaal is van de bibliotheek.",
        "start": (9, 15),
        "deadline": (12, 10),
        "indicators": [
            {
                "name": "Bezoekers gemiddeld per avond",
                "target": 100,
                "actual": 128,
                "unit": "bezoekers",
            },
            {"name": "Waardering bezoekers", "target": 7.5, "actual": 8.0, "unit": "cijfer"},
        ],
        "responsible": "coordinator",
        "partners": ["Gemeente Medemblik", "Omroep Westfriesland-Noord", "Dorpsraad Wervershoof"],
        "target_groups": ["Inwoners", "Raadsleden"],
        "budget": 3500,
        "core_functions": ["ontmoeting-en-debat", "kennis-en-informatie"],
        "norm_fields": ["gemeenten", "strategie"],
        "policy_topics": ["Democratie en burgerschap"],
        "evaluation": "Drukbezocht; de avond over wonen was volgeboekt.",
        "improvements": "De reeks krijgt een vervolg met jongeren, samen met het vmbo.",
        "workflow": [
            (
                START,
                (
                    "Programma met de gemeente en de lokale omroep rond; eerste avond op 15 "
                    "september."
                ),
            ),
            (EVALUATE, "Vijf avonden gehouden; enquêtes verwerkt."),
            (
                ADJUST,
                (
                    "Drukbezocht en goed gewaardeerd. Besloten: vervolgreeks met jongeren, samen "
                    "met het vmbo."
                ),
            ),
            (COMPLETE, "Afgerond en verantwoord aan de gemeente."),
        ],
    },
    {
        "id": "bibliotheekbus-langs-de-kleine-kernen",
        "title": "Bibliotheekbus langs de kleine kernen",
        "spearhead": "Ontmoeting in de wijk",
        "specific": (
            "De bibliotheekbus doet elke week vijf kleine kernen zonder vestiging aan, met een "
            "wisselcollectie, een koffiehoek en hulp bij digitale vragen."
        ),
        "measurable": "Haltes per week, bezoekers per halte en nieuwe leden uit de kernen.",
        "achievable": (
            "De dorpsraden zorgen voor een standplaats met stroom; de bus is van de bibliotheek."
        ),
        "realistic": "Twee chauffeurs-bibliotheekmedewerkers voor samen 1,2 fte.",
        "start": (3, 1),
        "deadline": (12, 15),
        "indicators": [
            {"name": "Haltes per week", "target": 5, "actual": None, "unit": "haltes"},
            {"name": "Bezoekers per halte", "target": 25, "actual": None, "unit": "bezoekers"},
        ],
        "responsible": "Joris Vlaming",
        "partners": ["Dorpsraad Wervershoof", "Dorpsraad Hauwert"],
        "target_groups": ["Inwoners van kleine kernen", "Ouderen in de wijk"],
        "budget": 21000,
        "core_functions": ["ontmoeting-en-debat", "lezen-en-literatuur"],
        "norm_fields": ["middelen", "dienstverlening"],
        "policy_topics": ["Extramuraal bibliotheekwerk"],
        "workflow": [
            (START, "De bus rijdt sinds maart; de eerste drie haltes zijn in gebruik."),
            (
                CANCEL,
                (
                    "De bibliotheekbus is in april bij de APK afgekeurd en een vervangende bus "
                    "past niet in de begroting. Het project stopt; de kernen krijgen de "
                    "bezorgservice en de wijkbibliotheek in het buurthuis."
                ),
            ),
        ],
    },
]

_CURRENT_MAIN = [
    {
        "id": "digitale-taalspreekuren-taalhuis",
        "title": "Taalhuis: digitale taalspreekuren",
        "spearhead": "Taal en geletterdheid",
        "specific": (
            "Het Taalhuis houdt in elke vestiging wekelijks een taalspreekuur waar volwassenen "
            "hulp krijgen bij lezen, schrijven en digitale formulieren, ook op afspraak via "
            "beeldbellen."
        ),
        "measurable": "Aantal spreekuurbezoeken en doorverwijzingen naar een taaltraject.",
        "achievable": (
            "Voortzetting van het Huis voor Taal; het ROC en de welzijnsorganisatie blijven "
            "partner."
        ),
        "realistic": (
            "De Taalhuiscoördinator en tien getrainde vrijwilligers bemensen de spreekuren."
        ),
        "start": (1, 8),
        "deadline": (12, 15),
        "indicators": [
            {"name": "Spreekuurbezoeken", "target": 500, "actual": 210, "unit": "bezoeken"},
            {
                "name": "Doorverwijzingen naar taaltraject",
                "target": 45,
                "actual": None,
                "unit": "personen",
            },
        ],
        "responsible": "medewerker",
        "partners": [
            "Taalhuis Westfriesland-Noord",
            "ROC Noord-Holland Noord",
            "Welzijnsorganisatie Samen Westfriesland",
        ],
        "target_groups": ["Laaggeletterde volwassenen", "Nieuwkomers (NT2)"],
        "budget": 24000,
        "core_functions": ["ontwikkeling-en-educatie", "kennis-en-informatie"],
        "norm_fields": ["dienstverlening", "netwerk"],
        "policy_topics": ["Laaggeletterdheid", "Digitale inclusie"],
        "workflow": [
            (
                START,
                (
                    "Spreekuren draaien in alle drie vestigingen; afspraken via beeldbellen kunnen"
                    " sinds februari."
                ),
            ),
        ],
    },
    {
        "id": "taalmaatjes-werven-en-trainen",
        "title": "Taalmaatjes werven en trainen",
        "spearhead": "Taal en geletterdheid",
        "specific": (
            "We werven 20 nieuwe Taalmaatjes, vooral in Opmeer, en trainen alle nieuwe "
            "vrijwilligers "
            "in twee bijeenkomsten."
        ),
        "measurable": "Aantal nieuwe, getrainde Taalmaatjes en het verloop onder vrijwilligers.",
        "achievable": (
            "De welzijnsorganisatie neemt de werving mee in de vrijwilligersvacaturebank."
        ),
        "realistic": "Trainingen worden gegeven door een trainer van Stichting Lezen & Schrijven.",
        "start": (2, 1),
        "deadline": (10, 31),
        "indicators": [
            {
                "name": "Nieuwe getrainde Taalmaatjes",
                "target": 20,
                "actual": 12,
                "unit": "vrijwilligers",
            },
        ],
        "responsible": "Fatima El Amrani",
        "partners": ["Welzijnsorganisatie Samen Westfriesland", "Stichting Lezen & Schrijven"],
        "target_groups": ["Vrijwilligers"],
        "budget": 3200,
        "core_functions": ["ontwikkeling-en-educatie"],
        "norm_fields": ["medewerkers", "netwerk"],
        "policy_topics": ["Laaggeletterdheid", "Vrijwilligers"],
        "evaluation": (
            "Tussenmeting: 12 nieuwe Taalmaatjes, waarvan 5 in Opmeer. Werving via de kerk en "
            "de sportvereniging werkt beter dan de vacaturebank."
        ),
        "workflow": [
            (
                START,
                (
                    "Wervingscampagne gestart met de welzijnsorganisatie; eerste training gepland "
                    "in april."
                ),
            ),
            (
                EVALUATE,
                (
                    "Tussenmeting na de tweede training; de cijfers staan in de "
                    "(concept)tussenmeting."
                ),
            ),
        ],
    },
    {
        "id": "digicafe-voor-senioren",
        "title": "Digicafé en Klik & Tik voor senioren",
        "spearhead": "Digitale inclusie",
        "specific": (
            "Senioren leren in het wekelijkse Digicafé en de cursus Klik & Tik omgaan met hun "
            "smartphone, DigiD en internetbankieren."
        ),
        "measurable": (
            "Deelnemers aan cursussen, bezoeken aan het Digicafé, tevredenheid na afloop."
        ),
        "achievable": "De seniorenvereniging werft deelnemers en levert vrijwillige docenten.",
        "realistic": "Tablets uit het project van vorig jaar worden opnieuw ingezet.",
        "start": (1, 15),
        "deadline": (11, 30),
        "indicators": [
            {"name": "Cursisten Klik & Tik", "target": 120, "actual": 74, "unit": "cursisten"},
            {"name": "Bezoeken Digicafé", "target": 900, "actual": 610, "unit": "bezoeken"},
            {"name": "Tevredenheid cursisten", "target": 8, "actual": None, "unit": "cijfer"},
        ],
        "responsible": "medewerker",
        "partners": ["Seniorenvereniging KBO Medemblik", "Welzijnsorganisatie Samen Westfriesland"],
        "target_groups": ["Senioren (65+)", "Mantelzorgers"],
        "budget": 7800,
        "core_functions": ["kennis-en-informatie"],
        "norm_fields": ["dienstverlening", "netwerk"],
        "policy_topics": ["Digitale inclusie", "Eenzaamheid"],
        "workflow": [
            (
                START,
                "Digicafé elke donderdag in Medemblik; de eerste Klik & Tik-cursus is begonnen.",
            ),
        ],
    },
    {
        "id": "informatiepunt-digitale-overheid",
        "title": "Informatiepunt Digitale Overheid",
        "spearhead": "Digitale inclusie",
        "specific": (
            "In alle drie vestigingen is een Informatiepunt Digitale Overheid (IDO) waar inwoners "
            "hulp krijgen bij DigiD, toeslagen, belastingaangifte en zorgverzekering."
        ),
        "measurable": (
            "Aantal geholpen inwoners en doorverwijzingen naar het sociaal raadsliedenwerk."
        ),
        "achievable": (
            "De gemeenten, het sociaal raadsliedenwerk en de Belastingdienst hebben een "
            "verwijsafspraak met de bibliotheek."
        ),
        "realistic": (
            "Het IDO wordt gefinancierd uit de landelijke regeling; twee medewerkers zijn opgeleid."
        ),
        "start": (1, 1),
        "deadline": (12, 31),
        "indicators": [
            {"name": "Geholpen inwoners", "target": 1200, "actual": 560, "unit": "inwoners"},
            {
                "name": "Doorverwijzingen sociaal raadsliedenwerk",
                "target": 80,
                "actual": 36,
                "unit": "verwijzingen",
            },
        ],
        "responsible": "Joris Vlaming",
        "partners": ["Gemeente Stede Broec", "Sociaal raadsliedenwerk Westfriesland", "SeniorWeb"],
        "target_groups": ["Inwoners met weinig digitale vaardigheden", "Senioren (65+)"],
        "budget": 15000,
        "core_functions": ["kennis-en-informatie"],
        "norm_fields": ["dienstverlening", "gemeenten"],
        "policy_topics": ["Digitale inclusie", "Bestaanszekerheid"],
        "workflow": [
            (
                START,
                (
                    "Informatiepunten in alle vestigingen open; verwijsafspraken met de partners "
                    "getekend."
                ),
            ),
        ],
    },
    {
        "id": "bibliotheek-op-school-vmbo",
        "title": "Bibliotheek op school in het vmbo",
        "spearhead": "Bibliotheek op school",
        "specific": (
            "De Bibliotheek op school wordt uitgebreid naar de twee vmbo-scholen in het "
            "werkgebied: "
            "een mediatheek met actuele jeugdliteratuur en een leesconsulent die leesmotivatie "
            "bevordert."
        ),
        "measurable": (
            "Uitleningen in de mediatheken en leesmotivatie in de monitor (nulmeting en "
            "eindmeting)."
        ),
        "achievable": (
            "Beide schoolleiders hebben het convenant getekend; het ROC denkt mee over de "
            "doorlopende leeslijn naar het mbo."
        ),
        "realistic": "De school betaalt de helft van de leesconsulent (0,4 fte).",
        "start": (8, 25),
        "deadline": (7, 10, 1),
        "indicators": [
            {
                "name": "Uitleningen mediatheken",
                "target": 3000,
                "actual": None,
                "unit": "uitleningen",
            },
            {"name": "Leerlingen dat graag leest", "target": 45, "actual": None, "unit": "%"},
        ],
        "responsible": "Anouk de Boer",
        "partners": ["Scholengemeenschap Het Noorderlicht", "ROC Noord-Holland Noord"],
        "target_groups": ["Leerlingen vmbo", "Docenten Nederlands"],
        "budget": 36000,
        "core_functions": ["lezen-en-literatuur", "ontwikkeling-en-educatie"],
        "norm_fields": ["netwerk", "collectie", "gemeenten"],
        "policy_topics": ["Leesbevordering", "Onderwijs"],
    },
    {
        "id": "voorleesexpress-in-de-wijk",
        "title": "VoorleesExpress in de wijk",
        "spearhead": "Taal en geletterdheid",
        "specific": (
            "Vrijwilligers lezen twintig weken lang wekelijks voor bij gezinnen thuis waar weinig "
            "wordt voorgelezen, en leren de ouders zelf voorlezen."
        ),
        "measurable": (
            "Aantal bereikte gezinnen en het aandeel ouders dat na afloop zelf voorleest."
        ),
        "achievable": "De GGD en het wijkteam verwijzen gezinnen door.",
        "realistic": "Een coördinator voor 8 uur per week en 25 voorlezers.",
        "start": (3, 1),
        "deadline": (12, 15),
        "indicators": [
            {"name": "Bereikte gezinnen", "target": 30, "actual": 18, "unit": "gezinnen"},
            {"name": "Ouders die zelf voorlezen", "target": 70, "actual": None, "unit": "%"},
        ],
        "responsible": "medewerker",
        "partners": ["GGD Hollands Noorden", "Sociaal wijkteam Medemblik"],
        "target_groups": ["Gezinnen met kinderen van 2-8 jaar", "Anderstalige ouders"],
        "budget": 9500,
        "core_functions": ["lezen-en-literatuur", "ontwikkeling-en-educatie"],
        "norm_fields": ["dienstverlening", "netwerk"],
        "policy_topics": ["Leesbevordering", "Laaggeletterdheid"],
        "workflow": [
            (START, "Eerste voorlezers getraind; de GGD en het wijkteam verwijzen gezinnen door."),
        ],
    },
    {
        "id": "makerspace-en-cultuureducatie",
        "title": "Makerspace en cultuureducatie",
        "spearhead": "Bibliotheek op school",
        "specific": (
            "Met het kunstencentrum bieden we scholen een programma van vier makerspace-lessen "
            "(programmeren, 3D-printen, stop-motion) gekoppeld aan een expositie in de bibliotheek."
        ),
        "measurable": "Deelnemende klassen en bezoekers van de expositie.",
        "achievable": (
            "Het kunstencentrum levert de docenten; de bibliotheek de ruimte en apparatuur."
        ),
        "realistic": "Financiering via de regeling Cultuureducatie met Kwaliteit.",
        "start": (2, 15),
        "deadline": (6, 30),
        "indicators": [
            {"name": "Deelnemende klassen", "target": 24, "actual": 26, "unit": "klassen"},
            {"name": "Bezoekers expositie", "target": 600, "actual": 540, "unit": "bezoekers"},
        ],
        "responsible": "Sem Kramer",
        "partners": ["Kunstencentrum Westfriesland", "Basisschool De Springplank"],
        "target_groups": ["Leerlingen groep 5-8", "Ouders en grootouders"],
        "budget": 11000,
        "core_functions": ["kunst-en-cultuur", "ontwikkeling-en-educatie"],
        "norm_fields": ["dienstverlening", "middelen"],
        "policy_topics": ["Cultuureducatie", "Mediawijsheid"],
        "evaluation": (
            "Meer klassen dan gepland; de expositie trok iets minder bezoek door de verbouwing "
            "in Stede Broec."
        ),
        "improvements": (
            "Het programma wordt vast aanbod in het educatieve menu; de expositie verhuist volgend "
            "jaar naar de vestiging Medemblik."
        ),
        "workflow": [
            (START, "Lesprogramma met het kunstencentrum afgerond; 24 klassen ingeschreven."),
            (
                EVALUATE,
                (
                    "Alle lessen gegeven; bezoekcijfers van de expositie en het oordeel van de "
                    "scholen verzameld."
                ),
            ),
            (
                ADJUST,
                (
                    "Meer klassen dan gepland, iets minder expositiebezoek door de verbouwing. "
                    "Besloten: vast aanbod in het educatieve menu, expositie volgend jaar in "
                    "Medemblik."
                ),
            ),
        ],
    },
    {
        "id": "leesclubs-en-schrijversavonden",
        "title": "Leesclubs en schrijversavonden",
        "spearhead": "Taal en geletterdheid",
        "specific": (
            "We begeleiden tien leesclubs voor volwassenen en organiseren vier avonden met "
            "(regionale) schrijvers, waarvan één in samenwerking met de lokale boekhandel."
        ),
        "measurable": (
            "Aantal actieve leesclubs, bezoekers van schrijversavonden en hun waardering."
        ),
        "achievable": "Leesclubs draaien op vrijwilligers; de boekhandel verzorgt de boekverkoop.",
        "realistic": "Schrijvershonoraria worden deels vergoed via het Letterenfonds.",
        "start": (1, 15),
        "deadline": (11, 15),
        "indicators": [
            {"name": "Actieve leesclubs", "target": 10, "actual": 9, "unit": "leesclubs"},
            {
                "name": "Bezoekers schrijversavonden",
                "target": 320,
                "actual": 145,
                "unit": "bezoekers",
            },
        ],
        "responsible": "coordinator",
        "partners": ["Boekhandel Het Zuiderkwartier", "Leesclubvrijwilligers"],
        "target_groups": ["Volwassen lezers", "Ouderen"],
        "budget": 5600,
        "core_functions": ["lezen-en-literatuur", "kunst-en-cultuur", "ontmoeting-en-debat"],
        "norm_fields": ["collectie", "dienstverlening"],
        "policy_topics": ["Leesbevordering", "Literatuur"],
        "workflow": [
            (START, "Leesclubs gestart na de zomer; de eerste schrijversavond is in maart."),
            (
                EVALUATE,
                (
                    "Na drie van de vier schrijversavonden blijft het bezoek achter; evaluatie met"
                    " de boekhandel volgt."
                ),
            ),
        ],
    },
]

_CURRENT_OTHER = [
    {
        "id": "taalcafe-in-de-bibliotheek",
        "title": "Taalcafé in de bibliotheek",
        "spearhead": "Taal en geletterdheid",
        "specific": (
            "Elke dinsdagochtend oefenen nieuwkomers in het Taalcafé Nederlands met vrijwilligers, "
            "aan tafels per taalniveau."
        ),
        "measurable": "Aantal deelnemers per week en doorstroom naar een formele cursus.",
        "achievable": "Vluchtelingenwerk verwijst deelnemers door.",
        "realistic": "Acht vaste vrijwilligers; koffie en thee worden gesponsord.",
        "start": (1, 10),
        "deadline": (12, 20),
        "indicators": [
            {"name": "Deelnemers per week", "target": 25, "actual": None, "unit": "deelnemers"},
        ],
        "responsible": "Lotte Zijlstra",
        "partners": ["VluchtelingenWerk Noord-Holland", "Taalhuis Kop van Noord"],
        "target_groups": ["Nieuwkomers (NT2)", "Statushouders"],
        "budget": 2400,
        "core_functions": ["ontwikkeling-en-educatie", "ontmoeting-en-debat"],
        "norm_fields": ["dienstverlening", "netwerk"],
        "policy_topics": ["Inburgering", "Laaggeletterdheid"],
    },
    {
        "id": "digitaal-spreekuur-in-het-dorpshuis",
        "title": "Digitaal spreekuur in het dorpshuis",
        "spearhead": "Digitale inclusie",
        "specific": (
            "In vier dorpshuizen zonder bibliotheekvestiging houdt de bibliotheek eens per twee "
            "weken een digitaal spreekuur voor vragen over DigiD, e-mail en de smartphone."
        ),
        "measurable": "Aantal bezoekers per spreekuur en de onderwerpen van de vragen.",
        "achievable": "De dorpshuisbesturen stellen ruimte en wifi gratis beschikbaar.",
        "realistic": "Twee medewerkers rouleren; de bibliotheekbus brengt laptops mee.",
        "start": (2, 1),
        "deadline": (12, 1),
        "indicators": [
            {"name": "Bezoekers per spreekuur", "target": 8, "actual": None, "unit": "bezoekers"},
            {"name": "Spreekuren", "target": 88, "actual": None, "unit": "spreekuren"},
        ],
        "responsible": "Lotte Zijlstra",
        "partners": ["Dorpshuis De Wieken", "Stichting Welzijn Kop van Noord"],
        "target_groups": ["Senioren (65+)", "Inwoners van kleine kernen"],
        "budget": 4100,
        "core_functions": ["kennis-en-informatie"],
        "norm_fields": ["dienstverlening", "gemeenten"],
        "policy_topics": ["Digitale inclusie", "Extramuraal bibliotheekwerk"],
    },
]

PROJECTS = {
    MAIN_LIBRARY_ID: {-1: _PREVIOUS_MAIN, 0: _CURRENT_MAIN},
    OTHER_LIBRARY_ID: {0: _CURRENT_OTHER},
}
