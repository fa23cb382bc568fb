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

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from embeddings.index import owner_max
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


def need_postings(
    index: MatchIndex, need_terms: list[list[str]]
) -> Iterator[tuple[int, np.ndarray, float]]:
    """For each need (its column) and each of its distinct terms: the slots whose supply holds
    the term, and the term's idf share of the need (what covering it is worth)."""
    for column, terms in enumerate(need_terms):
        idfs = {t: index.idf(t) for t in set(terms)}
        mass = sum(idfs.values())
        if mass <= 0:
            continue
        for term, weight in idfs.items():
            found = index.supply.slots(term)
            if len(found):
                yield column, found, weight / mass


def lexical_forward(
    index: MatchIndex, need_terms: list[list[str]], slots: np.ndarray
) -> np.ndarray:
    """Coverage of each need (columns) by the supply terms of each of `slots` (rows), via
    postings."""
    out = np.zeros((len(slots), max(len(need_terms), 0)), dtype=np.float64)
    if not len(slots):
        return out
    at = np.full(index.n_slots, -1, dtype=np.int64)
    at[slots] = np.arange(len(slots))
    for column, found, share in need_postings(index, need_terms):
        rows = at[found[found < len(at)]]
        out[rows[rows >= 0], column] += share
    return out


@dataclass
class NeedRows:
    """The candidates' need rows against the asker, gathered once for both directions: their
    cosines to the asker's needs (`seeking`: a fellow seeker) and to its supply (`supply`:
    the reverse direction), each row's owner (index in the slots) and tag (need position).
    A direction not asked for has no columns."""

    seeking: np.ndarray
    supply: np.ndarray
    at: np.ndarray
    tags: np.ndarray


def need_rows(
    index: MatchIndex, query: Query, slots: np.ndarray, *, seeking: bool, supply: bool
) -> NeedRows:
    """One gather and one product over the candidates' need rows for what both directions
    ask of them."""
    asked = ([query.need_vectors] if seeking else []) + ([query.supply_vectors] if supply else [])
    queries = np.vstack(asked) if asked else np.zeros((0, 0), dtype=np.float32)
    if not len(queries):
        empty = np.zeros((0, 0), dtype=np.float32)
        none = np.zeros(0, dtype=np.int64)
        return NeedRows(empty, empty, none, none)
    sims, at, tags = index.needs.similarities(queries, slots)
    split = len(query.need_vectors) if seeking else 0
    return NeedRows(sims[:, :split], sims[:, split:], at, tags)


def forward_fit(
    index: MatchIndex,
    query: Query,
    slots: np.ndarray,
    weights: Weights,
    rows: NeedRows,
) -> np.ndarray:
    """How well each of `slots` meets the query's needs; nan when the query states no needs.
    `rows`: the need rows of `slots` (`need_rows`, with `seeking`)."""
    if not len(query.need_terms):
        return np.full(len(slots), np.nan)
    hub = weights.hubness * index.hubness.current(index).supply_at(slots)[:, None]
    offered_cos = index.offers.best_per_owner(query.need_vectors, slots)
    described_cos = index.profile.best_per_owner(query.need_vectors, slots)
    offered = calibrate(offered_cos - hub, weights)
    described = calibrate(described_cos - hub, weights)
    # A profile answers a need less precisely than a listed offer, and only stands in for
    # candidates that list none.
    described = described * np.where(
        index.has_offers[slots, None], weights.profile_beside_offers, weights.profile_discount
    )
    if weights.fellow_seeker:
        seeking = calibrate(owner_max(rows.seeking, rows.at, len(slots)), weights)
        described = described * (1.0 - weights.fellow_seeker * np.clip(seeking, 0.0, 1.0))
    semantic = collapse_variants(
        np.maximum(offered, described), query.need_positions, len(query.need_terms)
    )
    fits = blend(semantic, lexical_forward(index, query.need_terms, slots), weights)
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
        kinds = index.provider_kind[slots].tolist()
        for column, terms in enumerate(query.need_terms):
            categories = tuple(c for c in categories_of(terms) if c not in not_needed)
            if categories:
                by_kind = {k: affinity(categories, k, weights) for k in set(kinds)}
                typical = np.fromiter(
                    map(by_kind.__getitem__, kinds), dtype=float, count=len(kinds)
                )
                fits[:, column] += strength * typical * (1.0 - fits[:, column])
    _apply_theses_forward(index, query, fits, slots, weights)
    return aggregate(fits, weights)


def _apply_theses_forward(index: MatchIndex, query: Query, fits, slots, weights) -> None:
    """An investor meets a start-up's funding need only inside its thesis."""
    funding = [i for i, terms in enumerate(query.need_terms) if is_funding_need(terms)]
    if not funding or not index.has_thesis[slots].any():
        return
    inside = thesis_fits_of_asker(index, query.facets, slots)
    factor = np.where(index.has_thesis[slots] & ~inside, weights.outside_thesis, 1.0)
    fits[:, funding] *= factor[:, None]


def thesis_fits_of_asker(index: MatchIndex, asking, slots: np.ndarray) -> np.ndarray:
    """For each of `slots` (investors), whether the asker's stage and themes fall inside its
    thesis."""
    ok = np.ones(len(slots), dtype=bool)
    stage_bit = (1 << int(asking.stage_idx)) if asking.stage_idx >= 0 else 0
    stages = index.thesis_stages[slots]
    themes = index.thesis_themes[slots]
    ok &= (stages == 0) | ((stages & stage_bit) != 0)
    ok &= (themes == 0) | ((themes & asking.theme_bits) != 0)
    return ok


def reverse_semantic(
    index: MatchIndex,
    query: Query,
    slots: np.ndarray,
    weights: Weights,
    rows: NeedRows,
) -> tuple[np.ndarray, np.ndarray | None]:
    """How well the query's supply meets the needs of each of `slots`, semantically: the
    aggregated fit (nan for slots that state no needs) and the best fit per (slot, need
    position), both aligned with `slots`. `rows`: their need rows (`need_rows`, with `supply`)."""
    m = len(slots)
    if not len(query.supply_vectors):
        return np.full(m, np.nan), None
    sims, at, row_tags = rows.supply, rows.at, rows.tags
    hub = weights.hubness * index.hubness.current(index).demand_at(slots)
    row_hub = hub[at]
    listed = ~query.supply_is_profile
    best = np.full(sims.shape[0], -1.0, dtype=np.float64)
    if listed.any():
        best = calibrate(sims[:, listed].max(axis=1, initial=-1.0) - row_hub, weights)
    if query.supply_is_profile.any():  # the profile stands in, or speaks beside the offers
        factor = weights.profile_beside_offers if listed.any() else weights.profile_discount
        described = calibrate(
            sims[:, query.supply_is_profile].max(axis=1, initial=-1.0) - row_hub, weights
        )
        best = np.maximum(best, described * factor)
    row_sem = np.clip(best, 0.0, 1.0)
    tags = np.minimum(row_tags.astype(np.int64), MAX_POSITIONS - 1)
    outside = outside_thesis(index, query, slots)
    if outside is not None:
        # An investor asking: a candidate's funding needs count only inside its thesis.
        funding = ((index.funding_needs[slots[at]] >> tags) & 1).astype(bool)
        row_sem *= np.where(funding & outside[at], weights.outside_thesis, 1.0)
    per_need = np.full(m * MAX_POSITIONS, -1.0)
    np.maximum.at(per_need, at * MAX_POSITIONS + tags, row_sem)
    per_need = per_need.reshape(m, MAX_POSITIONS)
    valid = per_need >= 0
    counts = valid.sum(axis=1)
    maxes = np.where(counts > 0, per_need.max(axis=1), 0.0)
    sums = np.where(valid, per_need, 0.0).sum(axis=1)
    means = np.divide(sums, counts, out=np.zeros(m), where=counts > 0)
    total = weights.best_need + weights.mean_need or 1.0
    semantic = (weights.best_need * maxes + weights.mean_need * means) / total
    return np.where(counts > 0, semantic, np.nan), per_need


def outside_thesis(index: MatchIndex, query: Query, slots: np.ndarray) -> np.ndarray | None:
    """When an investor asks: which of `slots` fall outside its thesis (None otherwise)."""
    if not query.facets.has_thesis:
        return None
    return ~thesis_fits(query.facets, index.stage_idx[slots], index.theme_bits[slots])


def reverse_exact(
    index: MatchIndex,
    query: Query,
    slots: np.ndarray,
    short: np.ndarray,
    per_need: np.ndarray,
    reverse: np.ndarray,
    weights: Weights,
) -> np.ndarray:
    """The reverse fit of a shortlist (`short`: positions in `slots`) with lexical evidence
    added (plain Python on purpose: a few hundred candidates with a handful of short needs
    each, where numpy's per-call overhead would dominate)."""
    reverse = reverse.copy()
    w_sem, w_lex = weights.semantic, weights.lexical
    blend_total = (w_sem + w_lex) or 1.0
    agg_total = (weights.best_need + weights.mean_need) or 1.0
    supply_terms = query.supply_terms
    supply_idf = {t: index.idf(t) for t in supply_terms}
    outside = outside_thesis(index, query, slots)
    asker_kind = query.card.kind if query.card is not None and query.etype >= 0 else None
    if asker_kind is not None and query.etype == 1:
        asker_kind = f"offer:{asker_kind}"
    typical_weight = weights.typical_provider
    need_sets, need_masses = index.need_term_sets, index.need_masses
    semantic = per_need[short]
    # Only the columns some candidate uses (the rest are -1: no such need).
    used = np.flatnonzero((semantic >= 0).any(axis=0))
    width = int(used[-1]) + 1 if len(used) else 0
    rows = semantic[:, :width].tolist()
    for at, slot, semantic_by_position in zip(
        short.tolist(), slots[short].tolist(), rows, strict=True
    ):
        masses = need_masses(slot)
        funding = int(index.funding_needs[slot]) if outside is not None and outside[at] else 0
        fits = []
        for position, terms in enumerate(need_sets[slot]):
            column = min(position, MAX_POSITIONS - 1)
            semantic_fit = semantic_by_position[column] if column < width else -1.0
            if semantic_fit < 0:  # a need without a vector (not indexed yet)
                continue
            mass = masses[position]
            common = terms & supply_terms if mass > 0 else ()
            lexical_fit = sum(map(supply_idf.__getitem__, common)) / mass if common else 0.0
            fit = (w_sem * semantic_fit + w_lex * lexical_fit) / blend_total
            if typical_weight:
                typical = affinity(index.need_categories[slot][position], asker_kind, weights)
                fit += typical_weight * typical * (1.0 - fit)
            if funding >> position & 1:
                fit = min(fit, semantic_fit)  # the semantic part is already outside-thesis
            fits.append(fit)
        if fits:
            reverse[at] = (
                weights.best_need * max(fits) + weights.mean_need * sum(fits) / len(fits)
            ) / agg_total
    return reverse
