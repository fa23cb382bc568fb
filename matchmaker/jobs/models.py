"""A job: what bulk work was asked, by whom, how far it got and how it ended."""

from __future__ import annotations

from datetime import datetime
from functools import partial

import sqlalchemy as sa
from sqlalchemy import orm as so

from matchmaker.core.db import new_id
from matchmaker.core.time import utcnow
from matchmaker.extensions import db


class Job(db.Model):
    """The record is the truth about a job (the queue only carries its id): every API worker
    reads it, every job worker writes it, and it survives a Redis restart.

    `payload` holds the submitted file until the job ends; it may name contact persons, so it
    is cleared then. Who asked is kept as the key's id only (a key's label may name a person).
    """

    __tablename__ = "jobs"

    id: so.Mapped[str] = so.mapped_column(
        sa.String(32), primary_key=True, default=partial(new_id, "job")
    )
    kind: so.Mapped[str] = so.mapped_column(sa.String(20))
    status: so.Mapped[str] = so.mapped_column(sa.String(20), default="queued", index=True)
    runner: so.Mapped[str] = so.mapped_column(sa.String(20), default="queue")
    phase: so.Mapped[str | None] = so.mapped_column(sa.String(20))
    done: so.Mapped[int] = so.mapped_column(sa.Integer, default=0)
    total: so.Mapped[int] = so.mapped_column(sa.Integer, default=0)
    options: so.Mapped[dict] = so.mapped_column(sa.JSON, default=dict)
    payload: so.Mapped[bytes | None] = so.mapped_column(sa.LargeBinary)
    result: so.Mapped[dict | None] = so.mapped_column(sa.JSON)
    error: so.Mapped[dict | None] = so.mapped_column(sa.JSON)
    created_by_key_id: so.Mapped[str | None] = so.mapped_column(sa.String(32))
    created_at: so.Mapped[datetime] = so.mapped_column(sa.DateTime(timezone=True), default=utcnow)
    started_at: so.Mapped[datetime | None] = so.mapped_column(sa.DateTime(timezone=True))
    finished_at: so.Mapped[datetime | None] = so.mapped_column(sa.DateTime(timezone=True))
    #: Last sign of life of its runner (each progress report).
    heartbeat_at: so.Mapped[datetime | None] = so.mapped_column(sa.DateTime(timezone=True))
