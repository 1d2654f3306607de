"""Vocabularies of the norm frameworks: the elements items are tagged with, and the frameworks.

``NormFields`` offers (when iterated) the active framework's elements, then the
extra elements of the settings for it and, asked for an item, the tokens that
item already holds: an element of another framework shows with that framework's
name, a token no framework knows as it is. So an edit form ticks every tag the
item has and a save keeps them, under whichever framework they were given.

It accepts (``in``, ``getTerm``, ``getTermByToken``) more than it offers: any
element of any framework of the site, any extra element, and the item's own
tokens. That is the one rule of which norm tokens an item may hold; forms and
REST validate against it. A token no framework knows, that is no extra element
and that the item does not hold already, is refused.
"""

from Acquisition import aq_base
from bibqual import _
from bibqual.controlpanels.norm_lines import parse_extra_element
from bibqual.frameworks.site import active_token
from bibqual.frameworks.site import module_key
from bibqual.frameworks.site import site_frameworks
from bibqual.frameworks.site import working_elements
from bibqual.settings import extra_norm_elements
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


class NormVocabulary(SimpleVocabulary):
    """Offers ``terms``; also knows the tokens of ``known`` (``{token: title}``)."""

    def __init__(self, terms, known):
        super().__init__(terms)
        self.known = known

    def _known_term(self, value):
        try:
            title = self.known[value]
        except (KeyError, TypeError):
            raise LookupError(value)
        return SimpleTerm(value=value, token=value, title=title)

    def __contains__(self, value):
        if super().__contains__(value):
            return True
        try:
            return value in self.known
        except TypeError:
            return False

    def getTerm(self, value):
        try:
            return super().getTerm(value)
        except LookupError:
            return self._known_term(value)

    def getTermByToken(self, token):
        try:
            return super().getTermByToken(token)
        except LookupError:
            return self._known_term(token)


def extra_elements():
    """``(framework or None, token, title)`` of the well-formed extra element lines."""
    extras = []
    for line in extra_norm_elements():
        try:
            extras.append(parse_extra_element(line))
        except ValueError:
            continue
    return extras


def other_title(element_title, framework):
    """The title of an element of a framework that is not the active one."""
    return _(
        "${element} (${framework})",
        mapping={"element": element_title, "framework": framework.title},
    )


def active_elements(framework=None):
    """``[(token, title)]``: the elements the site works with of the active framework
    (or of ``framework``; optional modules when switched on), then the extra
    elements for all frameworks or for that one."""
    frameworks = site_frameworks()
    token = framework or active_token()
    elements = [(e.token, e.title) for e in working_elements(frameworks[token])]
    seen = {token for token, _title in elements}
    for scope, extra, title in extra_elements():
        if scope in (None, token) and extra not in seen:
            seen.add(extra)
            elements.append((extra, title))
    return elements


def tag_owners():
    """``{token: [(framework, element title), ...]}`` for every element of every
    framework of the site and every extra element scoped to one; the active
    framework first, then the site's order."""
    frameworks = site_frameworks()
    active = active_token()
    order = [active] + [token for token in frameworks if token != active]
    owners = {}
    for token in order:
        framework = frameworks[token]
        for element in framework.elements:
            owners.setdefault(element.token, []).append((framework, element.title))
    for scope, extra, title in extra_elements():
        if scope in frameworks and all(f.token != scope for f, _t in owners.get(extra, ())):
            owners.setdefault(extra, []).append((frameworks[scope], title))
    return owners


def held_tokens(context):
    """The norm tokens ``context`` holds itself (``norm_fields``, or a finding's
    ``norm_field``); never acquired from a container."""
    obj = aq_base(context) if context is not None else None
    tokens = list(getattr(obj, "norm_fields", None) or ())
    single = getattr(obj, "norm_field", None)
    if single:
        tokens.append(single)
    return [token for token in tokens if isinstance(token, str) and token]


def known_titles(active):
    """``{token: title}`` of every token the site knows that is not in ``active``
    (``[(token, title)]``): elements of other frameworks and extra elements."""
    known = {}
    for token, owners in tag_owners().items():
        if token not in active:
            framework, title = owners[0]
            known[token] = other_title(title, framework)
    for _scope, extra, title in extra_elements():
        if extra not in active:
            known.setdefault(extra, title)
    return known


@provider(IVocabularyFactory)
def norm_fields(context):
    """The active framework's elements and extras, plus the tokens ``context`` holds;
    accepts every token the site knows (see the module's docstring)."""
    elements = active_elements()
    active = dict(elements)
    known = known_titles(active)
    offered = list(elements)
    for token in held_tokens(context):
        if token not in active and token not in {t for t, _title in offered}:
            offered.append((token, known.get(token, token)))
            known.setdefault(token, token)
    return NormVocabulary(
        [SimpleTerm(value=token, token=token, title=title) for token, title in offered], known
    )


@provider(IVocabularyFactory)
def norm_frameworks(context):
    """The norm frameworks of the site: the shipped ones and the administrator's."""
    return SimpleVocabulary(
        [
            SimpleTerm(value=token, token=token, title=framework.title)
            for token, framework in site_frameworks().items()
        ]
    )


@provider(IVocabularyFactory)
def norm_modules(context):
    """The optional modules of the site's frameworks (``framework:module``), for the
    setting that switches them on."""
    frameworks = site_frameworks()
    return SimpleVocabulary(
        [
            SimpleTerm(
                value=module_key(framework.token, module.token),
                token=module_key(framework.token, module.token),
                title=other_title(module.title, framework),
            )
            for framework in frameworks.values()
            for module in framework.modules
            if module.optional
        ]
    )
