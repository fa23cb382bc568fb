"""Text evidence of a match, vectorised over every slot: how well the asking side's needs are
met by each candidate's offers (forward), and each candidate's needs by the asking side's
offers (reverse). Semantic (embeddings) and lexical (stemmed, bridged terms) evidence are
blended per need; needs are aggregated per candidate.

What counts as a candidate's supply is what it offers: its listed offers, or its profile when
it lists none (an offer's supply is its own text). A profile says what an organisation does
but often also what it looks for; when a candidate itself seeks what the asker needs, it is a
fellow seeker, not a provider, and its profile's evidence is discounted by that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from matchmaker.engine.needs import affinity, categories_of, is_funding_need
from matchmaker.engine.signals import thesis_fits
from matchmaker.engine.snapshot import OFFER, ORG

if TYPE_CHECKING:
    from matchmaker.engine.index import MatchIndex
    from matchmaker.engine.queries import Query
    from matchmaker.engine.weights import Weights

MAX_POSITIONS = 32  # texts per list are capped at 20 by validation


def calibrate(cos: np.ndarray, weights: Weights) -> np.ndarray:
    """Cosine onto 0..1 between the model's background and clear-match levels."""
    span = max(weights.cosine_ceiling - weights.cosine_floor, 1e-6)
    return np.clip((cos - weights.cosine_floor) / span, 0.0, 1.0)


def aggregate(fits: np.ndarray, weights: Weights) -> np.ndarray:
    """Combine per-need fits (n, q) into one fit per candidate."""
    if fits.shape[1] == 0:
        return np.zeros(fits.shape[0])
    total = weights.best_need + weights.mean_need or 1.0
    return (weights.best_need * fits.max(axis=1) + weights.mean_need * fits.mean(axis=1)) / total


def blend(semantic: np.ndarray, lexical: np.ndarray, weights: Weights) -> np.ndarray:
    total = weights.semantic + weights.lexical
    if total <= 0:
        return np.zeros_like(semantic)
    return (weights.semantic * semantic + weights.lexical * lexical) / total


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
        idfs = {t: index.idf(t) for t in set(terms)}
        mass = sum(idfs.values())
        if mass <= 0:
            continue
        for term, weight in idfs.items():
            slots = index.supply.slots(term)
            if len(slots):
                out[slots[slots < n], column] += weight / mass
    return out


def forward_fit(index: MatchIndex, query: Query, n: int, weights: Weights) -> np.ndarray:
    """How well each slot meets the query's needs (n,); nan when the query states no needs."""
    if not len(query.need_terms):
        return np.full(n, np.nan)
    hub = weights.hubness * index.hubness.current(index).supply_of(n)[:, None]
    offered_cos = index.offers.max_per_owner(query.need_vectors, n)
    described_cos = index.profiles_max(query.need_vectors, n)
    offered = calibrate(offered_cos - hub, weights)
    described = calibrate(described_cos - hub, weights)
    # A profile answers a need less precisely than a listed offer, and only stands in for
    # candidates that list none.
    described = described * np.where(
        index.has_offers[:n, None], weights.profile_beside_offers, weights.profile_discount
    )
    if weights.fellow_seeker:
        seeking = calibrate(index.needs.max_per_owner(query.need_vectors, n), weights)
        described = described * (1.0 - weights.fellow_seeker * np.clip(seeking, 0.0, 1.0))
    semantic = collapse_variants(
        np.maximum(offered, described), query.need_positions, len(query.need_terms)
    )
    fits = blend(semantic, lexical_forward(index, query.need_terms, n), weights)
    strength = (
        weights.typical_offer
        if query.target == OFFER
        else weights.typical_search
        if query.etype < 0
        else weights.typical_provider
    )
    asker = query.card.kind if query.card is not None and query.etype == ORG else None
    not_needed = set(weights.not_needed_by.get(asker, ()))
    if strength:
        kinds = index.provider_kind[:n]
        for column, terms in enumerate(query.need_terms):
            categories = tuple(c for c in categories_of(terms) if c not in not_needed)
            if categories:
                typical = np.fromiter(
                    (affinity(categories, k, weights) for k in kinds), dtype=float, count=n
                )
                fits[:, column] += strength * typical * (1.0 - fits[:, column])
    _apply_theses_forward(index, query, fits, n, weights)
    return aggregate(fits, weights)


def _apply_theses_forward(index: MatchIndex, query: Query, fits, n: int, weights) -> None:
    """An investor meets a start-up's funding need only inside its thesis."""
    funding = [i for i, terms in enumerate(query.need_terms) if is_funding_need(terms)]
    if not funding or not index.has_thesis[:n].any():
        return
    asking = query.facets
    inside = thesis_fits_of_asker(index, asking, n)
    factor = np.where(index.has_thesis[:n] & ~inside, weights.outside_thesis, 1.0)
    fits[:, funding] *= factor[:, None]


def thesis_fits_of_asker(index: MatchIndex, asking, n: int) -> np.ndarray:
    """For every investor slot, whether the asker's stage and themes fall inside its thesis."""
    ok = np.ones(n, dtype=bool)
    stage_bit = (1 << int(asking.stage_idx)) if asking.stage_idx >= 0 else 0
    stages = index.thesis_stages[:n]
    themes = index.thesis_themes[:n]
    ok &= (stages == 0) | ((stages & stage_bit) != 0)
    ok &= (themes == 0) | ((themes & asking.theme_bits) != 0)
    return ok


def reverse_semantic(
    index: MatchIndex, query: Query, n: int, weights: Weights
) -> tuple[np.ndarray, np.ndarray | None]:
    """How well the query's supply meets each slot's needs, semantically: the aggregated fit
    (n,; nan for slots that state no needs) and the best fit per (slot, need position)."""
    sims, row_owner = index.needs.row_similarities(query.supply_vectors)
    if not sims.shape[1]:
        return np.full(n, np.nan), None
    live_rows = (row_owner >= 0) & (row_owner < n)
    hub = weights.hubness * index.hubness.current(index).demand_of(n)
    row_hub = np.zeros(len(row_owner))
    row_hub[live_rows] = hub[row_owner[live_rows]]
    listed = ~query.supply_is_profile
    best = np.full(sims.shape[0], -1.0, dtype=np.float64)
    if listed.any():
        best = calibrate(sims[:, listed].max(axis=1) - row_hub, weights)
    if query.supply_is_profile.any():  # the profile stands in, or speaks beside the offers
        factor = weights.profile_beside_offers if listed.any() else weights.profile_discount
        described = calibrate(sims[:, query.supply_is_profile].max(axis=1) - row_hub, weights)
        best = np.maximum(best, described * factor)
    row_sem = np.clip(best, 0.0, 1.0)
    tags = np.minimum(index.needs.row_tags().astype(np.int64), MAX_POSITIONS - 1)
    outside = outside_thesis(index, query, n)
    if outside is not None:
        # An investor asking: a candidate's funding needs count only inside its thesis.
        owners = row_owner[live_rows].astype(np.int64)
        funding = ((index.funding_needs[owners] >> tags[live_rows]) & 1).astype(bool)
        row_sem[live_rows] *= np.where(funding & outside[owners], weights.outside_thesis, 1.0)
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
    semantic = (weights.best_need * maxes + weights.mean_need * means) / total
    return np.where(counts > 0, semantic, np.nan), per_need


def outside_thesis(index: MatchIndex, query: Query, n: int) -> np.ndarray | None:
    """When an investor asks: which slots fall outside its thesis (None otherwise)."""
    if not query.facets.has_thesis:
        return None
    return ~thesis_fits(query.facets, index.stage_idx[:n], index.theme_bits[:n])


def reverse_exact(
    index: MatchIndex,
    query: Query,
    slots: list[int],
    per_need: np.ndarray,
    reverse: np.ndarray,
    weights: Weights,
) -> np.ndarray:
    """The reverse fit of a shortlist with lexical evidence added (plain Python on purpose: a
    few hundred candidates with a handful of short needs each, where numpy's per-call overhead
    would dominate)."""
    reverse = reverse.copy()
    idf = index.idf
    w_sem, w_lex = weights.semantic, weights.lexical
    blend_total = (w_sem + w_lex) or 1.0
    agg_total = (weights.best_need + weights.mean_need) or 1.0
    supply_terms = query.supply_terms
    outside = outside_thesis(index, query, index.n_slots)
    asker_kind = query.card.kind if query.card is not None and query.etype >= 0 else None
    if asker_kind is not None and query.etype == 1:
        asker_kind = f"offer:{asker_kind}"
    for slot, semantic_by_position in zip(slots, per_need[slots].tolist(), strict=True):
        masses = index.need_masses(slot)
        funding = int(index.funding_needs[slot]) if outside is not None and outside[slot] else 0
        fits = []
        for position, terms in enumerate(index.need_term_sets[slot]):
            semantic_fit = semantic_by_position[min(position, MAX_POSITIONS - 1)]
            if semantic_fit < 0:  # a need without a vector (not indexed yet)
                continue
            mass = masses[position]
            covered = sum(idf(t) for t in terms & supply_terms) if mass > 0 else 0.0
            lexical_fit = covered / mass if mass > 0 else 0.0
            fit = (w_sem * semantic_fit + w_lex * lexical_fit) / blend_total
            if weights.typical_provider:
                typical = affinity(index.need_categories[slot][position], asker_kind, weights)
                fit += weights.typical_provider * typical * (1.0 - fit)
            if funding >> position & 1:
                fit = min(fit, semantic_fit)  # the semantic part is already outside-thesis
            fits.append(fit)
        if fits:
            reverse[slot] = (
                weights.best_need * max(fits) + weights.mean_need * sum(fits) / len(fits)
            ) / agg_total
    return reverse
