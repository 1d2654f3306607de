"""Reading framework and mapping files into ``model`` objects, with checks.

``read_framework(data)`` and ``read_mapping(data)`` turn the parsed JSON of one
file into objects and raise ``ValueError`` with a readable message when the file
is wrong (``read_framework_text`` does the same for the file's text);
``shipped_frameworks()`` and ``shipped_mappings()`` read the files in
``data/`` once.
"""

from bibqual.frameworks.model import Aspect
from bibqual.frameworks.model import Band
from bibqual.frameworks.model import Element
from bibqual.frameworks.model import Framework
from bibqual.frameworks.model import Mapping
from bibqual.frameworks.model import Module
from bibqual.frameworks.model import Scale
from functools import cache
from pathlib import Path
import json
import re


DATA = Path(__file__).resolve().parent / "data"
TOKEN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")
MAPPING_SUFFIX = ".mapping.json"

SCOB3 = "scob3"
CBCT_KIB = "cbct-kib"
# New sites are audited against Kwaliteit in Beeld; sites that tagged their work with
# another framework keep it (upgrade step).
DEFAULT_FRAMEWORK = CBCT_KIB


def _token(value, where):
    if not isinstance(value, str) or not TOKEN.match(value):
        raise ValueError(
            f"{where}: '{value}' is not a token (lower-case letters, digits, hyphens, underscores)"
        )
    return value


def _text(data, key, where, required=True):
    value = data.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ValueError(f"{where}: '{key}' must be a text")
    return value


def _objects(items, key, where):
    """``items`` (the value of ``key``) as a list of JSON objects, else ``ValueError``."""
    if items is None:
        return []
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ValueError(f"{where}: '{key}' must be a list of objects")
    return items


def _aspects(items, where):
    if not isinstance(items, list) or not items:
        raise ValueError(f"{where}: 'aspects' must be a non-empty list")
    aspects = tuple(
        Aspect(_token(a.get("token"), where), _text(a, "title", where))
        for a in _objects(items, "aspects", where)
    )
    if len({a.token for a in aspects}) != len(aspects):
        raise ValueError(f"{where}: an aspect token is used twice")
    return aspects


def read_framework(data):
    """A ``Framework`` from the parsed JSON of a framework file."""
    if not isinstance(data, dict):
        raise ValueError("A framework file holds one JSON object.")
    token = _token(data.get("token"), "framework")
    where = f"framework {token}"
    scale_data = data.get("scale")
    if not isinstance(scale_data, dict):
        raise ValueError(f"{where}: 'scale' must be an object with 'min' and 'max'")
    try:
        scale = Scale(
            int(scale_data["min"]),
            int(scale_data["max"]),
            {str(k): str(v) for k, v in (scale_data.get("labels") or {}).items()},
        )
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        raise ValueError(f"{where}: 'scale' needs whole numbers 'min' and 'max'") from error
    if scale.max <= scale.min:
        raise ValueError(f"{where}: the scale's max must be above its min")
    bands = []
    for band in _objects(data.get("bands"), "bands", where):
        try:
            lower = float(band["from"])
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"{where}: every band needs a number 'from'") from error
        if not 0 <= lower <= 100:
            raise ValueError(f"{where}: a band's 'from' lies between 0 and 100")
        bands.append(
            Band(
                lower,
                _token(band.get("token"), where),
                _text(band, "title", where),
                _text(band, "consequence", where, required=False),
            )
        )
    if not bands or min(b.lower for b in bands) != 0:
        raise ValueError(f"{where}: the bands must start at 0 %")
    default_aspects = _aspects(data.get("aspects"), where) if data.get("aspects") else ()
    modules = tuple(
        Module(
            _token(m.get("token"), where), _text(m, "title", where), bool(m.get("optional", True))
        )
        for m in _objects(data.get("modules"), "modules", where)
    )
    module_tokens = {m.token for m in modules}
    elements = []
    for item in _objects(data.get("elements"), "elements", where):
        element_token = _token(item.get("token"), where)
        module = item.get("module")
        if module is not None and module not in module_tokens:
            raise ValueError(f"{where}: element {element_token} names unknown module '{module}'")
        aspects = _aspects(item["aspects"], where) if item.get("aspects") else default_aspects
        if not aspects:
            raise ValueError(f"{where}: element {element_token} has no aspects")
        elements.append(
            Element(
                element_token,
                _text(item, "title", where),
                _text(item, "description", where, required=False),
                aspects,
                module,
            )
        )
    if not elements:
        raise ValueError(f"{where}: a framework needs elements")
    if len({e.token for e in elements}) != len(elements):
        raise ValueError(f"{where}: an element token is used twice")
    return Framework(
        token,
        _text(data, "title", where),
        _text(data, "description", where, required=False),
        scale,
        tuple(sorted(bands, key=lambda b: b.lower)),
        tuple(elements),
        modules,
    )


def read_mapping(data):
    """A ``Mapping`` from the parsed JSON of a mapping file."""
    if not isinstance(data, dict):
        raise ValueError("A mapping file holds one JSON object.")
    source = _token(data.get("from"), "mapping")
    target = _token(data.get("to"), "mapping")
    pairs = {}
    if not isinstance(data.get("map") or {}, dict):
        raise ValueError("mapping: 'map' must be an object of element -> elements")
    for key, value in (data.get("map") or {}).items():
        targets = [value] if isinstance(value, str) else list(value or [])
        pairs[_token(key, "mapping")] = tuple(_token(t, "mapping") for t in targets)
    return Mapping(source, target, str(data.get("title") or f"{source} -> {target}"), pairs)


def read_framework_text(text):
    """A ``Framework`` from the text of a framework file (JSON)."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("A framework file holds one JSON object; this one is empty.")
    try:
        data = json.loads(text)
    except ValueError as error:
        raise ValueError(f"The file is not valid JSON ({error}).") from error
    return read_framework(data)


@cache
def shipped_frameworks():
    """``{token: Framework}`` of the files bibqual ships, in file-name order."""
    frameworks = {}
    for path in sorted(DATA.glob("*.json")):
        if path.name.endswith(MAPPING_SUFFIX):
            continue
        framework = read_framework(json.loads(path.read_text(encoding="utf-8")))
        frameworks[framework.token] = framework
    return frameworks


@cache
def shipped_mappings():
    """The mappings bibqual ships."""
    return tuple(
        read_mapping(json.loads(path.read_text(encoding="utf-8")))
        for path in sorted(DATA.glob(f"*{MAPPING_SUFFIX}"))
    )
