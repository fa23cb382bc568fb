"""Stored embedding vectors (the source of truth; Redis only caches) and the index change log."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import orm as so

from matchmaker.core.time import utcnow
from matchmaker.extensions import db


class Embedding(db.Model):
    """One vector of one text of an organisation or offer (`field`: profile, offer or need).

    `model_id` names the vector space: the model and the text preparation that produced the
    vector; a change of either makes the vector stale.
    """

    __tablename__ = "embeddings"
    __table_args__ = (sa.Index("ix_embeddings_entity", "entity_type", "entity_id"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True, autoincrement=True)
    entity_type: so.Mapped[str] = so.mapped_column(sa.String(20))
    entity_id: so.Mapped[str] = so.mapped_column(sa.String(32))
    field: so.Mapped[str] = so.mapped_column(sa.String(10))
    position: so.Mapped[int] = so.mapped_column(sa.Integer, default=0)
    # 0: the form the model reads best (English); 1: a German text as written.
    variant: so.Mapped[int] = so.mapped_column(sa.Integer, default=0, server_default="0")
    text_hash: so.Mapped[str] = so.mapped_column(sa.String(64))
    model_id: so.Mapped[str] = so.mapped_column(sa.String(300), index=True)
    vector: so.Mapped[bytes] = so.mapped_column(sa.LargeBinary)


class IndexChange(db.Model):
    """Append-only log of entities whose index entry changed; workers replay it to stay current."""

    __tablename__ = "index_changes"

    id: so.Mapped[int] = so.mapped_column(primary_key=True, autoincrement=True)
    entity_type: so.Mapped[str] = so.mapped_column(sa.String(20))
    entity_id: so.Mapped[str] = so.mapped_column(sa.String(32))
    created_at: so.Mapped[datetime] = so.mapped_column(sa.DateTime(timezone=True), default=utcnow)
