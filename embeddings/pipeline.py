"""Cache-through embedding pipeline: texts in, vectors out, one encode batch for all misses."""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import numpy as np

from embeddings.cache import RedisVectorCache
from embeddings.encoder import Encoder

logger = logging.getLogger(__name__)

_SPACES = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """NFC, collapsed whitespace, stripped: the form that is hashed and encoded."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def text_hash(text: str) -> str:
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()[:40]


class EmbeddingPipeline:
    """Looks texts up in the cache, encodes only the misses (deduplicated, one batch), fills it.

    Args:
        encoder: the model wrapper.
        cache: the Redis cache, or None to always encode.
        on_encode: optional callback `(batch_size, seconds)` for metrics.
    """

    def __init__(
        self,
        encoder: Encoder,
        cache: RedisVectorCache | None = None,
        on_encode: Callable[[int, float], None] | None = None,
    ) -> None:
        self.encoder = encoder
        self.cache = cache
        self.on_encode = on_encode
        self._local = threading.local()

    @property
    def model_id(self) -> str:
        return self.encoder.model_id

    @contextmanager
    def holding(self) -> Iterator[None]:
        """Within the block, this thread keeps every vector it looks up or encodes in memory.

        Bulk work encodes its texts first, outside its write transaction, and then writes:
        the second look-up must not encode again when Redis is down or has evicted them.
        """
        outer = getattr(self._local, "held", None)
        if outer is None:
            self._local.held = {}
        try:
            yield
        finally:
            if outer is None:
                self._local.held = None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return an (n, dim) float32 array of unit vectors for `texts`, in order."""
        normalized = [normalize_text(t) for t in texts]
        hashes = [text_hash(t) for t in normalized]
        dim = self.encoder.dim
        out = np.zeros((len(normalized), dim), dtype=np.float32)
        if not normalized:
            return out
        unique: dict[str, str] = dict(zip(hashes, normalized, strict=True))
        held: dict[str, np.ndarray] | None = getattr(self._local, "held", None)
        found: dict[str, np.ndarray] = {}
        if held:
            found = {h: held[h] for h in unique if h in held}
        order = [h for h in unique if h not in found]
        if self.cache is not None and order:
            self.cache.dim = dim
            for h, vector in zip(order, self.cache.get_many(order), strict=True):
                if vector is not None:
                    found[h] = vector
        missing = [h for h in order if h not in found]
        if missing:
            started = time.perf_counter()
            encoded = self.encoder.encode([unique[h] for h in missing])
            if self.on_encode is not None:
                self.on_encode(len(missing), time.perf_counter() - started)
            fresh = dict(zip(missing, encoded, strict=True))
            found.update(fresh)
            if self.cache is not None:
                self.cache.set_many(fresh)
        if held is not None:
            held.update(found)
        for i, h in enumerate(hashes):
            out[i] = found[h]
        return out
