"""In-memory vector index: rows of unit vectors grouped by integer owner, brute-force numpy search.

Each owner (an organisation or offer, numbered by the caller) has zero or more rows (its profile,
each of its offers, each of its needs). Scores are cosine similarities of unit vectors. At 384
dimensions a row costs 1,536 bytes of float32 plus 4 bytes of owner id; growth doubles the
capacity, so the worst case is twice that until `compact()`. Past a few hundred thousand rows an
approximate backend (HNSW) can replace this class behind the same methods.
"""

from __future__ import annotations

import logging
import threading

import numpy as np

from embeddings.errors import EmbeddingError

logger = logging.getLogger(__name__)

_NO_OWNER = -1


class VectorIndex:
    """Rows of float32 vectors, each belonging to one integer owner."""

    def __init__(self, dim: int, capacity: int = 1024) -> None:
        self.dim = dim
        self._vectors = np.zeros((capacity, dim), dtype=np.float32)
        self._owner = np.full(capacity, _NO_OWNER, dtype=np.int32)
        self._tag = np.zeros(capacity, dtype=np.int16)
        self._rows: dict[int, list[int]] = {}
        self._free: list[int] = []
        self._high = 0  # rows [0, _high) have been used at least once
        self._lock = threading.RLock()
        # Live rows sorted by owner, with group starts: built on the first search after a
        # change, so per-owner maxima are one reduceat instead of a slow ufunc.at.
        self._grouping: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def __len__(self) -> int:
        return self._high - len(self._free)

    @property
    def owners(self) -> int:
        return len(self._rows)

    @property
    def nbytes(self) -> int:
        return int(self._vectors.nbytes + self._owner.nbytes + self._tag.nbytes)

    def _grow(self, needed: int) -> None:
        capacity = len(self._owner)
        if needed <= capacity:
            return
        new_capacity = max(needed, capacity * 2)
        vectors = np.zeros((new_capacity, self.dim), dtype=np.float32)
        vectors[:capacity] = self._vectors
        owner = np.full(new_capacity, _NO_OWNER, dtype=np.int32)
        owner[:capacity] = self._owner
        tag = np.zeros(new_capacity, dtype=np.int16)
        tag[:capacity] = self._tag
        self._vectors, self._owner, self._tag = vectors, owner, tag

    def upsert(self, owner: int, vectors: np.ndarray, tags: list[int] | None = None) -> None:
        """Replace all rows of `owner` by `vectors` (shape (m, dim); m may be 0).

        Args:
            tags: optional small integer per row (e.g. which of the owner's texts it encodes).
        """
        vectors = np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        if vectors.shape[1] != self.dim:
            raise EmbeddingError(f"vector of dimension {vectors.shape[1]}, index has {self.dim}")
        with self._lock:
            self.remove(owner)
            self._grouping = None
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
                rows.append(row)
            if rows:
                self._rows[owner] = rows

    def remove(self, owner: int) -> None:
        """Drop every row of `owner` (no-op when it has none)."""
        with self._lock:
            self._grouping = None
            for row in self._rows.pop(owner, []):
                self._owner[row] = _NO_OWNER
                self._vectors[row] = 0.0
                self._free.append(row)

    def rows_of(self, owner: int) -> np.ndarray:
        """The vectors of `owner`, in insertion order (shape (m, dim))."""
        rows = self._rows.get(owner)
        if not rows:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._vectors[rows]

    def tags_of(self, owner: int) -> list[int]:
        """The tags of `owner`'s rows, in the order of `rows_of`."""
        return [int(self._tag[r]) for r in self._rows.get(owner, [])]

    def row_ids_of(self, owner: int) -> list[int]:
        """Row numbers of `owner` (indexes into `row_similarities` results)."""
        return list(self._rows.get(owner, []))

    def live_rows(self) -> tuple[np.ndarray, np.ndarray]:
        """The vectors of every live row and their owners (shapes (rows, dim) and (rows,))."""
        owners = self._owner[: self._high]
        live = np.flatnonzero(owners >= 0)
        return self._vectors[live], owners[live]

    def row_tags(self) -> np.ndarray:
        """The tag of every row up to the high-water mark (aligned with row_similarities)."""
        return self._tag[: self._high]

    def row_similarities(self, queries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Cosine of every live row to every query.

        Returns:
            (sims, owners): sims has shape (rows, q); owners the owner of each row (-1 = free).
        """
        queries = np.asarray(queries, dtype=np.float32).reshape(-1, self.dim)
        high = self._high
        sims = self._vectors[:high] @ queries.T
        return sims, self._owner[:high]

    def max_per_owner(self, queries: np.ndarray, n_owners: int) -> np.ndarray:
        """For each owner and query, the best cosine over the owner's rows.

        Returns:
            Array (n_owners, q); -1 where the owner has no rows.
        """
        sims, owners = self.row_similarities(queries)
        out = np.full((n_owners + 1, sims.shape[1]), -1.0, dtype=np.float32)
        if len(self._rows) == len(self):
            # One row per owner (profiles): a plain scatter.
            live = (owners >= 0) & (owners < n_owners)
            out[owners[live]] = sims[live]
            return out[:n_owners]
        order, starts, group_owner = self._groups()
        if len(order):
            best = np.maximum.reduceat(sims[order], starts, axis=0)
            keep = group_owner < n_owners
            out[group_owner[keep]] = best[keep]
        return out[:n_owners]

    def _groups(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        grouping = self._grouping
        if grouping is None:
            owners = self._owner[: self._high]
            live = np.flatnonzero(owners >= 0)
            order = live[np.argsort(owners[live], kind="stable")]
            sorted_owners = owners[order]
            if len(order):
                starts = np.flatnonzero(np.r_[True, sorted_owners[1:] != sorted_owners[:-1]])
            else:
                starts = np.zeros(0, dtype=np.int64)
            grouping = (order, starts, sorted_owners[starts])
            self._grouping = grouping
        return grouping

    def search(
        self, query: np.ndarray, k: int, mask: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """Top-k owners by their best row's cosine to `query`, among owners allowed by `mask`.

        Args:
            query: one unit vector (dim,).
            k: how many owners to return.
            mask: optional boolean array over owner ids; False excludes the owner.
        """
        sims, owners = self.row_similarities(query)
        sims = sims[:, 0]
        live = owners >= 0
        if mask is not None:
            allowed = np.zeros(len(owners), dtype=bool)
            in_range = live & (owners < len(mask))
            allowed[in_range] = mask[owners[in_range]]
            live = allowed
        scores = np.where(live, sims, -np.inf)
        if len(self._rows) != len(self):  # some owner has several rows: keep its best only
            best = np.full(int(owners.max(initial=0)) + 1, -np.inf, dtype=np.float32)
            valid = owners >= 0
            np.maximum.at(best, owners[valid], scores[valid])
            candidates, cand_scores = np.arange(len(best)), best
        else:
            candidates, cand_scores = owners, scores
        k = min(k, int(np.isfinite(cand_scores).sum()))
        if k <= 0:
            return []
        top = np.argpartition(-cand_scores, k - 1)[:k]
        top = top[np.argsort(-cand_scores[top], kind="stable")]
        return [(int(candidates[i]), float(cand_scores[i])) for i in top]

    def compact(self) -> None:
        """Shrink storage to the live rows (after many removals)."""
        with self._lock:
            live_rows = sorted(r for rows in self._rows.values() for r in rows)
            remap = {old: new for new, old in enumerate(live_rows)}
            capacity = max(1024, len(live_rows))
            vectors = np.zeros((capacity, self.dim), dtype=np.float32)
            owner = np.full(capacity, _NO_OWNER, dtype=np.int32)
            tag = np.zeros(capacity, dtype=np.int16)
            if live_rows:
                vectors[: len(live_rows)] = self._vectors[live_rows]
                owner[: len(live_rows)] = self._owner[live_rows]
                tag[: len(live_rows)] = self._tag[live_rows]
            self._rows = {o: [remap[r] for r in rows] for o, rows in self._rows.items()}
            self._vectors, self._owner, self._tag = vectors, owner, tag
            self._free, self._high = [], len(live_rows)
            self._grouping = None
