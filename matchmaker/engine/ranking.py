"""Ranking: hard filters, semantic and lexical need fit, reciprocity, structured signals, top-k.

A fast vectorised pass scores every allowed candidate; a shortlist is then re-scored exactly
(lexical evidence in the reverse direction) and the top-k get the details an explanation needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from matchmaker.engine.index import MatchIndex
from matchmaker.engine.snapshot import ORG, EntityRecord, Facets
from matchmaker.engine.weights import DEFAULT_WEIGHTS, Weights

EARTH_KM = 6371.0
MAX_POSITIONS = 32  # texts per list are capped at 20 by validation


@dataclass
class Query:
    """The asking side: its vectors and terms, and who it is (for filters and structure)."""

    need_vectors: np.ndarray  # (r, d): its needs (all variants), or its profile
    need_positions: np.ndarray  # (r,): which need each row encodes (0..len(need_terms)-1)
    need_terms: list[list[str]]  # per need
    supply_vectors: np.ndarray  # (m, d): its offers and profile, for the reverse direction
    supply_terms: set[str]
    supply_is_profile: np.ndarray  # (m,) bool: which supply rows are the profile
    supply_positions: np.ndarray  # (m,): which offer (or 0 for the profile) each row encodes
    slot: int | None = None  # its slot in the index, when it is in it
    etype: int = ORG  # -1: a free-text search
    uses_profile_as_need: bool = False
    facets: Facets = field(default_factory=Facets)  # its filters and structured signals
    card: EntityRecord | None = None  # its display fields, for explanations


@dataclass
class Scored:
    slot: int
    score: float
    forward: float
    reverse: float | None
    parts: dict[str, float]
    pairs: list[tuple[int, str, int, float]] = field(default_factory=list)
    distance_km: float | None = None


def calibrate(cos: np.ndarray, weights: Weights) -> np.ndarray:
    span = max(weights.cosine_ceiling - weights.cosine_floor, 1e-6)
    return np.clip((cos - weights.cosine_floor) / span, 0.0, 1.0)


def _popcount(values: np.ndarray) -> np.ndarray:
    return np.bitwise_count(values.astype(np.uint64)).astype(np.float64)


def _aggregate(fits: np.ndarray, weights: Weights) -> np.ndarray:
    """Combine per-need fits (n, q) into one fit per candidate."""
    if fits.shape[1] == 0:
        return np.zeros(fits.shape[0])
    total = weights.best_need + weights.mean_need or 1.0
    return (weights.best_need * fits.max(axis=1) + weights.mean_need * fits.mean(axis=1)) / total


def _blend(semantic: np.ndarray, lexical: np.ndarray, weights: Weights) -> np.ndarray:
    total = weights.semantic + weights.lexical
    if total <= 0:
        return np.zeros_like(semantic)
    return (weights.semantic * semantic + weights.lexical * lexical) / total


def coverage(index: MatchIndex, need: list[str], supply: set[str]) -> float:
    """Share of a need's idf-weighted terms that the supply side also uses."""
    if not need:
        return 0.0
    unique = set(need)
    mass = sum(index.idf(t) for t in unique)
    if mass <= 0:
        return 0.0
    return sum(index.idf(t) for t in unique if t in supply) / mass


def collapse_variants(values: np.ndarray, positions: np.ndarray, count: int) -> np.ndarray:
    """(n, rows) -> (n, count): the best variant of each text (rows sharing a position)."""
    out = np.zeros((values.shape[0], count), dtype=np.float64)
    for position in range(count):
        columns = positions == position
        if columns.any():
            out[:, position] = values[:, columns].max(axis=1)
    return out


def lexical_forward(index: MatchIndex, need_terms: list[list[str]], n: int) -> np.ndarray:
    """Coverage of each need (columns) by every slot's supply terms (rows), via postings."""
    out = np.zeros((n, max(len(need_terms), 0)), dtype=np.float64)
    for column, terms in enumerate(need_terms):
        unique = set(terms)
        idfs = {t: index.idf(t) for t in unique}
        mass = sum(idfs.values())
        if mass <= 0:
            continue
        for term, weight in idfs.items():
            slots = index.supply.slots(term)
            if len(slots):
                out[slots[slots < n], column] += weight / mass
    return out


def _structured(
    index: MatchIndex, query: Query, slots: np.ndarray, query_themes: int, now: float
) -> dict[str, np.ndarray]:
    themes = index.theme_bits[slots]
    union = _popcount(themes | query_themes)
    shared = _popcount(themes & query_themes)
    jaccard = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    parts = {"themes": jaccard}
    asking = query.facets
    if not np.isnan(asking.lat):
        lat1, lon1 = np.radians(asking.lat), np.radians(asking.lon)
        lat2, lon2 = np.radians(index.lat[slots]), np.radians(index.lon[slots])
        a = (
            np.sin((lat2 - lat1) / 2) ** 2
            + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
        )
        distance = 2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
    else:
        distance = np.full(len(slots), np.nan)
    parts["distance_km"] = distance
    if asking.stage_idx >= 0:
        gap = np.abs(index.stage_idx[slots].astype(float) - asking.stage_idx)
        stage = np.where(index.stage_idx[slots] >= 0, 1.0 - gap / 5.0, 0.5)
    else:
        stage = np.full(len(slots), 0.5)
    parts["stage"] = stage
    age_days = (now - index.updated[slots]) / 86400.0
    parts["verified"] = index.verified[slots].astype(float)
    parts["age_days"] = age_days
    return parts


def rank(
    index: MatchIndex,
    query: Query,
    *,
    target: int,
    mask: np.ndarray,
    limit: int,
    weights: Weights = DEFAULT_WEIGHTS,
    reciprocal: bool = False,
    offer_for_orgs: bool = False,
    now: float,
    min_score: float = 0.0,
) -> list[Scored]:
    """Rank allowed candidates for `query`.

    Args:
        target: ORG or OFFER slots to rank.
        mask: boolean array over slots (hard rules already applied).
        reciprocal: organisation <-> organisation: score both directions.
        offer_for_orgs: the query is an offer and candidates are judged by how well the offer
            meets their needs (the reverse direction alone).
    """
    n = index.n_slots
    if index.profile is None or not mask.any():
        return []
    candidates = np.flatnonzero(mask[:n])
    # -- forward: the query's needs against each candidate's offers and profile --------------
    forward = np.zeros(n)
    need_fit = None
    if not offer_for_orgs:
        sem_offers = index.offers.max_per_owner(query.need_vectors, n)
        sem_profile = index.profiles_max(query.need_vectors, n)
        semantic_rows = np.maximum(
            calibrate(sem_offers, weights),
            calibrate(sem_profile, weights) * weights.profile_discount,
        )
        n_needs = len(query.need_terms)
        semantic = collapse_variants(semantic_rows, query.need_positions, n_needs)
        lexical = lexical_forward(index, query.need_terms, n)
        need_fit = _blend(semantic, lexical, weights)
        forward = _aggregate(need_fit, weights)
    # -- reverse: each candidate's needs against the query's supply --------------------------
    reverse = None
    per_need = None  # (n, MAX_POSITIONS): best semantic fit per candidate need, -1 = none
    if reciprocal or offer_for_orgs:
        sims, row_owner = index.needs.row_similarities(query.supply_vectors)
        if sims.shape[1]:
            profile_cols = query.supply_is_profile
            best = np.full(sims.shape[0], -1.0, dtype=np.float64)
            if (~profile_cols).any():
                best = np.maximum(best, calibrate(sims[:, ~profile_cols].max(axis=1), weights))
            if profile_cols.any():
                best = np.maximum(
                    best,
                    calibrate(sims[:, profile_cols].max(axis=1), weights)
                    * weights.profile_discount,
                )
            row_sem = np.clip(best, 0.0, 1.0)
            # One value per (candidate, need): the best variant of that need's text.
            tags = np.minimum(index.needs.row_tags().astype(np.int64), MAX_POSITIONS - 1)
            live_rows = (row_owner >= 0) & (row_owner < n)
            keys = row_owner[live_rows].astype(np.int64) * MAX_POSITIONS + tags[live_rows]
            per_need = np.full(n * MAX_POSITIONS, -1.0)
            np.maximum.at(per_need, keys, row_sem[live_rows])
            per_need = per_need.reshape(n, MAX_POSITIONS)
            valid = per_need >= 0
            counts = valid.sum(axis=1)
            maxes = np.where(counts > 0, per_need.max(axis=1), 0.0)
            sums = np.where(valid, per_need, 0.0).sum(axis=1)
            means = np.divide(sums, counts, out=np.zeros(n), where=counts > 0)
            total = weights.best_need + weights.mean_need or 1.0
            semantic_reverse = (weights.best_need * maxes + weights.mean_need * means) / total
            # Lexical evidence is added exactly on the shortlist below.
            reverse = np.where(counts > 0, semantic_reverse, np.nan)
        else:
            reverse = np.full(n, np.nan)
    # -- fast pass and shortlist ----------------------------------------------------------------
    text_fit = _combine(forward, reverse, weights, reciprocal, offer_for_orgs, index, query, n)
    prelim = text_fit[candidates]
    shortlist_size = min(len(candidates), max(weights.shortlist, limit))
    order = np.argpartition(-prelim, shortlist_size - 1)[:shortlist_size]
    short = candidates[order]
    # -- exact pass on the shortlist ------------------------------------------------------------
    # Plain Python on purpose: a few hundred candidates with a handful of short needs each,
    # where numpy's per-call overhead would dominate.
    if reverse is not None and per_need is not None:
        reverse = reverse.copy()
        idf = index.idf
        w_sem, w_lex = weights.semantic, weights.lexical
        blend_total = (w_sem + w_lex) or 1.0
        agg_total = (weights.best_need + weights.mean_need) or 1.0
        supply_terms = query.supply_terms
        best_rows = per_need[short].tolist()
        for slot, semantic_by_position in zip(short.tolist(), best_rows, strict=True):
            term_sets = index.need_term_sets[slot]
            masses = index.need_masses(slot)
            fits = []
            for position, terms in enumerate(term_sets):
                semantic_fit = semantic_by_position[min(position, MAX_POSITIONS - 1)]
                if semantic_fit < 0:  # a need without a vector (not indexed yet)
                    continue
                mass = masses[position]
                covered = sum(idf(t) for t in terms & supply_terms) if mass > 0 else 0.0
                lexical_fit = covered / mass if mass > 0 else 0.0
                fits.append((w_sem * semantic_fit + w_lex * lexical_fit) / blend_total)
            if fits:
                reverse[slot] = (
                    weights.best_need * max(fits) + weights.mean_need * sum(fits) / len(fits)
                ) / agg_total
        text_fit = _combine(forward, reverse, weights, reciprocal, offer_for_orgs, index, query, n)
    query_themes = int(query.facets.theme_bits)
    parts = _structured(index, query, short, query_themes, now)
    proximity = np.where(
        np.isnan(parts["distance_km"]),
        0.5,
        np.clip(1.0 - parts["distance_km"] / weights.proximity_km, 0.0, 1.0),
    )
    freshness = np.clip(1.0 - parts["age_days"] / weights.freshness_days, 0.0, 1.0)
    signal_weights = {
        "text": weights.text,
        "themes": (weights.partner_themes if reciprocal else weights.themes)
        if query_themes
        else 0.0,
        "proximity": weights.proximity,
        "stage": weights.stage if reciprocal else 0.0,
        "freshness": weights.freshness,
        "verified": weights.verified,
    }
    signals = {
        "text": text_fit[short],
        "themes": parts["themes"],
        "proximity": proximity,
        "stage": parts["stage"],
        "freshness": freshness,
        "verified": parts["verified"],
    }
    total_weight = sum(signal_weights.values()) or 1.0
    final = sum(signal_weights[k] * signals[k] for k in signals) / total_weight
    order = np.argsort(-final, kind="stable")
    results: list[Scored] = []
    for i in order:
        score = float(final[i])
        if score < min_score:
            continue
        slot = int(short[i])
        rev = None if reverse is None or np.isnan(reverse[slot]) else float(reverse[slot])
        fwd = float(forward[slot]) if not offer_for_orgs else float(0.0 if rev is None else rev)
        distance = parts["distance_km"][i]
        results.append(
            Scored(
                slot=slot,
                score=round(score, 4),
                forward=round(fwd, 4),
                reverse=None if rev is None else round(rev, 4),
                parts={
                    name: round(float(signals[name][i]), 4)
                    for name in signals
                    if signal_weights[name] > 0
                },
                distance_km=None if np.isnan(distance) else round(float(distance), 1),
            )
        )
        if len(results) >= limit:
            break
    return results


def _combine(
    forward: np.ndarray,
    reverse: np.ndarray | None,
    weights: Weights,
    reciprocal: bool,
    offer_for_orgs: bool,
    index: MatchIndex,
    query: Query,
    n: int,
) -> np.ndarray:
    if offer_for_orgs:
        assert reverse is not None
        # Candidates that state no needs are judged by their profile against the offer.
        fallback = calibrate(index.profiles_max(query.supply_vectors, n).max(axis=1), weights)
        return np.where(np.isnan(reverse), fallback * weights.unknown_reverse, reverse)
    if not reciprocal or reverse is None:
        return forward
    rev = np.where(np.isnan(reverse), forward * weights.unknown_reverse, reverse)
    harmonic = np.divide(
        2 * forward * rev, forward + rev, out=np.zeros_like(forward), where=(forward + rev) > 0
    )
    arithmetic = (forward + rev) / 2
    mutual = weights.harmonic * harmonic + (1 - weights.harmonic) * arithmetic
    return weights.reciprocity * mutual + (1 - weights.reciprocity) * forward
