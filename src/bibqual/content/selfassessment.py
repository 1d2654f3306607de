"""SelfAssessment: the self-evaluation (zelfevaluatie) of a certification round.

``scores`` holds one row per norm element and aspect of the round's framework:
``{"element", "aspect", "score", "explanation", "evidence", "projects"}``, checked
against the round's framework and library (``bibqual.certification.scores``) on
every write through a form or REST. The percentage and the band are computed
(``bibqual.certification.scoring``). The default forms leave ``scores`` out: the
scoring page (``@@self-assessment-form``) edits them.
"""

from bibqual import _
from bibqual.certification.framework import framework_of
from bibqual.certification.framework import round_of
from bibqual.certification.scores import check_rows
from bibqual.certification.scoring import result
from bibqual.content.fields import LongText
from bibqual.content.interfaces import IBibqualContent
from bibqual.utils import find_library
from ComputedAttribute import ComputedAttribute
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.schema import JSONField
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
import json


SCORE_ROW_SCHEMA = json.dumps(
    {
        "type": "array",
        "maxItems": 500,
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["element", "aspect"],
            "properties": {
                "element": {"type": "string", "maxLength": 100},
                "aspect": {"type": "string", "maxLength": 100},
                "score": {"type": ["number", "null"]},
                "explanation": {"type": "string", "maxLength": 20000},
                "evidence": {"type": "array", "maxItems": 200, "items": {"type": "string"}},
                "projects": {"type": "array", "maxItems": 200, "items": {"type": "string"}},
            },
        },
    }
)


class ScoreRows(JSONField):
    """The ``scores`` rows, checked against the round's framework and library.

    Bound to the self-evaluation (edit, PATCH), to its round (add form) or to an
    item REST is creating; the stored rows' links are kept unchecked.
    """

    def _validate(self, value):
        if value:  # no rows (the default) are always right
            context = getattr(self, "context", None)
            own = ISelfAssessment.providedBy(context)
            check_rows(
                value,
                framework_of(round_of(context)),
                find_library(context),
                stored=(getattr(context, "scores", None) or ()) if own else (),
            )
        super()._validate(value)


class ISelfAssessment(model.Schema):
    """The library's own judgment per norm element and aspect, before the audit."""

    ambitions = LongText(
        title=_("Ambitions"),
        description=_("What the library wants to achieve in the coming years."),
        required=False,
    )
    bottlenecks = LongText(
        title=_("Bottlenecks"),
        description=_("What stands in the way."),
        required=False,
    )
    directives.omitted("scores")
    scores = ScoreRows(
        title=_("Scores"),
        description=_("Per norm element and aspect: a score, an explanation and the evidence."),
        schema=SCORE_ROW_SCHEMA,
        default=[],
        missing_value=[],
        required=False,
    )
    percentage = schema.Float(title=_("Percentage"), readonly=True, required=False)
    band = schema.TextLine(title=_("Band"), readonly=True, required=False)


@implementer(ISelfAssessment, IBibqualContent)
class SelfAssessment(Item):
    """A self-evaluation."""

    def result(self):
        """``(percentage shown, Band or None)`` under the round's framework."""
        return result(getattr(self, "scores", None), framework_of(round_of(self)))

    def _percentage(self):
        """Percentage of the maximum, floored to one decimal; ``None`` while nothing is scored."""
        return self.result()[0]

    def _band(self):
        """Token of the framework's band of the exact percentage; ``None`` while unscored."""
        band = self.result()[1]
        return band.token if band is not None else None

    # Computed in the acquisition context (the round is the parent): a plain property
    # would see the object without its parents.
    percentage = ComputedAttribute(_percentage, 1)
    band = ComputedAttribute(_band, 1)
