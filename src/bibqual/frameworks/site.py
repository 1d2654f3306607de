"""The norm frameworks of this site and the active one (layer 2, settings).

The site's frameworks are the files bibqual ships plus the framework files the
administrator added in the settings (``framework_files``); an added file with the
token of a shipped framework replaces it (so a site can adjust aspects, scale or
bands), other added files come after the shipped ones. The active framework is
the ``active_framework`` setting when the site knows it, else the default. Optional
modules of a framework (e.g. KiB's Module 1 Educatieve dienstverlening) count only
when the ``norm_modules`` setting switches them on (entries ``framework:module``).

The records are read by name, not through the settings schema: the grammar
of the settings' lines (``controlpanels.lines``) checks framework tokens with
``site_frameworks()``, and the schema imports that grammar.
"""

from bibqual.frameworks.store import DEFAULT_FRAMEWORK
from bibqual.frameworks.store import read_framework_text
from bibqual.frameworks.store import shipped_frameworks
from bibqual.ids import REGISTRY_PREFIX
from functools import lru_cache
from plone.registry.interfaces import IRegistry
from zope.component import queryUtility
import logging


logger = logging.getLogger("bibqual.frameworks")

ACTIVE_RECORD = f"{REGISTRY_PREFIX}.active_framework"
FILES_RECORD = f"{REGISTRY_PREFIX}.framework_files"
MODULES_RECORD = f"{REGISTRY_PREFIX}.norm_modules"


def _record(name):
    registry = queryUtility(IRegistry)
    return registry.get(name, None) if registry is not None else None


@lru_cache(maxsize=8)
def _read_added(texts):
    """The frameworks of the stored file texts; a file that cannot be read (stored
    without the form's check) is left out and logged."""
    frameworks = []
    for number, text in enumerate(texts, 1):
        try:
            frameworks.append(read_framework_text(text))
        except ValueError as error:
            logger.warning("framework file %s of the settings is left out: %s", number, error)
    return tuple(frameworks)


def added_frameworks():
    """The frameworks the administrator added in the settings, in their order."""
    return _read_added(tuple(_record(FILES_RECORD) or ()))


def site_frameworks():
    """``{token: Framework}`` of this site: shipped (replaced by an added file of the
    same token), then the added ones."""
    frameworks = dict(shipped_frameworks())
    for framework in added_frameworks():
        frameworks[framework.token] = framework
    return frameworks


def active_token():
    """The token of the active framework (the default when the setting names none
    the site knows)."""
    token = _record(ACTIVE_RECORD)
    return token if token in site_frameworks() else DEFAULT_FRAMEWORK


def current_framework():
    """The active ``Framework``."""
    return site_frameworks()[active_token()]


def module_key(framework, module):
    """The entry of the ``norm_modules`` setting for ``module`` of ``framework``."""
    return f"{framework}:{module}"


def switched_on_modules(framework):
    """The tokens of the optional modules of ``framework`` (a token) switched on."""
    prefix = f"{framework}:"
    return tuple(
        entry[len(prefix) :]
        for entry in _record(MODULES_RECORD) or ()
        if isinstance(entry, str) and entry.startswith(prefix)
    )


def working_elements(framework):
    """The elements of ``framework`` (a ``Framework``) this site works with: its
    modules only when required or switched on."""
    return framework.selected_elements(switched_on_modules(framework.token))
