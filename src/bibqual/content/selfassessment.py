"""SelfAssessment: the self-evaluation (zelfevaluatie) of a certification round.

``scores`` holds one row per norm element and aspect of the round's framework:
``{"element", "aspect", "score", "explanation", "evidence", "projects"}``. The
percentage and the band are computed (``bibqual.certification.scoring``).
"""

from bibqual import _
from bibqual.content.fields import LongText
from bibqual.content.interfaces import IBibqualContent
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
    scores = JSONField(
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
