"""The per-process match index: vectors, lexical postings and filter metadata of every entity.

Loaded from the database on first use and kept current by replaying the `index_changes` log,
triggered by a Redis version counter (immediate) or by polling the database (when Redis is down
or every few seconds as a safety net).
"""

from __future__ import annotations

import logging
import math
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import sqlalchemy as sa
from sqlalchemy import orm as so

from embeddings import VectorIndex
from matchmaker.extensions import db
from matchmaker.models import Embedding, IndexChange, Offer, Organization
from matchmaker.models._common import as_utc
from matchmaker.taxonomy import DISTRICTS, ORGANIZATION_KINDS, STAGES, THEMES

if TYPE_CHECKING:
    from matchmaker.runtime import Runtime

logger = logging.getLogger(__name__)

THEME_BITS = {code: 1 << i for i, code in enumerate(THEMES)}
KIND_BITS = {code: 1 << i for i, code in enumerate(ORGANIZATION_KINDS)}
STAGE_BITS = {code: 1 << i for i, code in enumerate(STAGES)}
DISTRICT_BITS = {code: 1 << i for i, code in enumerate(DISTRICTS)}
STAGE_ORDER = {code: i for i, code in enumerate(STAGES)}
ORG, OFFER = 0, 1
NO_DEADLINE = np.iinfo(np.int32).max
POLL_SECONDS = 0.5
SAFETY_POLL_SECONDS = 5.0


def bits(codes: list[str] | None, table: dict[str, int]) -> int:
    return sum(table.get(code, 0) for code in set(codes or []))


@dataclass
class Postings:
    """Lexical postings: term -> set of slots, with cached numpy arrays per term."""

    sets: dict[str, set[int]] = field(default_factory=dict)
    arrays: dict[str, np.ndarray] = field(default_factory=dict)

    def add(self, slot: int, terms: set[str]) -> None:
        for term in terms:
            self.sets.setdefault(term, set()).add(slot)
            self.arrays.pop(term, None)

    def remove(self, slot: int, terms: set[str]) -> None:
        for term in terms:
            members = self.sets.get(term)
            if members is not None:
                members.discard(slot)
                if not members:
                    del self.sets[term]
            self.arrays.pop(term, None)

    def slots(self, term: str) -> np.ndarray:
        cached = self.arrays.get(term)
        if cached is None:
            cached = np.fromiter(self.sets.get(term, ()), dtype=np.int64)
            self.arrays[term] = cached
        return cached

    def df(self, term: str) -> int:
        return len(self.sets.get(term, ()))


class MatchIndex:
    """Everything matching needs in memory, keyed by dense integer slots."""

    def __init__(self, runtime: Runtime, capacity: int = 256) -> None:
        self.runtime = runtime
        self._lock = threading.RLock()
        self.loaded = False
        self.dim: int | None = None
        self.slot_of: dict[tuple[int, str], int] = {}
        self.ids: list[str | None] = []
        self.free_slots: list[int] = []
        self._capacity = 0
        self._alloc(capacity)
        self.supply_terms: list[set[str]] = []
        self.need_terms: list[list[list[str]]] = []
        self.offer_terms: list[list[list[str]]] = []
        self.supply = Postings()
        self.profile: VectorIndex | None = None
        self.offers: VectorIndex | None = None
        self.needs: VectorIndex | None = None
        self.last_change_id = 0
        self._seen_changes: set[int] = set()
        self._seen_version: bytes | None = None
        self._last_poll = 0.0
        self._dirty = False
        self.live_docs = 0
        # idf per term and idf mass per need, valid until the next change of the index.
        self._idf_cache: dict[str, float] = {}
        self._mass_cache: dict[int, list[float]] = {}
        self.need_term_sets: list[list[frozenset[str]]] = []

    # -- storage --------------------------------------------------------------------------
    def _alloc(self, capacity: int) -> None:
        old = self._capacity
        if capacity <= old:
            return

        def grow(name: str, dtype, fill) -> None:
            array = np.full(capacity, fill, dtype=dtype)
            if old:
                array[:old] = getattr(self, name)
            setattr(self, name, array)

        grow("live", bool, False)
        grow("etype", np.int8, -1)
        grow("published", bool, False)
        grow("kind_bit", np.int64, 0)
        grow("stage_idx", np.int16, -1)
        grow("district_bit", np.int64, 0)
        grow("theme_bits", np.int64, 0)
        grow("lat", np.float64, np.nan)
        grow("lon", np.float64, np.nan)
        grow("verified", bool, False)
        grow("updated", np.float64, 0.0)
        grow("deadline", np.int32, NO_DEADLINE)
        grow("elig_kinds", np.int64, 0)
        grow("elig_stages", np.int64, 0)
        grow("elig_districts", np.int64, 0)
        grow("n_needs", np.int16, 0)
        self._capacity = capacity

    @property
    def n_slots(self) -> int:
        return len(self.ids)

    def _slot(self, etype: int, entity_id: str) -> int:
        key = (etype, entity_id)
        slot = self.slot_of.get(key)
        if slot is not None:
            return slot
        if self.free_slots:
            slot = self.free_slots.pop()
            self.ids[slot] = entity_id
        else:
            slot = len(self.ids)
            self.ids.append(entity_id)
            self.supply_terms.append(set())
            self.need_terms.append([])
            self.need_term_sets.append([])
            self.offer_terms.append([])
            if slot >= self._capacity:
                self._alloc(max(256, self._capacity * 2))
        self.slot_of[key] = slot
        return slot

    def _ensure_vectors(self, dim: int) -> None:
        if self.profile is None:
            self.dim = dim
            self.profile = VectorIndex(dim)
            self.offers = VectorIndex(dim)
            self.needs = VectorIndex(dim)

    # -- loading ----------------------------------------------------------------------------
    def ensure_current(self) -> None:
        """Load on first use; afterwards replay changes other workers made."""
        with self._lock:
            if not self.loaded:
                self._full_load()
                return
            now = time.monotonic()
            version = self.runtime.redis_call("get", self.runtime.version_key)
            due = now - self._last_poll >= (
                POLL_SECONDS if version is None else SAFETY_POLL_SECONDS
            )
            if self._dirty or due or version != self._seen_version:
                self._seen_version = version
                self._sync()

    def mark_dirty(self) -> None:
        self._dirty = True

    def _full_load(self) -> None:
        started = time.perf_counter()
        self._seen_version = self.runtime.redis_call("get", self.runtime.version_key)
        self.last_change_id = db.session.scalar(sa.select(sa.func.max(IndexChange.id))) or 0
        self._seen_changes = set()
        orgs = db.session.scalars(
            sa.select(Organization).options(so.undefer(Organization.search_terms))
        ).all()
        offers = db.session.scalars(sa.select(Offer).options(so.undefer(Offer.search_terms))).all()
        vectors = self._vectors_for(None)
        for org in orgs:
            self._put(ORG, org, vectors.get(("organization", org.id), {}))
        for offer in offers:
            self._put(OFFER, offer, vectors.get(("offer", offer.id), {}))
        if self.profile is not None:
            for vectors_index in (self.profile, self.offers, self.needs):
                vectors_index.compact()  # no growth slack after a bulk load
        self.loaded = True
        self._dirty = False
        self._last_poll = time.monotonic()
        logger.info(
            "match index loaded: %d organisations, %d offers in %.2fs",
            len(orgs),
            len(offers),
            time.perf_counter() - started,
        )

    def _vectors_for(self, keys: list[tuple[str, str]] | None) -> dict:
        """{(entity_type, id): {field: [(position, vector)]}} for the current model."""
        model_id = self.runtime.pipeline.model_id
        query = sa.select(
            Embedding.entity_type,
            Embedding.entity_id,
            Embedding.field,
            Embedding.position,
            Embedding.variant,
            Embedding.vector,
        ).where(Embedding.model_id == model_id)
        if keys is not None:
            ids = [entity_id for _, entity_id in keys]
            if not ids:
                return {}
            query = query.where(Embedding.entity_id.in_(ids))
        out: dict = {}
        for entity_type, entity_id, field_name, position, variant, blob in db.session.execute(
            query
        ):
            vector = np.frombuffer(blob, dtype=np.float32)
            out.setdefault((entity_type, entity_id), {}).setdefault(field_name, []).append(
                (position, variant, vector)
            )
        return out

    def _sync(self) -> None:
        self._last_poll = time.monotonic()
        self._dirty = False
        # Re-read a window behind the high-water mark: on PostgreSQL a lower id can commit after
        # a higher one, and must not be skipped.
        window_start = max(0, self.last_change_id - 1000)
        rows = db.session.execute(
            sa.select(IndexChange.id, IndexChange.entity_type, IndexChange.entity_id)
            .where(IndexChange.id > window_start)
            .order_by(IndexChange.id)
        ).all()
        todo: dict[tuple[str, str], None] = {}
        for change_id, entity_type, entity_id in rows:
            if change_id in self._seen_changes:
                continue
            self._seen_changes.add(change_id)
            todo[(entity_type, entity_id)] = None
            self.last_change_id = max(self.last_change_id, change_id)
        self._seen_changes = {c for c in self._seen_changes if c > self.last_change_id - 2000}
        if todo:
            self.refresh(list(todo))

    def refresh(self, keys: list[tuple[str, str]]) -> None:
        """Reload these (entity_type, id) pairs from the database (removing deleted ones)."""
        with self._lock:
            vectors = self._vectors_for(keys)
            for entity_type, entity_id in keys:
                model = Organization if entity_type == "organization" else Offer
                etype = ORG if entity_type == "organization" else OFFER
                entity = db.session.get(
                    model,
                    entity_id,
                    populate_existing=True,
                    options=[so.undefer(model.search_terms)],
                )
                if entity is None:
                    self._drop(etype, entity_id)
                else:
                    self._put(etype, entity, vectors.get((entity_type, entity_id), {}))

    def _drop(self, etype: int, entity_id: str) -> None:
        slot = self.slot_of.pop((etype, entity_id), None)
        if slot is None:
            return
        self._clear_slot(slot)
        self.ids[slot] = None
        self.free_slots.append(slot)

    def _clear_slot(self, slot: int) -> None:
        self._idf_cache.clear()
        self._mass_cache.clear()
        if self.live[slot]:
            self.live_docs -= 1
        self.live[slot] = False
        self.supply.remove(slot, self.supply_terms[slot])
        self.supply_terms[slot] = set()
        self.need_terms[slot] = []
        self.need_term_sets[slot] = []
        self.offer_terms[slot] = []
        if self.profile is not None:
            self.profile.remove(slot)
            self.offers.remove(slot)
            self.needs.remove(slot)

    def _put(self, etype: int, entity, vectors: dict) -> None:
        slot = self._slot(etype, entity.id)
        self._clear_slot(slot)
        ordered = {
            name: sorted(items, key=lambda item: (item[0], item[1]))
            for name, items in vectors.items()
        }
        by_field = {name: np.stack([v for _, _, v in items]) for name, items in ordered.items()}
        positions = {name: [p for p, _, _ in items] for name, items in ordered.items()}
        if by_field:
            self._ensure_vectors(next(iter(by_field.values())).shape[1])
        self.etype[slot] = etype
        self.published[slot] = entity.status == "published"
        self.theme_bits[slot] = bits(entity.themes, THEME_BITS)
        self.lat[slot] = entity.lat if entity.lat is not None else np.nan
        self.lon[slot] = entity.lon if entity.lon is not None else np.nan
        self.district_bit[slot] = DISTRICT_BITS.get(entity.district or "", 0)
        updated = as_utc(entity.updated_at)
        self.updated[slot] = updated.timestamp() if updated else 0.0
        terms = entity.search_terms or {}
        if etype == ORG:
            self.kind_bit[slot] = KIND_BITS.get(entity.kind, 0)
            self.stage_idx[slot] = STAGE_ORDER.get(entity.stage or "", -1)
            self.verified[slot] = bool(entity.verified)
            self.deadline[slot] = NO_DEADLINE
            self.elig_kinds[slot] = self.elig_stages[slot] = self.elig_districts[slot] = 0
        else:
            self.kind_bit[slot] = 0
            self.stage_idx[slot] = -1
            self.verified[slot] = True
            self.deadline[slot] = (
                entity.deadline.toordinal() if isinstance(entity.deadline, date) else NO_DEADLINE
            )
            self.elig_kinds[slot] = bits(entity.eligible_kinds, KIND_BITS)
            self.elig_stages[slot] = bits(entity.eligible_stages, STAGE_BITS)
            self.elig_districts[slot] = bits(entity.eligible_districts, DISTRICT_BITS)
        supply = set(terms.get("profile", [[]])[0] if terms.get("profile") else [])
        for item in terms.get("offer", []):
            supply.update(item)
        self.supply_terms[slot] = supply
        self.supply.add(slot, supply)
        self.need_terms[slot] = [list(item) for item in terms.get("need", [])]
        self.need_term_sets[slot] = [frozenset(item) for item in self.need_terms[slot]]
        self.offer_terms[slot] = [list(item) for item in terms.get("offer", [])]
        self.n_needs[slot] = len(set(positions.get("need", ())))
        if self.profile is not None:
            if "profile" in by_field:
                self.profile.upsert(slot, by_field["profile"], positions["profile"])
            # An offer entity supplies its profile; an organisation its listed offers. Each
            # row is tagged with the position of the text it encodes (variants share it).
            supply = "offer" if etype == ORG else "profile"
            if supply in by_field:
                self.offers.upsert(slot, by_field[supply], positions[supply])
            if "need" in by_field:
                self.needs.upsert(slot, by_field["need"], positions["need"])
        has_vectors = "profile" in by_field
        self.live[slot] = has_vectors
        if has_vectors:
            self.live_docs += 1

    # -- reading ----------------------------------------------------------------------------
    def idf(self, term: str) -> float:
        cached = self._idf_cache.get(term)
        if cached is None:
            n = max(self.live_docs, 1)
            df = self.supply.df(term)
            cached = self._idf_cache[term] = math.log(1.0 + (n - df + 0.5) / (df + 0.5))
        return cached

    def need_masses(self, slot: int) -> list[float]:
        """Summed idf of each need's distinct terms (the denominator of lexical coverage)."""
        masses = self._mass_cache.get(slot)
        if masses is None:
            masses = [sum(self.idf(t) for t in terms) for terms in self.need_term_sets[slot]]
            self._mass_cache[slot] = masses
        return masses

    def slot_for(self, entity_type: str, entity_id: str) -> int | None:
        return self.slot_of.get((ORG if entity_type == "organization" else OFFER, entity_id))

    def profiles_max(self, queries: np.ndarray, n: int) -> np.ndarray:
        """Cosine of each slot's profile to each query, shape (n, q); -1 without a profile."""
        assert self.profile is not None
        return self.profile.max_per_owner(queries, n)

    def vectors(self, slot: int) -> dict[str, np.ndarray]:
        assert self.profile is not None
        return {
            "profile": self.profile.rows_of(slot),
            "offer": self.offers.rows_of(slot),
            "need": self.needs.rows_of(slot),
        }

    def positions(self, slot: int) -> dict[str, np.ndarray]:
        """For each row of `vectors(slot)`, the position of the text it encodes."""
        assert self.profile is not None
        return {
            "profile": np.array(self.profile.tags_of(slot), dtype=int),
            "offer": np.array(self.offers.tags_of(slot), dtype=int),
            "need": np.array(self.needs.tags_of(slot), dtype=int),
        }

    def stats(self) -> dict[str, int]:
        rows = (
            0 if self.profile is None else (len(self.profile) + len(self.offers) + len(self.needs))
        )
        nbytes = (
            0
            if self.profile is None
            else (self.profile.nbytes + self.offers.nbytes + self.needs.nbytes)
        )
        return {"entities": int(self.live.sum()), "vectors": rows, "bytes": nbytes}
