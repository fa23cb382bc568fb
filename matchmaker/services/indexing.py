"""Write path of the vectors: embed an entity's texts, store them with the row, log the change."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import numpy as np
import sqlalchemy as sa
from flask import current_app

from embeddings.pipeline import text_hash
from matchmaker.extensions import db
from matchmaker.matching.texts import texts_for
from matchmaker.models import Embedding, IndexChange, Offer, Organization
from matchmaker.runtime import get_runtime

logger = logging.getLogger(__name__)


def entity_type_of(entity: Organization | Offer) -> str:
    return "organization" if isinstance(entity, Organization) else "offer"


def index_entities(entities: Sequence[Organization | Offer]) -> None:
    """Embed the texts of `entities` (one batch for all cache misses) and stage the rows.

    Runs inside the caller's transaction: the vectors commit or roll back with the records.
    Entities must have their ids assigned (flushed).
    """
    if not entities:
        return
    runtime = get_runtime()
    config = current_app.config
    pipeline = runtime.pipeline
    all_texts = []
    per_entity = []
    for entity in entities:
        texts = texts_for(
            entity_type_of(entity),
            entity,
            bridge_mode=config["MATCHMAKER_TEXT_BRIDGE"],
            dictionary_path=config["MATCHMAKER_DICTIONARY_PATH"],
        )
        per_entity.append((entity, texts, len(all_texts)))
        all_texts.extend(texts.encoded)
    vectors = pipeline.embed(all_texts)
    ids_by_type: dict[str, list[str]] = {"organization": [], "offer": []}
    for entity, _texts, _start in per_entity:
        ids_by_type[entity_type_of(entity)].append(entity.id)
    for entity_type, ids in ids_by_type.items():
        if ids:
            db.session.execute(
                sa.delete(Embedding).where(
                    Embedding.entity_type == entity_type, Embedding.entity_id.in_(ids)
                )
            )
    rows = []
    for entity, texts, start in per_entity:
        entity_type = entity_type_of(entity)
        entity.text_language = texts.language
        entity.search_terms = texts.terms
        for offset, (field_name, position, variant, encoded) in enumerate(
            zip(texts.fields, texts.positions, texts.variants, texts.encoded, strict=True)
        ):
            rows.append(
                {
                    "entity_type": entity_type,
                    "entity_id": entity.id,
                    "field": field_name,
                    "position": position,
                    "variant": variant,
                    "text_hash": text_hash(encoded),
                    "model_id": pipeline.model_id,
                    "vector": np.asarray(vectors[start + offset], dtype=np.float32).tobytes(),
                }
            )
        db.session.add(IndexChange(entity_type=entity_type, entity_id=entity.id))
    if rows:
        db.session.execute(sa.insert(Embedding), rows)


def forget_entity(entity_type: str, entity_id: str) -> list[str]:
    """Stage removal of an entity's vectors; return their text hashes (for cache erasure)."""
    hashes = list(
        db.session.scalars(
            sa.select(Embedding.text_hash).where(
                Embedding.entity_type == entity_type, Embedding.entity_id == entity_id
            )
        )
    )
    db.session.execute(
        sa.delete(Embedding).where(
            Embedding.entity_type == entity_type, Embedding.entity_id == entity_id
        )
    )
    db.session.add(IndexChange(entity_type=entity_type, entity_id=entity_id))
    return hashes


def notify_index_changed() -> None:
    """After a commit: bump the shared version so other workers resync within a request."""
    runtime = get_runtime()
    runtime.redis_call("incr", runtime.version_key)
    if runtime._index is not None:
        runtime._index.mark_dirty()


def stale_entities(model_id: str) -> tuple[list[str], list[str]]:
    """Ids of organisations and offers with no vectors, or vectors of another model."""
    out = []
    for model, entity_type in ((Organization, "organization"), (Offer, "offer")):
        current = (
            sa.select(Embedding.entity_id)
            .where(Embedding.entity_type == entity_type, Embedding.model_id == model_id)
            .distinct()
        )
        out.append(list(db.session.scalars(sa.select(model.id).where(model.id.not_in(current)))))
    return out[0], out[1]
