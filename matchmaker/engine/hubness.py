"""Hubness correction: a candidate that fits everyone a little must not crowd every list.

CSLS-style local scaling (Conneau et al., 2018, "Word translation without parallel data"):
the similarity of a candidate to a query is lowered by the candidate's mean similarity to its
k nearest neighbours among all queries of the population, r(c). "Verbundprojekt" programmes
and soft-landing offers written in vague language have a high r(c): they sit close to every
need, so every list would show them. Subtracting r(c) (centred on the population's median, so
an ordinary candidate is not moved) keeps them where they fit specifically.

Computed for the supply side (what is offered, against a sample of every stated need) and the
demand side (what is needed, against a sample of everything offered), and cached: the
population changes slowly, so a recomputation waits until the index changed and the last one
is `max_age` seconds old.
"""

from __future__ import annotations

import threading
import time

import numpy as np

K = 10
SAMPLE = 2000
MAX_AGE = 60.0


def _per_owner(values: np.ndarray, owners: np.ndarray, n: int) -> np.ndarray:
    """The largest value of each owner's rows (nan for owners without rows)."""
    out = np.full(n, -np.inf)
    np.maximum.at(out, owners, values)
    out[np.isinf(out)] = np.nan
    return out


def _local_density(rows: np.ndarray, population: np.ndarray, seed: int) -> np.ndarray:
    """Mean cosine of each row to its K nearest rows of (a sample of) the population."""
    if not len(rows) or not len(population):
        return np.zeros(len(rows))
    if len(population) > SAMPLE:
        pick = np.random.default_rng(seed).choice(len(population), SAMPLE, replace=False)
        population = population[pick]
    k = min(K, len(population))
    out = np.empty(len(rows))
    for start in range(0, len(rows), 4096):
        sims = rows[start : start + 4096] @ population.T
        top = np.partition(sims, sims.shape[1] - k, axis=1)[:, -k:]
        out[start : start + len(top)] = top.mean(axis=1)
    return out


class Hubness:
    """Per-slot hub scores of one index, recomputed lazily."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version = -1
        self._computed_at = 0.0
        # per slot: how far r(c) of what it offers (needs) lies above the population's median
        self.supply = np.zeros(0)
        self.demand = np.zeros(0)

    def current(self, index) -> Hubness:
        stale = index.version != self._version
        if stale and (self._version < 0 or time.monotonic() - self._computed_at >= MAX_AGE):
            with self._lock:
                if index.version != self._version:
                    self._compute(index)
        return self

    def _compute(self, index) -> None:
        """`index`: the MatchIndex these scores belong to (not imported: it imports this)."""
        n = index.n_slots
        supply, demand = np.zeros(n), np.zeros(n)
        if index.profile is not None:
            offer_rows, offer_owner = index.offers.live_rows()
            profile_rows, profile_owner = index.profile.live_rows()
            need_rows, need_owner = index.needs.live_rows()
            offered = _per_owner(_local_density(offer_rows, need_rows, 1), offer_owner, n)
            described = _per_owner(_local_density(profile_rows, need_rows, 2), profile_owner, n)
            # What a candidate offers: its listed offers, else its profile (see evidence.py).
            supply = np.where(np.isnan(offered), described, offered)
            demand = _per_owner(_local_density(need_rows, offer_rows, 3), need_owner, n)
            for values in (supply, demand):
                known = ~np.isnan(values)
                values[known] -= np.median(values[known]) if known.any() else 0.0
                values[~known] = 0.0
                # Only hubs are corrected: lifting the loneliest candidates would only add noise.
                np.maximum(values, 0.0, out=values)
        self.supply, self.demand = supply, demand
        self._version = index.version
        self._computed_at = time.monotonic()

    def supply_of(self, n: int) -> np.ndarray:
        return _fit(self.supply, n)

    def demand_of(self, n: int) -> np.ndarray:
        return _fit(self.demand, n)


def _fit(values: np.ndarray, n: int) -> np.ndarray:
    """`values` cut or padded (0: no correction for slots newer than the computation) to n."""
    if len(values) >= n:
        return values[:n]
    return np.concatenate([values, np.zeros(n - len(values))])
