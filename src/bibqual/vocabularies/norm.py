"""Vocabularies of the norm framework: its elements and the frameworks."""

from bibqual.controlpanels.lines import parse_extra_element
from bibqual.settings import active_framework
from bibqual.settings import extra_norm_elements
from bibqual.vocabularies.frameworks import DEFAULT_FRAMEWORK
from bibqual.vocabularies.frameworks import FRAMEWORKS
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


@provider(IVocabularyFactory)
def norm_fields(context):
    """The elements of the active norm framework, extras included."""
    elements = framework_elements(active_framework(), extra_norm_elements())
    return SimpleVocabulary(
        [SimpleTerm(value=token, token=token, title=title) for token, title in elements]
    )


@provider(IVocabularyFactory)
def norm_frameworks(context):
    """The norm frameworks bibqual ships."""
    return SimpleVocabulary(
        [SimpleTerm(value=key, token=key, title=data["title"]) for key, data in FRAMEWORKS.items()]
    )


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
