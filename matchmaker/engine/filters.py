"""Hard rules before any scoring: who is a candidate at all (published, of the asked type,
matching the requested filters, eligible, not excluded)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np

from matchmaker.engine.index import MatchIndex
from matchmaker.engine.snapshot import (
    DISTRICT_BITS,
    KIND_BITS,
    OFFER,
    ORG,
    STAGE_BITS,
    THEME_BITS,
    Facets,
)


@dataclass
class Filters:
    """What the asking side restricts its candidates to (empty = no restriction)."""

    kinds: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    districts: list[str] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)
    offer_kinds: list[str] = field(default_factory=list)


def today_ordinal() -> int:
    return date.today().toordinal()


def _stage_bits(index: MatchIndex, n: int) -> np.ndarray:
    stages = index.stage_idx[:n]
    return np.where(stages >= 0, np.left_shift(1, np.maximum(stages, 0)), 0).astype(np.int64)


def candidate_mask(
    index: MatchIndex,
    *,
    target: int,
    filters: Filters,
    exclude: set[int],
    today: int,
) -> np.ndarray:
    """Hard rules: live, published, of the target type, matching filters, not excluded."""
    n = index.n_slots
    mask = index.live[:n] & index.published[:n] & (index.etype[:n] == target)
    if target == OFFER:
        mask &= index.deadline[:n] >= today
        if filters.offer_kinds:
            mask &= index.offer_kinds_mask(filters.offer_kinds)
    if filters.kinds and target == ORG:
        mask &= (index.kind_bit[:n] & sum(KIND_BITS[k] for k in filters.kinds)) != 0
    if filters.stages and target == ORG:
        wanted = sum(STAGE_BITS[s] for s in filters.stages)
        mask &= (_stage_bits(index, n) & wanted) != 0
    if filters.themes:
        mask &= (index.theme_bits[:n] & sum(THEME_BITS[t] for t in filters.themes)) != 0
    if filters.districts:
        wanted = sum(DISTRICT_BITS[d] for d in filters.districts)
        mask &= (index.district_bit[:n] & wanted) != 0
    for slot in exclude:
        if slot is not None and slot < n:
            mask[slot] = False
    return mask


def eligible_offers_for(index: MatchIndex, asking: Facets, today: int) -> np.ndarray:
    """Which offer slots an organisation with these facets may apply to (kinds, stages,
    district, deadline)."""
    n = index.n_slots
    stage_bit = (1 << int(asking.stage_idx)) if asking.stage_idx >= 0 else 0
    ek, es, ed = index.elig_kinds[:n], index.elig_stages[:n], index.elig_districts[:n]
    return (
        ((ek == 0) | ((ek & asking.kind_bit) != 0))
        & ((es == 0) | ((es & stage_bit) != 0))
        & ((ed == 0) | ((ed & asking.district_bit) != 0))
        & (index.deadline[:n] >= today)
    )


def eligible_orgs_for(index: MatchIndex, offer: Facets) -> np.ndarray:
    """Which organisation slots may apply to an offer with these facets."""
    n = index.n_slots
    ek, es, ed = offer.elig_kinds, offer.elig_stages, offer.elig_districts
    return (
        ((ek == 0) | ((index.kind_bit[:n] & ek) != 0))
        & ((es == 0) | ((_stage_bits(index, n) & es) != 0))
        & ((ed == 0) | ((index.district_bit[:n] & ed) != 0))
    )
