"""The self-evaluation's percentage and band, at every band edge of the SCOB bands.

Percentage = sum of the scores given / (aspects scored x the scale's max) x 100,
shown floored to one decimal; the band is that of the exact value, so the shown
number and the band always agree (79.96 shows 79.9 and is conditional).
"""

from bibqual.certification.framework import framework_by_token
from round_support import rows_for
import pytest


SCOB = framework_by_token("scob3")


@pytest.mark.parametrize(
    "scores, percentage, band",
    [
        ([4, 4, 4, 0.99, 0], 64.9, "not_certified"),  # 64.95
        ([4, 4, 4, 1, 0], 65.0, "reaudit"),
        ([2.3, 2.9], 65.0, "reaudit"),  # 5.2 / 8: in floats 64.99999999999999
        ([3, 3, 3, 2.99], 74.9, "reaudit"),  # 74.9375
        ([3, 3, 3, 3], 75.0, "conditional"),
        ([4, 4, 4, 3.99, 0], 79.9, "conditional"),  # 79.95
        ([3.2, 3.198], 79.9, "conditional"),  # 79.975: not rounded up to 80.0
        ([4, 4, 4, 4, 0], 80.0, "certified"),
        ([3.1, 3.3], 80.0, "certified"),
        ([4] * 36, 100.0, "certified"),
        ([0, 0, 0], 0.0, "not_certified"),
    ],
)
def test_percentage_and_band_at_the_edges(round_tree, scores, percentage, band):
    self_assessment = round_tree["self_assessment"]
    self_assessment.scores = rows_for(SCOB, scores)
    assert self_assessment.percentage == percentage
    assert self_assessment.band == band


def test_aspects_without_a_score_do_not_count(round_tree):
    self_assessment = round_tree["self_assessment"]
    rows = rows_for(SCOB, [4, 3, None, None, 3])
    self_assessment.scores = rows
    assert self_assessment.percentage == 83.3  # 10 / 12
    assert self_assessment.band == "certified"


def test_nothing_scored_has_no_percentage_and_no_band(round_tree):
    self_assessment = round_tree["self_assessment"]
    assert (self_assessment.percentage, self_assessment.band) == (None, None)
    self_assessment.scores = rows_for(SCOB, [None, None])
    assert (self_assessment.percentage, self_assessment.band) == (None, None)


def test_the_rounds_framework_decides(round_tree):
    """The same rows under cbct-kib (other elements) score nothing."""
    self_assessment = round_tree["self_assessment"]
    self_assessment.scores = rows_for(SCOB, [4, 4])
    round_tree["certification"].framework = "cbct-kib"
    assert self_assessment.percentage is None
