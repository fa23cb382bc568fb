"""Offer: funding, cooperation, space, programme or talent offer, optionally by a provider."""

from __future__ import annotations

from datetime import date, datetime
from functools import partial

import sqlalchemy as sa
from sqlalchemy import orm as so

from matchmaker.extensions import db
from matchmaker.models._common import new_id, utcnow


class Offer(db.Model):
    __tablename__ = "offers"

    id: so.Mapped[str] = so.mapped_column(
        sa.String(32), primary_key=True, default=partial(new_id, "off")
    )
    external_id: so.Mapped[str | None] = so.mapped_column(sa.String(100), unique=True)
    title: so.Mapped[str] = so.mapped_column(sa.String(200), index=True)
    kind: so.Mapped[str] = so.mapped_column(sa.String(20), index=True)
    description: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    provider_id: so.Mapped[str | None] = so.mapped_column(
        sa.ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    themes: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    themes_key: so.Mapped[str] = so.mapped_column(sa.String(400), default=",")
    eligible_kinds: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    eligible_stages: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    eligible_districts: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    amount_eur_max: so.Mapped[int | None] = so.mapped_column(sa.BigInteger)
    deadline: so.Mapped[date | None] = so.mapped_column(sa.Date, index=True)
    district: so.Mapped[str | None] = so.mapped_column(sa.String(20), index=True)
    municipality: so.Mapped[str | None] = so.mapped_column(sa.String(100))
    postal_code: so.Mapped[str | None] = so.mapped_column(sa.String(10))
    lat: so.Mapped[float | None] = so.mapped_column(sa.Float)
    lon: so.Mapped[float | None] = so.mapped_column(sa.Float)
    url: so.Mapped[str | None] = so.mapped_column(sa.String(500))
    status: so.Mapped[str] = so.mapped_column(sa.String(20), default="draft", index=True)
    text_language: so.Mapped[str | None] = so.mapped_column(sa.String(5))
    # Language-neutral lexical terms per text field, computed on write (see matching/texts.py);
    # deferred: only the match index reads them.
    search_terms: so.Mapped[dict] = so.mapped_column(sa.JSON, default=dict, deferred=True)
    version: so.Mapped[int] = so.mapped_column(sa.Integer, default=1)
    created_at: so.Mapped[datetime] = so.mapped_column(sa.DateTime(timezone=True), default=utcnow)
    updated_at: so.Mapped[datetime] = so.mapped_column(
        sa.DateTime(timezone=True), default=utcnow, index=True
    )

    __mapper_args__ = {"version_id_col": version}

    def __repr__(self) -> str:
        return f"<Offer {self.id} {self.title!r}>"
