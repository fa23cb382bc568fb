"""The in-memory match index: vectors, lexical postings, facets and result cards of every
organisation and offer, keyed by dense integer slots. Pure: it is handed records and never
reads a database (matches/loader.py keeps it current)."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field, fields

import numpy as np

from embeddings import VectorIndex
from matchmaker.engine.hubness import Hubness
from matchmaker.engine.needs import categories_of, is_funding_need
from matchmaker.engine.snapshot import ENTITY_TYPES, NO_DEADLINE, OFFER, ORG, EntityRecord, Facets


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


# Per-slot arrays: (name, dtype, empty value); the facet columns mirror `Facets`.
_COLUMNS = (
    ("live", bool, False),
    ("etype", np.int8, -1),
    ("published", bool, False),
    ("offer_kind", object, None),
    ("updated", np.float64, 0.0),
    ("n_needs", np.int16, 0),
    ("kind_bit", np.int64, 0),
    ("stage_idx", np.int16, -1),
    ("district_bit", np.int64, 0),
    ("theme_bits", np.int64, 0),
    ("lat", np.float64, np.nan),
    ("lon", np.float64, np.nan),
    ("verified", bool, False),
    ("deadline", np.int32, NO_DEADLINE),
    ("elig_kinds", np.int64, 0),
    ("elig_stages", np.int64, 0),
    ("elig_districts", np.int64, 0),
    ("thesis_stages", np.int64, 0),
    ("thesis_themes", np.int64, 0),
    ("has_thesis", bool, False),
    ("has_offers", bool, False),
    ("funding_needs", np.int64, 0),
    ("provider", object, None),
    ("provider_kind", object, None),  # "startup", ... or "offer:funding", ...
)
_FACETS = tuple(f.name for f in fields(Facets))
_SERIALS = itertools.count(1)


class MatchIndex:
    """Everything matching needs in memory. Not thread-safe for writes: the caller serialises
    `put` and `drop` (reads during a write see a slot either before or after it)."""

    def __init__(self, capacity: int = 256) -> None:
        self.dim: int | None = None
        self.slot_of: dict[tuple[int, str], int] = {}
        self.ids: list[str | None] = []
        self.cards: list[EntityRecord | None] = []
        self.free_slots: list[int] = []
        self._capacity = 0
        self._alloc(capacity)
        self.supply_terms: list[set[str]] = []
        self.need_terms: list[list[list[str]]] = []
        self.need_term_sets: list[list[frozenset[str]]] = []
        self.need_categories: list[list[tuple[str, ...]]] = []
        self.offer_terms: list[list[list[str]]] = []
        # per organisation slot: the (etype, id) of candidates it dismissed (never shown again)
        self.dismissed: list[frozenset[tuple[int, str]]] = []
        self.supply = Postings()
        self.profile: VectorIndex | None = None
        self.offers: VectorIndex | None = None
        self.needs: VectorIndex | None = None
        self.live_docs = 0
        self.version = 0  # bumped by every put and drop (caches derived from the index)
        self.serial = next(_SERIALS)  # tells this index from any other in the process
        self.hubness = Hubness()
        # idf per term and idf mass per need, valid until the next change of the index.
        self._idf_cache: dict[str, float] = {}
        self._mass_cache: dict[int, list[float]] = {}

    # -- storage --------------------------------------------------------------------------
    def _alloc(self, capacity: int) -> None:
        old = self._capacity
        if capacity <= old:
            return
        for name, dtype, empty in _COLUMNS:
            array = np.full(capacity, empty, dtype=dtype)
            if old:
                array[:old] = getattr(self, name)
            setattr(self, name, array)
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
            self.cards.append(None)
            self.supply_terms.append(set())
            self.need_terms.append([])
            self.need_term_sets.append([])
            self.need_categories.append([])
            self.offer_terms.append([])
            self.dismissed.append(frozenset())
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

    def compact(self) -> None:
        """Drop the growth slack of the vector stores and build their approximate indexes
        (after a bulk load)."""
        if self.profile is not None:
            for store in (self.profile, self.offers, self.needs):
                store.compact()

    # -- writing ----------------------------------------------------------------------------
    def drop(self, etype: int, entity_id: str) -> None:
        slot = self.slot_of.pop((etype, entity_id), None)
        if slot is None:
            return
        self._clear_slot(slot)
        self.ids[slot] = None
        self.cards[slot] = None
        self.free_slots.append(slot)

    def _clear_slot(self, slot: int) -> None:
        self.version += 1
        self.hubness.touch(slot)
        self._idf_cache.clear()
        self._mass_cache.clear()
        if self.live[slot]:
            self.live_docs -= 1
        self.live[slot] = False
        self.has_offers[slot] = False
        self.supply.remove(slot, self.supply_terms[slot])
        self.supply_terms[slot] = set()
        self.need_terms[slot] = []
        self.need_term_sets[slot] = []
        self.need_categories[slot] = []
        self.offer_terms[slot] = []
        self.dismissed[slot] = frozenset()
        if self.profile is not None:
            self.profile.remove(slot)
            self.offers.remove(slot)
            self.needs.remove(slot)

    def put(self, record: EntityRecord) -> int:
        """Insert or replace a record; return its slot. It is live (a candidate, and able to
        ask) only when it has a profile vector."""
        etype = record.etype
        slot = self._slot(etype, record.id)
        self._clear_slot(slot)
        ordered = {
            name: sorted(items, key=lambda item: (item[0], item[1]))
            for name, items in record.vectors.items()
            if items
        }
        by_field = {name: np.stack([v for _, _, v in items]) for name, items in ordered.items()}
        positions = {name: [p for p, _, _ in items] for name, items in ordered.items()}
        if by_field:
            self._ensure_vectors(next(iter(by_field.values())).shape[1])
        self.etype[slot] = etype
        self.published[slot] = record.published
        self.offer_kind[slot] = record.kind if etype == OFFER else None
        self.provider[slot] = record.provider_id
        self.provider_kind[slot] = record.kind if etype == ORG else f"offer:{record.kind}"
        self.updated[slot] = record.updated
        facets = Facets.of(record)
        for name in _FACETS:
            getattr(self, name)[slot] = getattr(facets, name)
        self.cards[slot] = record.card()
        terms = record.terms or {}
        # What it offers, in words: its listed offers, else its profile (see evidence.py).
        supply = {term for item in terms.get("offer", []) for term in item}
        if not supply and terms.get("profile"):
            supply = set(terms["profile"][0])
        self.supply_terms[slot] = supply
        self.supply.add(slot, supply)
        self.need_terms[slot] = [list(item) for item in terms.get("need", [])]
        self.need_term_sets[slot] = [frozenset(item) for item in self.need_terms[slot]]
        self.need_categories[slot] = [categories_of(item) for item in self.need_term_sets[slot]]
        self.offer_terms[slot] = [list(item) for item in terms.get("offer", [])]
        self.dismissed[slot] = frozenset(record.dismissed)
        self.n_needs[slot] = len(set(positions.get("need", ())))
        self.funding_needs[slot] = sum(
            1 << i for i, terms in enumerate(self.need_terms[slot][:62]) if is_funding_need(terms)
        )
        if self.profile is not None:
            if "profile" in by_field:
                self.profile.upsert(slot, by_field["profile"], positions["profile"], etype)
            # An offer entity supplies its profile; an organisation its listed offers. Each
            # row is tagged with the position of the text it encodes (variants share it).
            supplied = "offer" if etype == ORG else "profile"
            self.has_offers[slot] = supplied in by_field
            if supplied in by_field:
                self.offers.upsert(slot, by_field[supplied], positions[supplied], etype)
            if "need" in by_field:
                self.needs.upsert(slot, by_field["need"], positions["need"], etype)
        has_vectors = "profile" in by_field
        self.live[slot] = has_vectors
        if has_vectors:
            self.live_docs += 1
        # A request ranking meanwhile (threads read while a sync writes) may have cached
        # figures of the half-written record: they go too.
        self._idf_cache.clear()
        self._mass_cache.clear()
        return slot

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
        needs = self.need_term_sets[slot]
        if masses is None or len(masses) != len(needs):  # none yet, or of a replaced record
            masses = [sum(self.idf(t) for t in terms) for terms in needs]
            self._mass_cache[slot] = masses
        return masses

    def slot_for(self, entity_type: str, entity_id: str | None) -> int | None:
        return self.slot_of.get((ENTITY_TYPES[entity_type], entity_id))

    def facets(self, slot: int) -> Facets:
        return Facets(**{name: getattr(self, name)[slot].item() for name in _FACETS})

    def provided_by(self, organization_id: str) -> np.ndarray:
        """Which slots hold offers this organisation provides."""
        return self.provider[: self.n_slots] == organization_id

    def offer_kinds_mask(self, kinds: list[str]) -> np.ndarray:
        """Which slots hold offers of these kinds."""
        n = self.n_slots
        wanted = set(kinds)
        return np.fromiter((k in wanted for k in self.offer_kind[:n]), dtype=bool, count=n)

    def dismissed_slots(self, slot: int) -> set[int]:
        """The slots of the candidates this organisation dismissed."""
        found = (self.slot_of.get(key) for key in self.dismissed[slot])
        return {s for s in found if s is not None}

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
        if self.profile is None:
            return {"entities": int(self.live.sum()), "vectors": 0, "bytes": 0}
        stores = (self.profile, self.offers, self.needs)
        return {
            "entities": int(self.live.sum()),
            "vectors": sum(len(s) for s in stores),
            "bytes": sum(s.nbytes for s in stores),
        }
