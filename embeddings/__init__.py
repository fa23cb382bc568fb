"""Embedding library: encoder, Redis vector cache, in-memory vector index, cache-through pipeline.

A plain library with no Flask import, usable from a worker, a CLI or a notebook.
"""

from embeddings.cache import CircuitBreaker, RedisVectorCache
from embeddings.encoder import Encoder, resolve_model_path
from embeddings.errors import EmbeddingError
from embeddings.index import VectorIndex
from embeddings.pipeline import EmbeddingPipeline, normalize_text

__all__ = [
    "CircuitBreaker",
    "EmbeddingError",
    "EmbeddingPipeline",
    "Encoder",
    "RedisVectorCache",
    "VectorIndex",
    "normalize_text",
    "resolve_model_path",
]
