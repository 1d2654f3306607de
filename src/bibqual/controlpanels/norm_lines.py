"""The grammar of the norm framework settings, with their form validators.

- ``extra_norm_elements``: lines ``token|Title`` or ``framework|token|Title``;
- ``framework_files``: the text (JSON) of one framework file per item;
- ``norm_mappings``: lines ``from-framework->to-framework|element|element, element``.

Each has a ``parse_*`` function (raises ``ValueError`` with a message for the
administrator) and a ``validate_*`` constraint for the schema. Framework tokens
are checked against the site's frameworks (``frameworks.site``, which reads its
records by name); the schema, the settings reader and the vocabularies import
this module, it imports none of them.
"""

from bibqual import _
from bibqual.controlpanels.lines import TOKEN_RE
from bibqual.controlpanels.lines import constraint
from bibqual.frameworks.site import site_frameworks
from bibqual.frameworks.store import TOKEN as FRAMEWORK_TOKEN
from bibqual.frameworks.store import read_framework_text
from bibqual.validation import ClearValidationError
from dataclasses import dataclass
from zope.interface import Invalid


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
    if framework is not None:
        _known_framework(framework, site_frameworks())
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


validate_extra_element = constraint(parse_extra_element)


def _known_framework(token, frameworks):
    """The framework ``token`` of ``frameworks``, else ``ValueError``."""
    if token not in frameworks:
        raise ValueError(_("Unknown norm framework '${framework}'.", mapping={"framework": token}))
    return frameworks[token]


# -- Framework files --------------------------------------------------------------------


def parse_framework_file(text):
    """The ``Framework`` of the text of a framework file; ``ValueError`` with the
    reader's reason when the file cannot be used."""
    try:
        return read_framework_text(text)
    except ValueError as error:
        raise ValueError(
            _(
                "This framework file cannot be used: ${reason}",
                mapping={"reason": str(error.args[0])},
            )
        )


# a validation error, not ``Invalid``: the form's box per file shows only those
validate_framework_file = constraint(parse_framework_file, ClearValidationError)


def validate_framework_files(texts):
    """Field constraint for the whole of ``framework_files``: a framework token once."""
    seen = set()
    for text in texts or ():
        try:
            token = read_framework_text(text).token
        except ValueError:
            continue  # the file's own constraint says why
        if token in seen:
            raise Invalid(
                _(
                    "Two framework files have the token '${framework}': keep one.",
                    mapping={"framework": token},
                )
            )
        seen.add(token)
    return True


# -- Mappings between frameworks --------------------------------------------------------

MAPPING_FORMAT = _(
    "Write an element mapping as 'from-framework->to-framework|element|element, element', "
    "for example 'scob3->cbct-kib|collectie|producten-en-diensten'."
)


@dataclass(frozen=True)
class MappingLine:
    """One line of ``norm_mappings``: ``token`` of ``source`` maps to ``targets`` of ``target``."""

    source: str
    target: str
    token: str
    targets: tuple


def parse_mapping_line(line, frameworks=None):
    """A ``MappingLine`` from one settings line; the frameworks must be the site's and
    the elements theirs (``frameworks``: ``{token: Framework}``, default the site's).

    Raises ``ValueError`` with a message for the administrator when the line is malformed.
    """
    frameworks = site_frameworks() if frameworks is None else frameworks
    parts = [part.strip() for part in (line or "").split("|")]
    if len(parts) != 3 or "->" not in parts[0]:
        raise ValueError(MAPPING_FORMAT)
    source, _arrow, target = (part.strip() for part in parts[0].partition("->"))
    token = parts[1]
    targets = tuple(dict.fromkeys(name.strip() for name in parts[2].split(",") if name.strip()))
    if (
        not token
        or not targets
        or not all(FRAMEWORK_TOKEN.match(name) for name in (source, target, token, *targets))
    ):
        raise ValueError(MAPPING_FORMAT)
    source_framework = _known_framework(source, frameworks)
    target_framework = _known_framework(target, frameworks)
    if source == target:
        raise ValueError(_("A mapping leads from one framework to another."))
    for framework, name in [(source_framework, token)] + [(target_framework, t) for t in targets]:
        if framework.element(name) is None:
            raise ValueError(
                _(
                    "'${element}' is not an element of ${framework}.",
                    mapping={"element": name, "framework": framework.token},
                )
            )
    return MappingLine(source, target, token, targets)


validate_mapping_line = constraint(parse_mapping_line)


def mapping_lines(mappings):
    """The settings lines of ``mappings`` (``frameworks.model.Mapping``), e.g. the default."""
    return [
        f"{mapping.source}->{mapping.target}|{token}|{', '.join(targets)}"
        for mapping in mappings
        for token, targets in mapping.map.items()
    ]
