"""The asking side of a match, built from an indexed entity, a record not (yet) in the index,
or a free text."""

from __future__ import annotations

import numpy as np

from matchmaker.engine.index import MatchIndex
from matchmaker.engine.ranking import Query
from matchmaker.engine.snapshot import OFFER, EntityRecord, Facets


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
