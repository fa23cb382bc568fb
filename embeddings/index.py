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

import itertools
import logging
import threading

import numpy as np

from embeddings.ann import Ann
from embeddings.errors import EmbeddingError

logger = logging.getLogger(__name__)

_NO_OWNER = -1
#: From this many rows in a group on, candidates come from the approximate index.
ANN_MIN_ROWS = 4096


class VectorIndex:
    """Rows of float16 vectors, each belonging to one integer owner in one group."""

    def __init__(self, dim: int, capacity: int = 1024) -> None:
        self.dim = dim
        self._vectors = np.zeros((capacity, dim), dtype=np.float16)
        self._owner = np.full(capacity, _NO_OWNER, dtype=np.int32)
        self._tag = np.zeros(capacity, dtype=np.int16)
        self._group = np.zeros(capacity, dtype=np.int8)
        self._rows: dict[int, list[int]] = {}
        self._free: list[int] = []
        self._high = 0  # rows [0, _high) have been used at least once
        self._lock = threading.RLock()
        self._ann: dict[int, Ann] = {}
        self._group_rows: dict[int, int] = {}

    def __len__(self) -> int:
        return self._high - len(self._free)

    @property
    def owners(self) -> int:
        return len(self._rows)

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
        with self._lock:
            self.remove(owner)
            rows: list[int] = []
            for i, vector in enumerate(vectors):
                if self._free:
                    row = self._free.pop()
                else:
                    self._grow(self._high + 1)
                    row = self._high
                    self._high += 1
                self._vectors[row] = vector
                self._owner[row] = owner
                self._tag[row] = tags[i] if tags is not None else 0
                self._group[row] = group
                rows.append(row)
            if rows:
                self._rows[owner] = rows
                self._group_rows[group] = self._group_rows.get(group, 0) + len(rows)
                ann = self._ann.get(group)
                if ann is not None:
                    ann.add(vectors, np.asarray(rows))

    def remove(self, owner: int) -> None:
        """Drop every row of `owner` (no-op when it has none)."""
        with self._lock:
            rows = self._rows.pop(owner, [])
            if not rows:
                return
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
        rows = self._rows.get(owner)
        if not rows:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._vectors[rows].astype(np.float32)

    def tags_of(self, owner: int) -> list[int]:
        """The tags of `owner`'s rows, in the order of `rows_of`."""
        return [int(self._tag[r]) for r in self._rows.get(owner, [])]

    def live_rows(self) -> tuple[np.ndarray, np.ndarray]:
        """The vectors (float32) of every live row and their owners."""
        owners = self._owner[: self._high]
        live = np.flatnonzero(owners >= 0)
        return self._vectors[live].astype(np.float32), owners[live]

    def sample_rows(self, count: int, seed: int) -> np.ndarray:
        """Up to `count` live rows (float32), drawn at random: only those are converted."""
        live = np.flatnonzero(self._owner[: self._high] >= 0)
        if len(live) > count:
            live = np.sort(np.random.default_rng(seed).choice(live, count, replace=False))
        return self._vectors[live].astype(np.float32)

    # -- the exact stage: the rows of a shortlist of owners ---------------------------------
    def owner_rows(self, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The rows of these owners, grouped by owner in the given order, and for each row the
        index of its owner in `owners`."""
        rows_map = self._rows
        lists = [rows_map.get(o, ()) for o in np.asarray(owners).tolist()]
        counts = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
        rows = np.fromiter(
            itertools.chain.from_iterable(lists), dtype=np.int64, count=int(counts.sum())
        )
        return rows, np.repeat(np.arange(len(lists)), counts)

    def vectors_of(self, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The rows (float32) of these owners, and for each row the index of its owner in
        `owners`."""
        rows, at = self.owner_rows(owners)
        return self._vectors[rows].astype(np.float32), at

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
        sims = self._vectors[rows].astype(np.float32) @ queries.T
        return sims, at, self._tag[rows]

    def best_per_owner(self, queries: np.ndarray, owners: np.ndarray) -> np.ndarray:
        """For each of these owners and each query, the best cosine over the owner's rows.

        Returns:
            Array (len(owners), q); -1 where the owner has no rows.
        """
        queries = np.asarray(queries, dtype=np.float32).reshape(-1, self.dim)
        sims, at, _ = self.similarities(queries, owners)
        out = np.full((len(owners), queries.shape[0]), -1.0, dtype=np.float32)
        if len(at) and queries.shape[0]:
            counts = np.bincount(at, minlength=len(owners))
            present = counts > 0
            starts = (np.cumsum(counts) - counts)[present]
            out[present] = np.maximum.reduceat(sims, starts, axis=0)
        return out

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
                sims = self._vectors[live].astype(np.float32) @ queries.T
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
        self._ann[group] = Ann(self._vectors[rows].astype(np.float32), rows)
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
        owners = np.array(sorted(self._rows), dtype=np.int64)
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
            live_rows = sorted(r for rows in self._rows.values() for r in rows)
            remap = {old: new for new, old in enumerate(live_rows)}
            capacity = max(1024, len(live_rows))
            vectors = np.zeros((capacity, self.dim), dtype=np.float16)
            owner = np.full(capacity, _NO_OWNER, dtype=np.int32)
            tag = np.zeros(capacity, dtype=np.int16)
            group = np.zeros(capacity, dtype=np.int8)
            if live_rows:
                vectors[: len(live_rows)] = self._vectors[live_rows]
                owner[: len(live_rows)] = self._owner[live_rows]
                tag[: len(live_rows)] = self._tag[live_rows]
                group[: len(live_rows)] = self._group[live_rows]
            self._rows = {o: [remap[r] for r in rows] for o, rows in self._rows.items()}
            self._vectors, self._owner, self._tag, self._group = vectors, owner, tag, group
            self._free, self._high = [], len(live_rows)
            self._ann = {}  # row numbers changed
            self.prepare()

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
        store = cls(dim, capacity=max(1024, len(state["owner"])))
        high = len(state["owner"])
        store._vectors[:high] = state["vectors"]
        store._owner[:high] = state["owner"]
        store._tag[:high] = state["tag"]
        store._group[:high] = state["group"]
        store._high = high
        owners = store._owner[:high]
        order = np.argsort(owners, kind="stable")
        sorted_owners = owners[order]
        cuts = np.flatnonzero(np.diff(sorted_owners)) + 1
        for rows in np.split(order, cuts):
            if len(rows):
                owner = int(owners[rows[0]])
                if owner == _NO_OWNER:
                    store._free = rows.tolist()
                else:
                    store._rows[owner] = rows.tolist()
        live = owners >= 0
        groups, counts = np.unique(store._group[:high][live], return_counts=True)
        store._group_rows = {int(g): int(c) for g, c in zip(groups, counts, strict=True)}
        for key in state:
            if key.startswith("ann_") and not key.endswith("_trained"):
                group = int(key[4:])
                trained = int(state[f"{key}_trained"][0])
                store._ann[group] = Ann.restore(state[key], trained)
        return store
