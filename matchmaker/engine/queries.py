"""The asking side of a match (built from an indexed entity, a record not (yet) in the index,
or a free text) and what a ranking scores for each candidate."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from matchmaker.engine.index import MatchIndex
from matchmaker.engine.snapshot import OFFER, ORG, EntityRecord, Facets


@dataclass
class Query:
    """The asking side: its vectors and terms, and who it is (for filters and structure)."""

    need_vectors: np.ndarray  # (r, d): its needs (all variants)
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
    target: int = ORG  # what is being ranked for it (set by `rank`)


@dataclass
class Scored:
    slot: int
    score: float  # raw, 0..1
    forward: float | None  # how well it meets the asker's needs
    reverse: float | None  # how well the asker meets its needs
    parts: dict[str, float]
    distance_km: float | None = None


def query_for_slot(index: MatchIndex, slot: int) -> Query:
    """An indexed organisation or offer as the asking side."""
    etype = int(index.etype[slot])
    vectors = index.vectors(slot)
    positions = index.positions(slot)
    profile = vectors["profile"]
    if etype == OFFER:
        supply, supply_positions = profile, np.zeros(len(profile), dtype=int)
        is_profile = np.ones(len(profile), dtype=bool)
    else:
        supply = np.vstack([vectors["offer"], profile]) if len(vectors["offer"]) else profile
        supply_positions = np.concatenate([positions["offer"], np.zeros(len(profile), int)])
        is_profile = np.array([False] * len(vectors["offer"]) + [True] * len(profile))
    needs, need_positions = vectors["need"], positions["need"]
    need_terms = index.need_terms[slot]
    uses_profile = len(needs) == 0
    if uses_profile:
        # No stated needs: the profile stands in (what it is about is what it looks for).
        needs, need_positions = profile, np.zeros(len(profile), dtype=int)
        need_terms = [sorted(index.supply_terms[slot])]
    return Query(
        need_vectors=needs,
        need_positions=need_positions,
        need_terms=need_terms,
        supply_vectors=supply,
        supply_terms=index.supply_terms[slot],
        supply_is_profile=is_profile,
        supply_positions=supply_positions,
        slot=slot,
        etype=etype,
        uses_profile_as_need=uses_profile,
        facets=index.facets(slot),
        card=index.cards[slot],
    )


def query_for_record(record: EntityRecord) -> Query:
    """A record that is not in the index (its vectors were just computed, e.g. after a model
    change), arranged exactly as an indexed one."""
    scratch = MatchIndex(capacity=1)
    query = query_for_slot(scratch, scratch.put(record))
    query.slot = None
    return query


def query_for_text(vectors: np.ndarray, terms: list[str]) -> Query:
    """A free-text search: the text is the need and, for reciprocity, the supply."""
    return Query(
        need_vectors=vectors,
        need_positions=np.zeros(len(vectors), dtype=int),
        need_terms=[terms],
        supply_vectors=vectors,
        supply_terms=set(terms),
        supply_is_profile=np.ones(len(vectors), dtype=bool),
        supply_positions=np.zeros(len(vectors), dtype=int),
        slot=None,
        etype=-1,
        facets=Facets(),
    )
