"""The headline of a sentiment reading: positive, negative or mixed, with a calibrated probability.

The model reads the whole text as one review; a text of several sentences also gets each
sentence read alone. The headline is decided from both, so it never contradicts the
breakdown shown under it. The units are the sentences, plus the turn of each sentence that
has one (from its last contrast word on: 但是, 不过, 就是 … — "东西还行，就是性价比不高" is two
units, 东西还行… and 就是性价比不高), read alone. Then:

* **mixed** when there are at least two units and either
  - the smaller side (units read below or above 50 %) holds at least two in five of them
    (`MIXED_SHARE`: 3 positive · 2 negative, or 1 · 1, is mixed; 2 · 1 and 4 · 1 are not), or
  - the whole-text reading and the mean of the unit readings fall on opposite sides of
    50 % (the whole says positive, the units on average negative, or the reverse);
* otherwise the whole text's label.

The probability beside it is calibrated in two steps. The model's log-odds are divided by a
temperature fitted on the development file (`TEMPERATURE`; expected calibration error on
chnsenticorp_test 5.5 % → 3.5 %). A text longer than a training review (`REVIEW_CHARS`, about
the 90th percentile of their lengths) adds evidence the model saw no example of — 40 copies of
one review read 100 % — so its log-odds are further divided by √(length / REVIEW_CHARS). With
two units or more the headline's positive probability is the mean of that and the
calibrated unit mean, and it is never shown above `MAX_SHOWN`.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

from core.analysis.types import MIXED, Verdict

# The smaller side's share of the units that makes a text mixed. A third read 28 % of the
# ChnSentiCorp test reviews as mixed (a praise with one caveat among them); two in five, 19 %.
MIXED_SHARE = Fraction(2, 5)
TEMPERATURE = 1.35       # fitted on chnsenticorp_dev (negative log-likelihood) for the shipped model
REVIEW_CHARS = 200       # a long training review (90th percentile of chnsenticorp/hotel reviews)
MAX_SHOWN = 0.99         # a reading of text is never certain: 99 % is the most shown
_CLIP = 1e-6


def _logit(p: float) -> float:
    p = min(1 - _CLIP, max(_CLIP, p))
    return math.log(p / (1 - p))


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def calibrate(positive: float, *, chars: int = 0) -> float:
    """The model's positive probability, temperature-scaled and tempered for length."""
    z = _logit(positive) / TEMPERATURE
    if chars > REVIEW_CHARS:
        z /= math.sqrt(chars / REVIEW_CHARS)
    return _sigmoid(z)


def decide(whole_positive: float, sentence_positives: Sequence[float], *, chars: int) -> Verdict:
    """The headline for a text whose whole reads `whole_positive` and whose units (sentences
    and turns) read `sentence_positives` (raw model probabilities of the positive class)."""
    whole = calibrate(whole_positive, chars=chars)
    n = len(sentence_positives)
    if n < 2:
        label = "positive" if whole >= 0.5 else "negative"
        return Verdict(label, whole, _shown(whole if label == "positive" else 1 - whole))
    mean = sum(calibrate(p) for p in sentence_positives) / n
    positive = (whole + mean) / 2
    pos = sum(p >= 0.5 for p in sentence_positives)
    minority = Fraction(min(pos, n - pos), n)
    if minority >= MIXED_SHARE or (whole >= 0.5) != (mean >= 0.5):
        return Verdict(MIXED, positive, max(pos, n - pos) / n)
    label = "positive" if whole >= 0.5 else "negative"
    return Verdict(label, positive, _shown(positive if label == "positive" else 1 - positive))


def _shown(p: float) -> float:
    return min(MAX_SHOWN, p)
