"""From a raw ranking score to a relevance a person can act on, and the bands shown.

The raw score orders candidates but means different things per list. It is mapped, per list
type, onto the share of candidates with that raw score that were relevant on the labelled
bilingual set (isotonic regression, fitted by `benchmarks/quality/calibrate.py`, stored in
`engine/data/calibration.json` with its source and reliability). The mapping is monotone, so
the order never changes; a default list shows only candidates at or above the documented
threshold, which was chosen for precision.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

import numpy as np

#: Bands by calibrated relevance, best first: (name, lowest relevance).
BANDS = (("strong", 0.75), ("good", 0.5), ("possible", 0.0))
#: A candidate without one convincing text pair (nothing to cite in its explanation) is at most
#: "possible", whatever its score: a reader found only a third of such items relevant.
UNPROVEN_CAP = 0.45
#: The lists where that holds. An offer list is already narrowed to what the asker may apply
#: to, and an offer's text is long: its fit is read from the whole, not from one quotable pair.
EVIDENCE_REQUIRED = ("partners", "search", "seekers")
EVIDENCE = ("need_met", "reciprocal")


@dataclass(frozen=True)
class Curve:
    """One list type's mapping: raw scores `x` onto relevance `y` (piecewise linear)."""

    x: tuple[float, ...]
    y: tuple[float, ...]
    threshold: float  # the default list shows relevance >= threshold

    def relevance(self, raw: float) -> float:
        return float(np.interp(raw, self.x, self.y))


@functools.cache
def curves() -> dict[str, Curve]:
    raw = json.loads(
        resources.files("matchmaker.engine")
        .joinpath("data/calibration.json")
        .read_text(encoding="utf-8")
    )
    return {
        mode: Curve(tuple(c["x"]), tuple(c["y"]), float(c["threshold"]))
        for mode, c in raw["curves"].items()
    }


def curve(mode: str) -> Curve:
    """The curve of a list type: partners, offers, offer_orgs, search, seekers."""
    table = curves()
    return table.get(mode) or table["partners"]


def band(relevance: float) -> str:
    return next(name for name, low in BANDS if relevance >= low)


def band_floor(name: str) -> float:
    return dict(BANDS)[name]


def has_evidence(item: dict) -> bool:
    """Whether an explained item cites at least one pair of texts that meet each other."""
    return any(reason["type"] in EVIDENCE for reason in item["reasons"])
