"""The float16 rows of the vector store: converting them for arithmetic, and checking their
layout (each owner's rows one block)."""

from __future__ import annotations

import functools

import numpy as np


def blocks(owner: np.ndarray) -> bool:
    """Whether each owner's rows (owner >= 0; -1 marks a free row) form one block."""
    if not len(owner):
        return True
    starts = np.r_[True, owner[1:] != owner[:-1]] & (owner >= 0)
    return len(np.unique(owner[owner >= 0])) == int(starts.sum())


def to_float32(vectors: np.ndarray) -> np.ndarray:
    """float16 -> float32. torch converts with the CPU's F16C instructions, about 4x faster
    than numpy's element loop (benchmarks/RESULTS.md); it is loaded anyway for the encoder."""
    if vectors.size < 4096:
        return vectors.astype(np.float32)
    torch = _torch()
    if torch is None:
        return vectors.astype(np.float32)
    return torch.from_numpy(np.ascontiguousarray(vectors)).float().numpy()


@functools.cache
def _torch():
    try:
        import torch
    except ImportError:  # pragma: no cover - torch comes with sentence-transformers
        return None
    return torch
