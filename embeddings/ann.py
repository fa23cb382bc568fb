"""The approximate candidate index of one group of rows: faiss IVF-SQ4.

An inverted-file index (k-means cells, `2 * sqrt(rows)` of them up to 1,024) over 4-bit
scalar-quantised residuals: 192 bytes of code and 8 of id a 384-d row, and about 24 more for
the id map that makes removal O(1). faiss-cpu (Meta's library, BSD) rather than hnswlib or
usearch: with the float16 copy the exact stage reads, a row stays under a kilobyte (an HNSW
graph over float16 alone measured 1.3 KiB a row); rows are added and removed in microseconds;
training takes seconds. Measured in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import math

import numpy as np

#: Fraction of inverted lists probed per query (at least `MIN_PROBES`).
PROBE_SHARE = 1 / 16
MIN_PROBES = 8


def _faiss():
    import faiss

    faiss.omp_set_num_threads(1)  # a request's search stays on its own thread
    return faiss


class Ann:
    """The faiss IVF-SQ4 index of one group's rows (ids are row numbers)."""

    def __init__(self, vectors: np.ndarray, rows: np.ndarray) -> None:
        faiss = _faiss()
        dim = vectors.shape[1]
        self.trained_rows = len(rows)
        nlist = int(min(1024, len(rows) // 40, max(16, round(2 * math.sqrt(len(rows))))))
        quantizer = faiss.IndexFlatIP(dim)
        index = faiss.IndexIVFScalarQuantizer(
            quantizer, dim, nlist, faiss.ScalarQuantizer.QT_4bit, faiss.METRIC_INNER_PRODUCT
        )
        index.cp.niter = 12
        sample = np.random.default_rng(0).permutation(len(rows))[: 40 * nlist]
        index.train(np.ascontiguousarray(vectors[sample], dtype=np.float32))
        index.set_direct_map_type(faiss.DirectMap.Hashtable)
        index.nprobe = max(MIN_PROBES, int(nlist * PROBE_SHARE))
        self.index = index
        self.add(vectors, rows)

    @classmethod
    def restore(cls, blob: np.ndarray, trained_rows: int) -> Ann:
        ann = cls.__new__(cls)
        ann.index = _faiss().deserialize_index(blob)
        ann.trained_rows = trained_rows
        return ann

    def add(self, vectors: np.ndarray, rows: np.ndarray) -> None:
        for start in range(0, len(rows), 65536):
            chunk = slice(start, start + 65536)
            self.index.add_with_ids(
                np.ascontiguousarray(vectors[chunk], dtype=np.float32),
                np.asarray(rows[chunk], dtype=np.int64),
            )

    def remove(self, rows: list[int]) -> None:
        if rows:
            self.index.remove_ids(np.asarray(rows, dtype=np.int64))

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Row numbers of about the k nearest rows to each query, and their approximate
        cosines."""
        scores, found = self.index.search(np.ascontiguousarray(queries, dtype=np.float32), k)
        keep = found >= 0
        return found[keep], scores[keep]

    @property
    def nbytes(self) -> int:
        ntotal = int(self.index.ntotal)
        return ntotal * (int(self.index.code_size) + 8 + 24)

    def serialize(self) -> np.ndarray:
        return _faiss().serialize_index(self.index)
