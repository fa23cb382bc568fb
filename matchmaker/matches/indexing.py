"""The write door of the matches room: embed an entity's texts, store the vectors with its row,
log the change for the other workers, tell them after the commit.

Called inside the caller's unit of work by the rooms that own embedded entities (organisations,
offers); the vectors commit or roll back with the records. Entities are identified by their
`ENTITY_TYPE` ("organization" or "offer") and id, so this module imports no other room.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
import sqlalchemy as sa
from flask import current_app

from embeddings.pipeline import text_hash
from matchmaker.core.db import after_commit
from matchmaker.engine.texts import EntityTexts, text_key, texts_for
from matchmaker.extensions import db
from matchmaker.matches import prepared
from matchmaker.matches.models import Embedding, IndexChange
from matchmaker.matches.runtime import get_runtime

logger = logging.getLogger(__name__)
#: Inside `holding()`: this thread's prepared texts, by what they depend on.
_held = threading.local()


def entity_texts(entity: Any) -> EntityTexts:
    """The texts of an organisation or offer, prepared as the configured bridge says."""
    return _texts(entity.ENTITY_TYPE, entity)


def _texts(entity_type: str, entity: Any) -> EntityTexts:
    held = getattr(_held, "texts", None)
    key = text_key(entity_type, entity) if held is not None else None
    if key is not None and key in held:
        return held[key]
    texts = _prepare_one(entity_type, entity)
    if key is not None:
        held[key] = texts
    return texts


def _prepare_one(entity_type: str, entity: Any) -> EntityTexts:
    config = current_app.config
    return texts_for(
        entity_type,
        entity,
        bridge_mode=config["MATCHMAKER_TEXT_BRIDGE"],
        dictionary_path=config["MATCHMAKER_DICTIONARY_PATH"],
    )


def embed(entities: Sequence[Any]) -> list[tuple[Any, EntityTexts, np.ndarray]]:
    """Texts and vectors of each entity (one encode batch for all cache misses), unstored."""
    prepared = [(entity, entity_texts(entity)) for entity in entities]
    vectors = get_runtime().pipeline.embed([t for _, texts in prepared for t in texts.encoded])
    out, start = [], 0
    for entity, texts in prepared:
        out.append((entity, texts, vectors[start : start + len(texts.encoded)]))
        start += len(texts.encoded)
    return out


@contextmanager
def holding() -> Iterator[None]:
    """Within the block, prepared texts and the vectors looked up or encoded stay at hand in
    this thread (bulk work encodes ahead of its write transaction, then writes)."""
    outer = getattr(_held, "texts", None)
    if outer is None:
        _held.texts = {}
    try:
        with get_runtime().pipeline.holding():
            yield
    finally:
        if outer is None:
            _held.texts = None


def encode_ahead(
    views: Sequence[tuple[str, Any]],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Encode the texts of (entity type, object with the text attributes) pairs, in chunks,
    reporting `progress(characters done, characters in all)` (the time encoding takes grows
    with the characters, not the count of texts); inside `holding()` the write that follows
    finds them at hand."""
    keyed = [(text_key(entity_type, view), entity_type, view) for entity_type, view in views]
    prepared_texts = _prepare(keyed)
    texts = [text for key, _, _ in keyed for text in prepared_texts[key].encoded]
    # By length, as the model pads a batch to its longest text: chunks of similar lengths
    # cost what one call over all of them would.
    unique = sorted(dict.fromkeys(texts), key=len)
    # Batches large enough to encode efficiently, small enough for 50 steps of progress.
    chunk = min(256, max(32, len(unique) // 50))
    pipeline = get_runtime().pipeline
    total = sum(len(text) for text in unique)
    done = 0
    if progress is not None:
        progress(0, total)
    for start in range(0, len(unique), chunk):
        batch = unique[start : start + chunk]
        pipeline.embed(batch)
        done += sum(len(text) for text in batch)
        if progress is not None:
            progress(done, total)


def _prepare(keyed: list[tuple[tuple, str, Any]]) -> dict[tuple, EntityTexts]:
    """The prepared texts of (text key, entity type, record) triples: at hand (inside
    `holding()`, where they are kept for the write that follows), from the Redis cache of
    prepared texts (matches/prepared.py), or prepared now and kept there."""
    held = getattr(_held, "texts", None)
    out: dict[tuple, EntityTexts] = held if held is not None else {}
    out.update(prepared.load(list(dict.fromkeys(k for k, _, _ in keyed if k not in out))))
    fresh = {}
    for key, entity_type, view in keyed:
        if key not in out:
            out[key] = fresh[key] = _prepare_one(entity_type, view)
    prepared.store(fresh)
    return out


def index_entities(entities: Sequence[Any]) -> None:
    """Embed the texts of `entities` and stage their vectors and lexical terms.

    Entities must have their ids assigned (flushed).
    """
    if not entities:
        return
    space = get_runtime().vector_space
    embedded = embed(entities)
    ids_by_type: dict[str, list[str]] = {}
    for entity in entities:
        ids_by_type.setdefault(entity.ENTITY_TYPE, []).append(entity.id)
    for entity_type, ids in ids_by_type.items():
        db.session.execute(
            sa.delete(Embedding).where(
                Embedding.entity_type == entity_type, Embedding.entity_id.in_(ids)
            )
        )
    rows = []
    for entity, texts, vectors in embedded:
        entity.text_language = texts.language
        entity.search_terms = {**texts.terms, "english": texts.english}
        for (field_name, position, variant, encoded), vector in zip(
            zip(texts.fields, texts.positions, texts.variants, texts.encoded, strict=True),
            vectors,
            strict=True,
        ):
            rows.append(
                {
                    "entity_type": entity.ENTITY_TYPE,
                    "entity_id": entity.id,
                    "field": field_name,
                    "position": position,
                    "variant": variant,
                    "text_hash": text_hash(encoded),
                    "model_id": space,
                    "vector": np.asarray(vector, dtype=np.float32).tobytes(),
                }
            )
        log_change(entity)
    if rows:
        db.session.execute(sa.insert(Embedding), rows)


def refresh(entity: Any, *, texts_changed: bool) -> None:
    """After a change: new vectors when its texts changed, else a notice (the index shows its
    status, location and other fields too)."""
    if texts_changed:
        index_entities([entity])
    else:
        log_change(entity)


def log_change(entity: Any) -> None:
    """The entity changed (texts or metadata): other workers must refresh it."""
    log_change_of(entity.ENTITY_TYPE, entity.id)


def log_change_of(entity_type: str, entity_id: str) -> None:
    db.session.add(IndexChange(entity_type=entity_type, entity_id=entity_id))
    after_commit("index-notice", notify_index_changed)


def forget_entity(entity: Any, *, erase_cached_texts: bool = False) -> None:
    """Stage removal of an entity's vectors. With `erase_cached_texts`, the cached vectors of
    its texts are dropped from Redis after the commit too (erasure: Redis holds them under the
    texts' hashes)."""
    where = (Embedding.entity_type == entity.ENTITY_TYPE, Embedding.entity_id == entity.id)
    if erase_cached_texts:
        key = text_key(entity.ENTITY_TYPE, entity)
        after_commit(f"erase-prepared-{entity.id}", lambda: prepared.forget(key))
        hashes = list(db.session.scalars(sa.select(Embedding.text_hash).where(*where)))
        cache = get_runtime().pipeline.cache
        if hashes and cache is not None:
            after_commit(f"erase-cache-{entity.id}", lambda: cache.delete_many(hashes))
    db.session.execute(sa.delete(Embedding).where(*where))
    log_change(entity)


def notify_index_changed() -> None:
    """After a commit: bump the shared version so other workers resync within a request."""
    runtime = get_runtime()
    runtime.redis_call("incr", runtime.version_key)
    if runtime.keeper is not None:
        runtime.keeper.mark_dirty()


def current_ids(entity_type: str) -> set[str]:
    """Ids of the entities of this type that have vectors in the current vector space."""
    return set(
        db.session.scalars(
            sa.select(Embedding.entity_id)
            .where(
                Embedding.entity_type == entity_type,
                Embedding.model_id == get_runtime().vector_space,
            )
            .distinct()
        )
    )


def stored_vectors(entity_type: str, entity_id: str) -> list[tuple[str, int, str]]:
    """(field, position, vector space) of each vector stored for the entity."""
    rows = db.session.execute(
        sa.select(Embedding.field, Embedding.position, Embedding.model_id).where(
            Embedding.entity_type == entity_type, Embedding.entity_id == entity_id
        )
    )
    return [tuple(row) for row in rows]
