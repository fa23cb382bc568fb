"""Every ranking weight in one place, with the reason for its default.

Scores are built in two layers. Per need (one stated need of the asking side against one
candidate), semantic and lexical evidence are blended. Per candidate, need fits are
aggregated, directions are combined (organisations only), and small structured signals are
added. All parts lie in 0..1, so the final score does too.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace


@dataclass(frozen=True)
class Weights:
    # Per need: embedding similarity carries paraphrase and (after the gloss) language
    # crossing; lexical coverage of the need's stemmed, language-neutral terms catches exact
    # technical terms the small English model blurs. Semantic leads because needs are phrased
    # freely; lexical is strong enough to lift an exact term match over a vague neighbour.
    semantic: float = 0.65
    lexical: float = 0.35
    # Cosine calibration: all-MiniLM-L6-v2 puts unrelated texts of this domain around 0.1-0.25
    # and clear matches at 0.6+; map [floor, ceiling] linearly onto 0..1.
    cosine_floor: float = 0.20
    cosine_ceiling: float = 0.70
    # A candidate's profile answers a need less precisely than one of its listed offers.
    profile_discount: float = 0.85
    # Aggregating need fits: one well-met need already makes a candidate useful (max); meeting
    # several needs makes it better (mean).
    best_need: float = 0.6
    mean_need: float = 0.4
    # Reciprocity (organisation <-> organisation): both directions always count (arithmetic
    # mean), and a harmonic part adds a bonus when the match is good for both sides. A larger
    # harmonic share buries partners that fit strongly one way (measured: 0.5 cost 0.08 NDCG
    # on the partner set, where a one-way fit is still a relevant partner).
    harmonic: float = 0.2
    # 1 = organisation pairs are ranked by the reciprocal blend above; 0 = by the asking
    # side's fit alone (for ablation).
    reciprocity: float = 1.0
    # When the candidate states no needs, reciprocity is unknown: assume a discounted
    # symmetric fit rather than zero.
    unknown_reverse: float = 0.75
    # Structured signals (each in 0..1), added to the text fit weighted by `text`.
    # Themes are coarse (11 fields) and partners often complement rather than resemble each
    # other, so a shared theme is a small tie-breaker, not a driver.
    text: float = 0.85
    themes: float = 0.05
    # Between organisations a shared theme says little: partners complement each other, and
    # a near-miss (battery recycling for a battery-cell test lab) shares the themes of a
    # real match. Shared themes are shown in the explanation, not scored (measured: +0.02
    # NDCG on the partner set without them, -0.01 on offers, hence offers keep them).
    partner_themes: float = 0.0
    proximity: float = 0.04
    stage: float = 0.02
    freshness: float = 0.02
    verified: float = 0.02
    # Distance at which proximity reaches zero (the region is about 60 km across).
    proximity_km: float = 60.0
    # Profiles older than this many days get no freshness credit.
    freshness_days: float = 365.0
    # Candidates re-scored exactly (lexical reverse direction, explanations) after the fast pass.
    shortlist: int = 100

    def without(self, *signals: str) -> Weights:
        """A copy with the named signals switched off (for ablation runs)."""
        return replace(self, **{name: 0.0 for name in signals})

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


DEFAULT_WEIGHTS = Weights()
