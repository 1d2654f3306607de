"""Norm frameworks as data: the certification norms elements are tagged with.

A framework is a tuple of ``(token, title)`` elements. The administrator picks
the active framework in the control panel and may add elements there
(``extra_norm_elements``); nothing here needs code changes per round.
"""

SCOB3 = "scob3"
CBCT_KIB = "cbct-kib"
DEFAULT_FRAMEWORK = SCOB3

# Element titles are the norm's own (Dutch) names: data, not UI strings.
FRAMEWORKS = {
    SCOB3: {
        "title": "SCOB 3e ronde (2014-2017)",
        "elements": (
            ("leiderschap", "Leiderschap"),
            ("strategie", "Strategie"),
            ("medewerkers", "Medewerkers"),
            ("processen", "Processen"),
            ("middelen", "Middelen"),
            ("netwerk", "Netwerk"),
            ("dienstverlening", "Dienstverlening"),
            ("collectie", "Collectie"),
            ("gemeenten", "Gemeente(n)"),
        ),
    },
    CBCT_KIB: {
        "title": "CBCT Kwaliteit in Beeld",
        "elements": (
            ("missie-visie-strategie", "Missie & visie en strategie & beleid"),
            ("middelen", "Middelen"),
            ("mensen", "Mensen"),
            ("samenwerking", "Samenwerking"),
            ("producten-en-diensten", "Producten en diensten"),
            ("resultaten-en-verantwoording", "Resultaten en verantwoording"),
            ("wet-en-regelgeving", "Wet- en regelgeving"),
        ),
    },
}
