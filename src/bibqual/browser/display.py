"""Display helpers of the bibqual pages: vocabulary titles and numbers (names: ``reports.people``).

Nothing here wakes content objects: names come from the user source, titles
from the vocabularies, numbers from brains or the context itself.
"""

from bibqual.ids import VOCAB_CORE_FUNCTIONS
from bibqual.ids import VOCAB_DOCUMENT_TYPES
from bibqual.ids import VOCAB_NORM_FIELDS
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory


class Terms:
    """Titles of vocabulary tokens, translated. A token the vocabulary accepts but
    does not offer (a tag of another norm framework) gets the vocabulary's title
    for it (the element with its framework's name); an unknown token is shown as it is."""

    def __init__(self, vocabulary_name, context, request):
        self.vocabulary = getUtility(IVocabularyFactory, vocabulary_name)(context)
        self.request = request
        self.order = [term.token for term in self.vocabulary]
        self._titles = {
            term.token: translate(term.title or term.token, context=request)
            for term in self.vocabulary
        }

    def title(self, token):
        if token not in self._titles:
            try:
                term = self.vocabulary.getTermByToken(token)
            except (LookupError, TypeError):
                return token
            self._titles[token] = translate(term.title or token, context=self.request)
        return self._titles[token]

    def titles(self, tokens):
        return [self.title(token) for token in tokens or ()]

    def options(self, used):
        """``(token, title)`` of the used tokens, vocabulary order first, unknown ones after."""
        used = set(used)
        known = [token for token in self.order if token in used]
        unknown = sorted(used - set(self.order))
        return [(token, self.title(token)) for token in known + unknown]


def norm_terms(context, request):
    return Terms(VOCAB_NORM_FIELDS, context, request)


def core_terms(context, request):
    return Terms(VOCAB_CORE_FUNCTIONS, context, request)


def document_type_terms(context, request):
    return Terms(VOCAB_DOCUMENT_TYPES, context, request)


def number(value):
    """``40``, ``12,5`` or ``1.500`` (the Dutch way); empty for None."""
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def money(value):
    """``€ 1.500`` or ``€ 1.250,50``; empty for None."""
    if value is None or value == "":
        return ""
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
        return f"€ {text}"
    return f"€ {number(value)}"
