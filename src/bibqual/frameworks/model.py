"""A norm framework as plain, immutable objects (no Zope)."""

from dataclasses import dataclass
from dataclasses import field


@dataclass(frozen=True)
class Aspect:
    token: str
    title: str


@dataclass(frozen=True)
class Element:
    token: str
    title: str
    description: str = ""
    aspects: tuple = ()
    module: str | None = None


@dataclass(frozen=True)
class Band:
    lower: float
    token: str
    title: str
    consequence: str = ""


@dataclass(frozen=True)
class Scale:
    min: int
    max: int
    labels: dict = field(default_factory=dict)

    def label(self, score):
        """The label of ``score`` (``""`` when the scale names none)."""
        if score is None:
            return ""
        return self.labels.get(str(int(score)), "") if float(score).is_integer() else ""

    def holds(self, score):
        """Whether ``score`` lies on the scale."""
        return self.min <= score <= self.max


@dataclass(frozen=True)
class Module:
    token: str
    title: str
    optional: bool = True


@dataclass(frozen=True)
class Framework:
    token: str
    title: str
    description: str
    scale: Scale
    bands: tuple
    elements: tuple
    modules: tuple = ()

    def element(self, token):
        """The element ``token`` or ``None``."""
        for element in self.elements:
            if element.token == token:
                return element
        return None

    def tokens(self):
        return tuple(element.token for element in self.elements)

    def selected_elements(self, modules=()):
        """The elements a site works with: those of no module, of a module that is
        not optional, or of one of ``modules`` (the optional modules switched on)."""
        required = {module.token for module in self.modules if not module.optional}
        chosen = required | set(modules)
        return tuple(e for e in self.elements if e.module is None or e.module in chosen)

    def band_for(self, percentage):
        """The band of ``percentage``: the one with the highest lower bound at or below it."""
        if percentage is None:
            return None
        found = None
        for band in sorted(self.bands, key=lambda b: b.lower):
            if percentage >= band.lower:
                found = band
        return found


@dataclass(frozen=True)
class Mapping:
    source: str
    target: str
    title: str
    map: dict  # source token -> tuple of target tokens
