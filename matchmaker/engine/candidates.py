"""The fast candidate pass: which of the allowed slots are worth scoring at all.

With few allowed candidates (`Weights.exact_limit`) every one is scored. Otherwise two
approximate searches stand in for the exhaustive pass, one per direction that counts:
- forward (what can be offered): the asker's needs against every listed offer and profile;
- reverse (what is needed): the asker's offers and profile against every stated need, so that
  "whose needs do my offers meet" is a search too, not a scan.
The owners of the nearest rows form the candidate set; the exact ranking then re-scores it
with the full model. The hard rules (`mask`) are applied after the search, so each search
asks for proportionally more rows when the rules allow only a share of the slots.
"""

from __future__ import annotations

import numpy as np

from matchmaker.engine.evidence import need_postings
from matchmaker.engine.index import MatchIndex
from matchmaker.engine.queries import Query
from matchmaker.engine.weights import Weights

#: Never ask one search for more rows per query vector than this.
MAX_PER_VECTOR = 2048


def candidate_slots(
    index: MatchIndex,
    query: Query,
    mask: np.ndarray,
    *,
    target: int,
    forward: bool,
    reverse: bool,
    weights: Weights,
) -> np.ndarray:
    """The slots to score exactly, sorted: all allowed ones, or those the searches find."""
    allowed = np.flatnonzero(mask[: index.n_slots])
    if len(allowed) <= weights.exact_limit or index.profile is None:
        return allowed
    live = index.live[: index.n_slots] & (index.etype[: index.n_slots] == target)
    share = len(allowed) / max(int(live.sum()), 1)
    k = int(min(MAX_PER_VECTOR, np.ceil(weights.candidates_per_vector / max(share, 1e-9))))
    directions = []
    if forward and len(query.need_vectors):
        directions.append(
            [
                index.offers.nearest_owners(query.need_vectors, k, target),
                index.profile.nearest_owners(query.need_vectors, k, target),
            ]
        )
    if reverse and len(query.supply_vectors):
        directions.append([index.needs.nearest_owners(query.supply_vectors, k, target)])
    if forward and query.need_terms:
        directions.append([_lexical(index, query.need_terms, mask)])
    if not directions:
        return allowed
    # Each direction keeps its best share of the pool, by approximate cosine.
    keep = max(weights.candidate_pool // len(directions), 1)
    chosen = []
    for searches in directions:
        owners = np.concatenate([o for o, _ in searches])
        scores = np.concatenate([s for _, s in searches])
        inside = owners < len(mask)
        owners, scores = owners[inside], scores[inside]
        allowed_here = mask[owners]
        owners, scores = owners[allowed_here], scores[allowed_here]
        if len(owners) > keep:  # the best `keep`, in linear time (no full sort)
            best = np.argpartition(-scores, keep - 1)[:keep]
            owners = owners[best]
        chosen.append(owners)
    slots = np.unique(np.concatenate(chosen))
    return slots


def _lexical(index: MatchIndex, need_terms: list[list[str]], mask: np.ndarray):
    """Allowed slots whose supply shares terms with the needs, scored by the idf share of the
    needs they cover (the lexical half of the evidence, as a search): summed over the
    postings of the needs' terms, so it costs what they hold, not what the region holds."""
    found, shares = [], []
    for _, slots, share in need_postings(index, need_terms):
        found.append(slots)
        shares.append(np.full(len(slots), share))
    if not found:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    slots = np.concatenate(found).astype(np.int64)
    share = np.concatenate(shares)
    size = min(len(mask), index.n_slots)
    inside = slots < size
    slots, share = slots[inside], share[inside]
    # Summed per slot over the slot range (linear; a sort of the postings cost more).
    score = np.bincount(slots, weights=share, minlength=size)
    owners = np.flatnonzero((score > 0) & mask[:size])
    return owners, score[owners]
