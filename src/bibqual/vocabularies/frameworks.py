"""Norm frameworks as data: the certification norms elements are tagged with.

A framework is a tuple of ``(token, title)`` elements. The administrator picks
the active framework in the control panel and may add elements there
(``extra_norm_elements``); nothing here needs code changes per round.
"""

from bibqual import _
from zope.interface import Invalid
import re


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

TOKEN_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def parse_extra_element(line):
    """Split a control-panel line into ``(framework or None, token, title)``.

    Raises ``ValueError`` with a user-facing message when the line is malformed.
    """
    parts = [part.strip() for part in (line or "").split("|")]
    if len(parts) == 2:
        framework, token, title = None, parts[0], parts[1]
    elif len(parts) == 3:
        framework, token, title = parts
    else:
        raise ValueError(_("Write an extra element as 'token|Title' or 'framework|token|Title'."))
    if framework is not None and framework not in FRAMEWORKS:
        raise ValueError(
            _(
                "Unknown norm framework '${framework}'.",
                mapping={"framework": framework},
            )
        )
    if not TOKEN_RE.match(token):
        raise ValueError(
            _(
                "The token '${token}' may only hold lower-case letters, digits and hyphens.",
                mapping={"token": token},
            )
        )
    if not title:
        raise ValueError(_("An extra element needs a title."))
    return framework, token, title


def validate_extra_element(line):
    """Field constraint for one line of ``extra_norm_elements``."""
    try:
        parse_extra_element(line)
    except ValueError as exc:
        raise Invalid(exc.args[0])
    return True


def framework_elements(framework, extra_lines=()):
    """Return the ``(token, title)`` elements of ``framework`` plus extras."""
    elements = list(FRAMEWORKS.get(framework, FRAMEWORKS[DEFAULT_FRAMEWORK])["elements"])
    seen = {token for token, _title in elements}
    for line in extra_lines or ():
        try:
            scope, token, title = parse_extra_element(line)
        except ValueError:
            continue
        if scope not in (None, framework) or token in seen:
            continue
        seen.add(token)
        elements.append((token, title))
    return elements


def parse_group_mapping(line):
    """Split a ``token|group, group`` line into ``(token, [group, ...])``.

    Raises ``ValueError`` with a user-facing message when the line is malformed.
    """
    token, sep, groups = (line or "").partition("|")
    token = token.strip()
    names = [name.strip() for name in groups.split(",") if name.strip()]
    if not sep or not TOKEN_RE.match(token) or not names:
        raise ValueError(_("Write a mapping as 'token|group-id, group-id'."))
    return token, names


def validate_group_mapping(line):
    """Field constraint for one line of ``norm_field_groups``."""
    try:
        parse_group_mapping(line)
    except ValueError as exc:
        raise Invalid(exc.args[0])
    return True
