"""In-memory vector store: rows of unit vectors grouped by integer owner, with an approximate
candidate index over them.

Each owner (an organisation or offer, numbered by the caller) has zero or more rows (its
profile, each of its offers, each of its needs), and belongs to one group (organisations and
offers are searched apart). Scores are cosine similarities of unit vectors.

Two stages, two representations:
- **Exact:** rows are kept as float16, 768 bytes at 384 dimensions (cosines exact to about
  1e-3). `similarities` and `best_per_owner` read the rows of a shortlist of owners.
- **Approximate:** `nearest_owners` finds that shortlist: by brute force below
  `ANN_MIN_ROWS` rows in a group, through the faiss index of embeddings/ann.py above.
"""

from __future__ import annotations

import logging
import threading

import numpy as np

from embeddings.ann import Ann
from embeddings.errors import EmbeddingError
from embeddings.half import blocks, to_float32

logger = logging.getLogger(__name__)

_NO_OWNER = -1
#: From this many rows in a group on, candidates come from the approximate index.
ANN_MIN_ROWS = 4096
#: Compact the store when more rows than this (and than half of all) are free.
COMPACT_FREE_ROWS = 65536


class VectorIndex:
    """Rows of float16 vectors, each belonging to one integer owner in one group."""

    def __init__(self, dim: int, capacity: int = 1024) -> None:
        self.dim = dim
        self._vectors = np.zeros((capacity, dim), dtype=np.float16)
        self._owner = np.full(capacity, _NO_OWNER, dtype=np.int32)
        self._tag = np.zeros(capacity, dtype=np.int16)
        self._group = np.zeros(capacity, dtype=np.int8)
        # An owner's rows are contiguous: rows [start, start + count). `owner_rows` of a
        # shortlist is then a few vectorised operations, not a loop over a dict.
        self._start = np.full(capacity, -1, dtype=np.int64)
        self._count = np.zeros(capacity, dtype=np.int32)
        self._owners = 0
        self._free: list[int] = []
        self._high = 0  # rows [0, _high) have been used at least once
        self._lock = threading.RLock()
        self._ann: dict[int, Ann] = {}
        self._group_rows: dict[int, int] = {}

    def __len__(self) -> int:
        return self._high - len(self._free)

    @property
    def owners(self) -> int:
        return self._owners

    def _rows(self, owner: int) -> range:
        if owner < 0 or owner >= len(self._start) or self._start[owner] < 0:
            return range(0)
        start = int(self._start[owner])
        return range(start, start + int(self._count[owner]))

    def _grow_owners(self, owner: int) -> None:
        if owner < len(self._start):
            return
        size = max(owner + 1, 2 * len(self._start))
        start = np.full(size, -1, dtype=np.int64)
        start[: len(self._start)] = self._start
        count = np.zeros(size, dtype=np.int32)
        count[: len(self._count)] = self._count
        self._start, self._count = start, count

    @property
    def nbytes(self) -> int:
        own = self._vectors.nbytes + self._owner.nbytes + self._tag.nbytes + self._group.nbytes
        return int(own + sum(ann.nbytes for ann in self._ann.values()))

    def _grow(self, needed: int) -> None:
        capacity = len(self._owner)
        if needed <= capacity:
            return
        new_capacity = max(needed, capacity * 2)
        vectors = np.zeros((new_capacity, self.dim), dtype=np.float16)
        vectors[:capacity] = self._vectors
        owner = np.full(new_capacity, _NO_OWNER, dtype=np.int32)
        owner[:capacity] = self._owner
        tag = np.zeros(new_capacity, dtype=np.int16)
        tag[:capacity] = self._tag
        group = np.zeros(new_capacity, dtype=np.int8)
        group[:capacity] = self._group
        self._vectors, self._owner, self._tag, self._group = vectors, owner, tag, group

    # -- writing ----------------------------------------------------------------------------
    def upsert(
        self, owner: int, vectors: np.ndarray, tags: list[int] | None = None, group: int = 0
    ) -> None:
        """Replace all rows of `owner` by `vectors` (shape (m, dim); m may be 0).

        Args:
            tags: optional small integer per row (e.g. which of the owner's texts it encodes).
            group: which group the owner is searched in (e.g. organisations or offers).
        """
        vectors = np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        if vectors.shape[1] != self.dim:
            raise EmbeddingError(f"vector of dimension {vectors.shape[1]}, index has {self.dim}")
        m = len(vectors)
        with self._lock:
            old = self._rows(owner)
            if len(old) == m and m and int(self._group[old.start]) == group:
                rows = list(old)  # same size: rewrite in place
                ann = self._ann.get(group)
                if ann is not None:
                    ann.remove(rows)
            else:
                self.remove(owner)
                if not m:
                    return
                if m == 1 and self._free:
                    rows = [self._free.pop()]
                else:  # a contiguous block at the end (freed rows are reused one at a time)
                    if len(self._free) > max(COMPACT_FREE_ROWS, self._high // 2):
                        self.compact()  # mostly holes: close them before growing further
                    self._grow(self._high + m)
                    rows = list(range(self._high, self._high + m))
                    self._high += m
                self._grow_owners(owner)
                self._start[owner], self._count[owner] = rows[0], m
                self._owners += 1
                self._group_rows[group] = self._group_rows.get(group, 0) + m
            block = slice(rows[0], rows[0] + m)
            self._vectors[block] = vectors
            self._owner[block] = owner
            self._tag[block] = tags if tags is not None else 0
            self._group[block] = group
            ann = self._ann.get(group)
            if ann is not None:
                ann.add(vectors, np.asarray(rows))

    def remove(self, owner: int) -> None:
        """Drop every row of `owner` (no-op when it has none)."""
        with self._lock:
            rows = list(self._rows(owner))
            if not rows:
                return
            self._start[owner], self._count[owner] = -1, 0
            self._owners -= 1
            group = int(self._group[rows[0]])
            self._group_rows[group] -= len(rows)
            ann = self._ann.get(group)
            if ann is not None:
                ann.remove(rows)
            for row in rows:
                self._owner[row] = _NO_OWNER
                self._vectors[row] = 0.0
                self._free.append(row)

    # -- reading an owner ---------------------------------------------------------------------
    def rows_of(self, owner: int) -> np.ndarray:
        """The vectors of `owner`, in insertion order (shape (m, dim), float32)."""
        rows = self._rows(owner)
        if not rows:
            return np.zeros((0, self.dim), dtype=np.float32)
        return to_float32(self._vectors[rows.start : rows.stop])

    def tags_of(self, owner: int) -> list[int]:
        """The tags of `owner`'s rows, in the order of `rows_of`."""
        rows = self._rows(owner)
        return self._tag[rows.start : rows.stop].tolist()

    def live_rows(self) -> tuple[np.ndarray, np.ndarray]:
        """The vectors (float32) of every live row and their owners."""
        owners = self._owner[: self._high]
        live = np.flatnonzero(owners >= 0)
        return to_float32(self._vectors[live]), owners[live]

    def sample_rows(self, count: int, seed: int) -> np.ndarray:
        """Up to `count` live rows (float32), drawn at random: only those are converted."""
        live = np.flatnonzero(self._owner[: self._high] >= 0)
        if len(live) > count:
            live = np.sort(np.random.default_rng(seed).choice(live, count, replace=False))
        return to_float32(self._vectors[live])

    # -- the exact stage: the rows of a shortlist of owners ---------------------------------
    def owner_rows(self, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The rows of these owners, grouped by owner in the given order, and for each row the
        index of its owner in `owners`."""
        owners = np.asarray(owners, dtype=np.int64)
        inside = (owners >= 0) & (owners < len(self._start))
        at_owner = np.where(inside, owners, 0)
        starts = np.where(inside, self._start[at_owner], -1)
        counts = np.where(starts >= 0, self._count[at_owner], 0).astype(np.int64)
        at = np.repeat(np.arange(len(owners)), counts)
        offsets = np.arange(len(at)) - np.repeat(np.cumsum(counts) - counts, counts)
        return np.repeat(starts, counts) + offsets, at

    def vectors_of(self, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The rows (float32) of these owners, and for each row the index of its owner in
        `owners`."""
        rows, at = self.owner_rows(owners)
        return to_float32(self._vectors[rows]), at

    def similarities(
        self, queries: np.ndarray, owners: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Cosine of every row of these owners to every query.

        Returns:
            (sims, at, tags): sims (rows, q); at, the index in `owners` of each row's owner;
            tags, each row's tag.
        """
        queries = np.asarray(queries, dtype=np.float32).reshape(-1, self.dim)
        rows, at = self.owner_rows(owners)
        sims = to_float32(self._vectors[rows]) @ queries.T
        return sims, at, self._tag[rows]

    def best_per_owner(self, queries: np.ndarray, owners: np.ndarray) -> np.ndarray:
        """For each of these owners and each query, the best cosine over the owner's rows.

        Returns:
            Array (len(owners), q); -1 where the owner has no rows.
        """
        queries = np.asarray(queries, dtype=np.float32).reshape(-1, self.dim)
        sims, at, _ = self.similarities(queries, owners)
        return owner_max(sims, at, len(owners))

    def max_per_owner(self, queries: np.ndarray, n_owners: int) -> np.ndarray:
        """`best_per_owner` for owners 0..n_owners-1."""
        return self.best_per_owner(queries, np.arange(n_owners))

    # -- the approximate stage: candidates ----------------------------------------------------
    def nearest_owners(
        self, queries: np.ndarray, k: int, group: int = 0
    ) -> tuple[np.ndarray, np.ndarray]:
        """The owners of (about) the k nearest rows of `group` to each query, unique, and the
        best (approximate) cosine of each to any query.

        Exact below `ANN_MIN_ROWS` rows in the group; approximate (faiss) above."""
        queries = np.asarray(queries, dtype=np.float32).reshape(-1, self.dim)
        none = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        if not len(queries) or k <= 0:
            return none
        with self._lock:
            ann = self._ann_for(group)
            if ann is not None:
                rows, scores = ann.search(queries, k)
            else:
                live = np.flatnonzero(
                    (self._owner[: self._high] >= 0) & (self._group[: self._high] == group)
                )
                if not len(live):
                    return none
                sims = to_float32(self._vectors[live]) @ queries.T
                k = min(k, len(live))
                top = np.argpartition(-sims, k - 1, axis=0)[:k]
                rows = live[top.ravel()]
                scores = np.take_along_axis(sims, top, axis=0).ravel()
            owners = self._owner[rows]
        keep = owners >= 0
        owners, scores = owners[keep].astype(np.int64), scores[keep]
        order = np.lexsort((-scores, owners))  # by owner, best score first
        owners, scores = owners[order], scores[order]
        first = np.r_[True, owners[1:] != owners[:-1]] if len(owners) else np.zeros(0, bool)
        return owners[first], scores[first]

    def _ann_for(self, group: int) -> Ann | None:
        """The group's approximate index, built or rebuilt when its size calls for one."""
        size = self._group_rows.get(group, 0)
        ann = self._ann.get(group)
        if size < ANN_MIN_ROWS:
            if ann is not None:
                del self._ann[group]
            return None
        if ann is None or size > 4 * ann.trained_rows or 4 * size < ann.trained_rows:
            self._build_ann(group)
        return self._ann[group]

    def _build_ann(self, group: int) -> None:
        owners = self._owner[: self._high]
        rows = np.flatnonzero((owners >= 0) & (self._group[: self._high] == group))
        self._ann[group] = Ann(to_float32(self._vectors[rows]), rows)
        logger.info("approximate index of group %d built over %d rows", group, len(rows))

    def prepare(self) -> None:
        """Build the approximate indexes that the current size calls for (after a bulk load,
        so that the first request does not pay for it)."""
        with self._lock:
            for group in list(self._group_rows):
                self._ann_for(group)

    # -- whole-store operations -------------------------------------------------------------
    def search(
        self, query: np.ndarray, k: int, mask: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """Top-k owners by their best row's exact cosine to `query`, among owners allowed by
        `mask` (a boolean array over owner ids)."""
        owners = np.flatnonzero(self._start >= 0)
        if mask is not None:
            owners = owners[(owners < len(mask)) & mask[np.minimum(owners, len(mask) - 1)]]
        if not len(owners):
            return []
        best = self.best_per_owner(query, owners)[:, 0]
        k = min(k, len(owners))
        top = np.argpartition(-best, k - 1)[:k]
        top = top[np.argsort(-best[top], kind="stable")]
        return [(int(owners[i]), float(best[i])) for i in top]

    def compact(self) -> None:
        """Shrink storage to the live rows (after many removals) and build the approximate
        indexes the size calls for."""
        with self._lock:
            # Rows sorted by owner: each owner's rows stay one block.
            live = np.flatnonzero(self._owner[: self._high] >= 0)
            live = live[np.argsort(self._owner[live], kind="stable")]
            self._adopt(self._vectors[live], self._owner[live], self._tag[live], self._group[live])
            self._ann = {}  # row numbers changed
            self.prepare()

    def _adopt(self, vectors, owner, tag, group) -> None:
        """Take these rows (each owner's rows adjacent) as the whole store."""
        high = len(owner)
        capacity = max(1024, high)
        self._vectors = np.zeros((capacity, self.dim), dtype=np.float16)
        self._owner = np.full(capacity, _NO_OWNER, dtype=np.int32)
        self._tag = np.zeros(capacity, dtype=np.int16)
        self._group = np.zeros(capacity, dtype=np.int8)
        self._vectors[:high], self._owner[:high] = vectors, owner
        self._tag[:high], self._group[:high] = tag, group
        self._high = high
        self._free = np.flatnonzero(self._owner[:high] == _NO_OWNER).tolist()
        ids = self._owner[:high].astype(np.int64)
        size = max(1024, int(ids.max(initial=-1)) + 1)
        self._start = np.full(size, -1, dtype=np.int64)
        self._count = np.zeros(size, dtype=np.int32)
        live = np.flatnonzero(ids >= 0)
        first = live[np.r_[True, ids[live][1:] != ids[live][:-1]]] if len(live) else live
        self._start[ids[first]] = first
        np.add.at(self._count, ids[live], 1)
        self._owners = len(first)
        if not blocks(self._owner[:high]):
            raise EmbeddingError("an owner's rows are not one block")
        groups, counts = np.unique(self._group[:high][live], return_counts=True)
        self._group_rows = {int(g): int(c) for g, c in zip(groups, counts, strict=True)}

    # -- snapshots --------------------------------------------------------------------------
    def state(self) -> dict[str, np.ndarray]:
        """Everything needed to rebuild this store exactly, as arrays (see `from_state`)."""
        with self._lock:
            high = self._high
            state = {
                "vectors": self._vectors[:high],
                "owner": self._owner[:high],
                "tag": self._tag[:high],
                "group": self._group[:high],
            }
            for group, ann in self._ann.items():
                state[f"ann_{group}"] = ann.serialize()
                state[f"ann_{group}_trained"] = np.array([ann.trained_rows])
            return state

    @classmethod
    def from_state(cls, dim: int, state: dict[str, np.ndarray]) -> VectorIndex:
        store = cls(dim)
        store._adopt(state["vectors"], np.asarray(state["owner"]), state["tag"], state["group"])
        for key in state:
            if key.startswith("ann_") and not key.endswith("_trained"):
                group = int(key[4:])
                trained = int(state[f"{key}_trained"][0])
                store._ann[group] = Ann.restore(state[key], trained)
        return store


def owner_max(sims: np.ndarray, at: np.ndarray, n_owners: int) -> np.ndarray:
    """(rows, q) cosines of rows grouped by owner (`at`, as `similarities` returns them) ->
    (n_owners, q): each owner's best row per query; -1 where an owner has no rows."""
    out = np.full((n_owners, sims.shape[1]), -1.0, dtype=np.float32)
    if len(at) and sims.shape[1]:
        counts = np.bincount(at, minlength=n_owners)
        present = counts > 0
        starts = (np.cumsum(counts) - counts)[present]
        out[present] = np.maximum.reduceat(sims, starts, axis=0)
    return out
