"""Every ranking weight in one place, with the reason for its default.

Scores are built in two layers. Per need (one stated need of the asking side against one
candidate), semantic and lexical evidence are blended. Per candidate, need fits are
aggregated, directions are combined (organisations only), and small structured signals are
added. All parts lie in 0..1, so the final score does too.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace


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
    # ... and beside listed offers it says more about what a candidate is than about what it
    # provides (a profile mentioning a need would make a fellow seeker look like a provider).
    profile_beside_offers: float = 0.7
    # Aggregating need fits: one well-met need already makes a candidate useful (max); meeting
    # several needs makes it better (mean).
    best_need: float = 0.6
    mean_need: float = 0.4
    # Reciprocity (organisation <-> organisation): either direction makes a partner (they
    # meet your need, or you meet theirs); the stronger direction leads and the weaker adds
    # this share as a bonus, so that a partner good for both sides ranks first.
    mutual_bonus: float = 0.5
    # 1 = organisation pairs are ranked by the reciprocal combination above; 0 = by the
    # asking side's fit alone (for ablation).
    reciprocity: float = 1.0
    # A candidate's profile stands in for its offers only when it lists none; when it seeks
    # what the asker needs (a fellow seeker, not a provider), that evidence shrinks by this
    # share of how well its own needs match.
    fellow_seeker: float = 1.0
    # Hubness (CSLS-style, see engine/hubness.py): subtract this share of a candidate's
    # centred mean similarity to its 10 nearest needs (or offers) of the whole population.
    hubness: float = 0.5
    # An investor meets a funding need only inside its thesis (stages and themes); outside
    # it, the need's fit keeps this share.
    outside_thesis: float = 0.3
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
    # Who typically gives what to whom: a prior on the text fit by actor kind (asker,
    # candidate organisation kind or "offer:<kind>"); unnamed pairs are neutral (1.0).
    # Municipalities and other public bodies compete for the same settlements rather than
    # serve each other, and another location's space offer is a competitor's, not theirs to
    # use; investors co-invest, but one asking for partners is not looking for a fellow
    # investor, nor for funding offers; two intermediaries rarely bring each other what a
    # member needs.
    kind_priors: dict = field(
        default_factory=lambda: {
            ("public", "public"): 0.4,
            ("public", "offer:space"): 0.3,
            ("investor", "investor"): 0.7,
            ("investor", "offer:funding"): 0.3,
            ("intermediary", "intermediary"): 0.85,
        }
    )
    # Who typically gives what to whom, by what a need asks for (engine/data/
    # need_categories.json): a need's fit moves this share of the way towards 1 for a
    # typical provider (affinity 1), less for a less typical one. Money comes from investors
    # (and as grants from public bodies), sites from municipalities and site developers,
    # talent from universities and training centres, pilot customers from established firms.
    typical_provider: float = 0.0  # between organisations
    typical_offer: float = 0.2  # offers for an organisation (offer kinds: funding, space...)
    typical_search: float = 0.1  # free-text search: who provides what the text asks for
    # ... except where the asker is the typical provider itself: a municipality looking for
    # "companies that need space" does not need space; an investor does not need funding.
    not_needed_by: dict = field(
        default_factory=lambda: {"public": ("space", "funding"), "investor": ("funding",)}
    )
    provider_affinity: dict = field(
        default_factory=lambda: {
            "funding": {
                "investor": 1.0,
                "public": 0.5,
                "intermediary": 0.3,
                "offer:funding": 1.0,
                "offer:program": 0.3,
            },
            "space": {
                "public": 1.0,
                "intermediary": 0.6,
                "research": 0.3,
                "established": 0.3,
                "offer:space": 1.0,
            },
            "talent": {
                "research": 0.8,
                "intermediary": 0.5,
                "public": 0.3,
                "offer:talent": 1.0,
            },
            "research": {"research": 1.0, "offer:cooperation": 0.5},
            "market": {
                "established": 0.8,
                "public": 0.4,
                "intermediary": 0.4,
                "offer:cooperation": 0.6,
                "offer:program": 0.4,
            },
            "network": {"intermediary": 1.0, "public": 0.4, "offer:program": 0.6},
            "advice": {"intermediary": 0.5, "research": 0.4, "offer:program": 0.5},
        }
    )
    # Distance at which proximity reaches zero (the region is about 60 km across).
    proximity_km: float = 60.0
    # Profiles older than this many days get no freshness credit.
    freshness_days: float = 365.0
    # Candidates re-scored exactly (lexical reverse direction, explanations) after the fast pass.
    shortlist: int = 100
    # The fast candidate pass (engine/candidates.py): with more allowed candidates than
    # `exact_limit`, only the owners of the `candidates_per_vector` nearest rows to each of
    # the asker's vectors (in each direction that counts) are scored at all, at most
    # `candidate_pool` of them (each direction keeps its best share by approximate cosine).
    # Measured in benchmarks/RESULTS.md against the exhaustive ranking.
    exact_limit: int = 1500
    candidates_per_vector: int = 100
    candidate_pool: int = 600

    def without(self, *signals: str) -> Weights:
        """A copy with the named signals switched off (for ablation runs)."""
        return replace(self, **{name: {} if name == "kind_priors" else 0.0 for name in signals})

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


DEFAULT_WEIGHTS = Weights()
