"""Hubness correction: a candidate that fits everyone a little must not crowd every list.

CSLS-style local scaling (Conneau et al., 2018, "Word translation without parallel data"):
the similarity of a candidate to a query is lowered by the candidate's mean similarity to its
k nearest neighbours among all queries of the population, r(c). "Verbundprojekt" programmes
and soft-landing offers written in vague language have a high r(c): they sit close to every
need, so every list would show them. Subtracting r(c) (centred on the population's median, so
an ordinary candidate is not moved) keeps them where they fit specifically.

Computed for the supply side (what is offered, against a sample of every stated need) and the
demand side (what is needed, against a sample of everything offered). Incremental, so that it
stays cheap at region scale: r(c) of a changed slot is computed against the current samples
when it is next needed; the samples are drawn again (and every r(c) recomputed) only when the
population has doubled or halved, and the medians are refreshed at most every `MAX_AGE`
seconds.
"""

from __future__ import annotations

import threading
import time

import numpy as np

K = 10
SAMPLE = 1000
MAX_AGE = 60.0


def _local_density(rows: np.ndarray, population: np.ndarray) -> np.ndarray:
    """Mean cosine of each row to its K nearest rows of the population sample."""
    if not len(rows) or not len(population):
        return np.zeros(len(rows))
    k = min(K, len(population))
    out = np.empty(len(rows))
    for start in range(0, len(rows), 4096):
        sims = rows[start : start + 4096] @ population.T
        top = np.partition(sims, sims.shape[1] - k, axis=1)[:, -k:]
        out[start : start + len(top)] = top.mean(axis=1)
    return out


def _best_per_owner(values: np.ndarray, at: np.ndarray, count: int) -> np.ndarray:
    """The largest value of each owner's rows (nan for owners without rows)."""
    out = np.full(count, -np.inf)
    np.maximum.at(out, at, values)
    out[np.isinf(out)] = np.nan
    return out


class Hubness:
    """Per-slot hub scores of one index, kept current incrementally."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version = -1
        self._dirty: set[int] = set()
        self._need_sample: np.ndarray | None = None
        self._offer_sample: np.ndarray | None = None
        self._sampled_rows = 0
        self._centred_at = 0.0
        self._medians = (0.0, 0.0)
        # per slot: r(c) of what it offers (needs); nan = nothing to score
        self._supply_raw = np.zeros(0)
        self._demand_raw = np.zeros(0)
        # per slot: how far r(c) lies above the population's median (0 = not a hub)
        self.supply = np.zeros(0)
        self.demand = np.zeros(0)

    def touch(self, slot: int) -> None:
        """The slot changed: its r(c) is recomputed when next needed."""
        self._dirty.add(slot)

    def current(self, index) -> Hubness:
        """`index`: the MatchIndex these scores belong to (not imported: it imports this)."""
        if index.version != self._version:
            with self._lock:
                if index.version != self._version:
                    self._update(index)
        return self

    def _update(self, index) -> None:
        n = index.n_slots
        for name in ("_supply_raw", "_demand_raw", "supply", "demand"):
            values = getattr(self, name)
            if len(values) < n:
                fill = np.nan if name.endswith("raw") else 0.0
                setattr(self, name, np.concatenate([values, np.full(n - len(values), fill)]))
        if index.profile is None:
            self._version = index.version
            return
        population = len(index.needs) + len(index.offers)
        resample = (
            self._need_sample is None
            or population >= 2 * self._sampled_rows
            or 2 * population < self._sampled_rows
        )
        if resample:
            self._need_sample = index.needs.sample_rows(SAMPLE, 1)
            self._offer_sample = index.offers.sample_rows(SAMPLE, 3)
            self._sampled_rows = max(population, 1)
            slots = np.flatnonzero(index.live[:n])
            self._supply_raw[:] = np.nan
            self._demand_raw[:] = np.nan
        else:
            slots = np.array(sorted(s for s in self._dirty if s < n), dtype=np.int64)
        self._dirty.clear()
        if len(slots):
            self._score(index, slots)
        now = time.monotonic()
        if resample or now - self._centred_at >= MAX_AGE:
            self._medians = tuple(
                float(np.median(raw[~np.isnan(raw)])) if (~np.isnan(raw)).any() else 0.0
                for raw in (self._supply_raw, self._demand_raw)
            )
            self._centred_at = now
            slots = np.arange(n)
        # Only hubs are corrected: lifting the loneliest candidates would only add noise.
        for raw, out, median in zip(
            (self._supply_raw, self._demand_raw),
            (self.supply, self.demand),
            self._medians,
            strict=True,
        ):
            values = raw[slots] - median
            out[slots] = np.where(np.isnan(values), 0.0, np.maximum(values, 0.0))
        self._version = index.version

    def _score(self, index, slots: np.ndarray) -> None:
        """r(c) of these slots against the current samples."""
        count = len(slots)
        offer_rows, offer_at = index.offers.vectors_of(slots)
        profile_rows, profile_at = index.profile.vectors_of(slots)
        need_rows, need_at = index.needs.vectors_of(slots)
        offered = _best_per_owner(_local_density(offer_rows, self._need_sample), offer_at, count)
        described = _best_per_owner(
            _local_density(profile_rows, self._need_sample), profile_at, count
        )
        # What a candidate offers: its listed offers, else its profile (see evidence.py).
        self._supply_raw[slots] = np.where(np.isnan(offered), described, offered)
        self._demand_raw[slots] = _best_per_owner(
            _local_density(need_rows, self._offer_sample), need_at, count
        )

    def supply_at(self, slots: np.ndarray) -> np.ndarray:
        return self.supply[slots]

    def demand_at(self, slots: np.ndarray) -> np.ndarray:
        return self.demand[slots]

    def state(self) -> dict[str, np.ndarray]:
        """What a snapshot keeps (see MatchIndex.save)."""
        empty = np.zeros((0, 0), dtype=np.float32)
        return {
            "hub_need_sample": empty if self._need_sample is None else self._need_sample,
            "hub_offer_sample": empty if self._offer_sample is None else self._offer_sample,
            "hub_sampled_rows": np.array([self._sampled_rows]),
            "hub_supply_raw": self._supply_raw,
            "hub_demand_raw": self._demand_raw,
        }

    @classmethod
    def from_state(cls, state: dict[str, np.ndarray]) -> Hubness:
        hub = cls()
        if state["hub_need_sample"].size:
            hub._need_sample = state["hub_need_sample"]
            hub._offer_sample = state["hub_offer_sample"]
            hub._sampled_rows = int(state["hub_sampled_rows"][0])
            hub._supply_raw = state["hub_supply_raw"].copy()
            hub._demand_raw = state["hub_demand_raw"].copy()
            hub._centred_at = -MAX_AGE  # medians are computed on first use
        return hub
