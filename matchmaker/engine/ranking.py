"""Ranking: text evidence in both directions, reciprocity, actor-kind priors and structured
signals, top-k.

A fast candidate pass (engine/candidates.py) picks the allowed candidates worth scoring (all of
them, below a few thousand); a vectorised pass scores those; a shortlist is then re-scored
exactly (lexical evidence in the reverse direction) and the top-k get the details an
explanation needs.
Scores here are raw (0..1, higher is better); `engine/calibration.py` turns them into the
relevance a person reads.
"""

from __future__ import annotations

import numpy as np

from matchmaker.engine.candidates import candidate_slots
from matchmaker.engine.evidence import (
    forward_fit,
    need_rows,
    reverse_exact,
    reverse_semantic,
)
from matchmaker.engine.index import MatchIndex
from matchmaker.engine.queries import Query, Scored
from matchmaker.engine.signals import kind_priors, structured
from matchmaker.engine.weights import DEFAULT_WEIGHTS, Weights

#: What a ranking is for: who asks whom, which directions count.
MODES = {
    # organisation -> partner organisations: both directions (reciprocity)
    "partners": {"forward": True, "reverse": True},
    # organisation -> offers it may apply to: the offers meet its needs
    "offers": {"forward": True, "reverse": False},
    # offer -> organisations: the offer meets their needs
    "offer_orgs": {"forward": False, "reverse": True},
    # free text as a need -> those who offer it
    "search": {"forward": True, "reverse": False},
    # free text as an offer -> those who seek it
    "seekers": {"forward": False, "reverse": True},
}


def combine(
    forward: np.ndarray, reverse: np.ndarray | None, mode: str, weights: Weights
) -> np.ndarray:
    """One text fit per candidate from the directions that count for `mode`.

    Between organisations either direction makes a partner (it helps you, or you help it);
    both make a better one: the stronger direction leads and the weaker adds a bonus. An
    unknown direction (no needs stated) is assumed to be a discounted copy of the other.
    """
    uses = MODES[mode]
    if not uses["reverse"]:
        return np.nan_to_num(forward, nan=0.0)
    if not uses["forward"]:
        return np.nan_to_num(reverse, nan=0.0)
    f = np.where(np.isnan(forward), reverse * weights.unknown_reverse, forward)
    r = np.where(np.isnan(reverse), forward * weights.unknown_reverse, reverse)
    f, r = np.nan_to_num(f, nan=0.0), np.nan_to_num(r, nan=0.0)
    bonus = weights.mutual_bonus
    mutual = (np.maximum(f, r) + bonus * np.minimum(f, r)) / (1.0 + bonus)
    return weights.reciprocity * mutual + (1.0 - weights.reciprocity) * f


def rank(
    index: MatchIndex,
    query: Query,
    *,
    target: int,
    mask: np.ndarray,
    limit: int,
    mode: str,
    now: float,
    weights: Weights = DEFAULT_WEIGHTS,
    min_score: float = 0.0,
) -> list[Scored]:
    """Rank the allowed candidates (`mask`, hard rules already applied) for `query`."""
    if index.profile is None or not mask.any():
        return []
    uses = MODES[mode]
    query.target = target
    # Without stated needs, an organisation's profile says what it is, not what it looks for:
    # as a partner query that would find look-alikes (peers), so only the reverse counts.
    asks = uses["forward"] and not (mode == "partners" and query.uses_profile_as_need)
    # -- the fast pass: which candidates to score at all ----------------------------------------
    slots = candidate_slots(
        index, query, mask, target=target, forward=asks, reverse=uses["reverse"], weights=weights
    )
    if not len(slots):
        return []
    rows = need_rows(
        index, query, slots, seeking=asks and weights.fellow_seeker > 0, supply=uses["reverse"]
    )
    forward = (
        forward_fit(index, query, slots, weights, rows) if asks else np.full(len(slots), np.nan)
    )
    reverse, per_need = (
        reverse_semantic(index, query, slots, weights, rows) if uses["reverse"] else (None, None)
    )
    text_fit = combine(forward, reverse, mode, weights)
    # -- shortlist, then the exact pass -----------------------------------------------------
    size = min(len(slots), max(weights.shortlist, limit))
    short = np.argpartition(-text_fit, size - 1)[:size]
    if reverse is not None and per_need is not None:
        reverse = reverse_exact(index, query, slots, short, per_need, reverse, weights)
        text_fit = combine(forward, reverse, mode, weights)
    text = text_fit[short]
    short_slots = slots[short]
    if mode in ("partners", "offers"):
        text = text * kind_priors(index, query.facets, short_slots, weights)
    signals = structured(index, query.facets, short_slots, now, weights)
    signal_weights = {
        "text": weights.text,
        "themes": (weights.partner_themes if mode == "partners" else weights.themes)
        if query.facets.theme_bits
        else 0.0,
        "proximity": weights.proximity,
        "stage": weights.stage if mode == "partners" else 0.0,
        "freshness": weights.freshness,
        "verified": weights.verified,
    }
    signals["text"] = text
    total_weight = sum(signal_weights.values()) or 1.0
    final = sum(signal_weights[k] * signals[k] for k in signal_weights) / total_weight
    results: list[Scored] = []
    for i in np.argsort(-final, kind="stable"):
        score = float(final[i])
        if score < min_score:
            break
        slot = int(short_slots[i])
        at = int(short[i])
        fwd, rev = forward[at], None if reverse is None else reverse[at]
        distance = signals["distance_km"][i]
        results.append(
            Scored(
                slot=slot,
                score=round(score, 4),
                forward=None if np.isnan(fwd) else round(float(fwd), 4),
                reverse=None if rev is None or np.isnan(rev) else round(float(rev), 4),
                parts={
                    name: round(float(signals[name][i]), 4)
                    for name in signal_weights
                    if signal_weights[name] > 0
                },
                distance_km=None if np.isnan(distance) else round(float(distance), 1),
            )
        )
        if len(results) >= limit:
            break
    return results
