"""Structured signals beside the text fit: shared themes, distance, stage, freshness, verified
profiles; who typically gives what to whom (actor-kind priors); investors' theses."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from matchmaker.engine.snapshot import KIND_BITS, Facets

if TYPE_CHECKING:
    from matchmaker.engine.index import MatchIndex
    from matchmaker.engine.weights import Weights

EARTH_KM = 6371.0


def _popcount(values: np.ndarray) -> np.ndarray:
    return np.bitwise_count(values.astype(np.uint64)).astype(np.float64)


def distance_km(asking: Facets, index: MatchIndex, slots: np.ndarray) -> np.ndarray:
    """Great-circle distance from the asking side to each slot (nan where unknown)."""
    if np.isnan(asking.lat):
        return np.full(len(slots), np.nan)
    lat1, lon1 = np.radians(asking.lat), np.radians(asking.lon)
    lat2, lon2 = np.radians(index.lat[slots]), np.radians(index.lon[slots])
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def structured(
    index: MatchIndex, asking: Facets, slots: np.ndarray, now: float, weights: Weights
) -> dict[str, np.ndarray]:
    """Each structured signal in 0..1 for each slot, and the raw distance in km."""
    themes = index.theme_bits[slots]
    union = _popcount(themes | asking.theme_bits)
    shared = _popcount(themes & asking.theme_bits)
    distance = distance_km(asking, index, slots)
    if asking.stage_idx >= 0:
        gap = np.abs(index.stage_idx[slots].astype(float) - asking.stage_idx)
        stage = np.where(index.stage_idx[slots] >= 0, 1.0 - gap / 5.0, 0.5)
    else:
        stage = np.full(len(slots), 0.5)
    age_days = (now - index.updated[slots]) / 86400.0
    return {
        "themes": np.divide(shared, union, out=np.zeros_like(shared), where=union > 0),
        "proximity": np.where(
            np.isnan(distance), 0.5, np.clip(1.0 - distance / weights.proximity_km, 0.0, 1.0)
        ),
        "stage": stage,
        "freshness": np.clip(1.0 - age_days / weights.freshness_days, 0.0, 1.0),
        "verified": index.verified[slots].astype(float),
        "distance_km": distance,
    }


def kind_priors(
    index: MatchIndex, asking: Facets, slots: np.ndarray, weights: Weights
) -> np.ndarray:
    """The actor-kind prior of each candidate (an organisation kind, or "offer:<kind>") for
    this asker (1 = neutral)."""
    out = np.ones(len(slots))
    asking_kind = next((k for k, bit in KIND_BITS.items() if bit == asking.kind_bit), None)
    if asking_kind is None:
        return out
    providers = index.provider_kind[slots]
    for (kind_a, kind_b), factor in weights.kind_priors.items():
        if kind_a == asking_kind:
            out[providers == kind_b] = factor
    return out


def thesis_fits(investor: Facets, stage_idx: np.ndarray, theme_bits: np.ndarray) -> np.ndarray:
    """Whether organisations (their stages and themes) fall inside an investor's thesis: the
    stage among its stages and a theme among its themes, each where the thesis names any."""
    ok = np.ones(len(stage_idx), dtype=bool)
    if investor.thesis_stages:
        stage_bits = np.where(stage_idx >= 0, np.left_shift(1, np.maximum(stage_idx, 0)), 0)
        ok &= (stage_bits.astype(np.int64) & investor.thesis_stages) != 0
    if investor.thesis_themes:
        ok &= (theme_bits.astype(np.int64) & investor.thesis_themes) != 0
    return ok
