"""Offer: funding, cooperation, space, programme or talent offer, optionally by a provider.

Each public column declares its field (see core/fields.py and organizations/models.py).
"""

from __future__ import annotations

from datetime import date, datetime
from functools import partial
from typing import ClassVar

import sqlalchemy as sa
from sqlalchemy import orm as so

from matchmaker.core.db import new_id
from matchmaker.core.fields import declare
from matchmaker.core.time import utcnow
from matchmaker.extensions import db


class Offer(db.Model):
    __tablename__ = "offers"
    ENTITY_TYPE: ClassVar[str] = "offer"

    id: so.Mapped[str] = so.mapped_column(
        sa.String(32),
        primary_key=True,
        default=partial(new_id, "off"),
        info=declare("id", readonly=True),
    )
    external_id: so.Mapped[str | None] = so.mapped_column(
        sa.String(100), unique=True, info=declare("external_id", curator_only=True)
    )
    title: so.Mapped[str] = so.mapped_column(
        sa.String(200), index=True, info=declare("title", embedded=True)
    )
    kind: so.Mapped[str] = so.mapped_column(sa.String(20), index=True, info=declare("kind"))
    description: so.Mapped[str] = so.mapped_column(
        sa.Text, default="", info=declare("description", embedded=True)
    )
    provider_id: so.Mapped[str | None] = so.mapped_column(
        sa.ForeignKey("organizations.id", ondelete="SET NULL"),
        index=True,
        info=declare("provider_id", curator_only=True),
    )
    themes: so.Mapped[list] = so.mapped_column(
        sa.JSON, default=list, info=declare("themes", kind="list", embedded=True)
    )
    themes_key: so.Mapped[str] = so.mapped_column(sa.String(400), default=",")
    eligible_kinds: so.Mapped[list] = so.mapped_column(
        sa.JSON, default=list, info=declare("eligibility.kinds", kind="list")
    )
    eligible_stages: so.Mapped[list] = so.mapped_column(
        sa.JSON, default=list, info=declare("eligibility.stages", kind="list")
    )
    eligible_districts: so.Mapped[list] = so.mapped_column(
        sa.JSON, default=list, info=declare("eligibility.districts", kind="list")
    )
    amount_eur_max: so.Mapped[int | None] = so.mapped_column(
        sa.BigInteger, info=declare("amount_eur_max", kind="int")
    )
    deadline: so.Mapped[date | None] = so.mapped_column(
        sa.Date, index=True, info=declare("deadline", kind="date")
    )
    district: so.Mapped[str | None] = so.mapped_column(
        sa.String(20), index=True, info=declare("location.district")
    )
    municipality: so.Mapped[str | None] = so.mapped_column(
        sa.String(100), info=declare("location.municipality")
    )
    postal_code: so.Mapped[str | None] = so.mapped_column(
        sa.String(10), info=declare("location.postal_code")
    )
    lat: so.Mapped[float | None] = so.mapped_column(
        sa.Float, info=declare("location.lat", kind="float")
    )
    lon: so.Mapped[float | None] = so.mapped_column(
        sa.Float, info=declare("location.lon", kind="float")
    )
    url: so.Mapped[str | None] = so.mapped_column(sa.String(500), info=declare("url"))
    status: so.Mapped[str] = so.mapped_column(
        sa.String(20), default="draft", index=True, info=declare("status", curator_only=True)
    )
    text_language: so.Mapped[str | None] = so.mapped_column(sa.String(5))
    # Language-neutral lexical terms per text field, computed on write (engine/texts.py);
    # deferred: only the match index reads them.
    search_terms: so.Mapped[dict] = so.mapped_column(sa.JSON, default=dict, deferred=True)
    version: so.Mapped[int] = so.mapped_column(sa.Integer, default=1)
    created_at: so.Mapped[datetime] = so.mapped_column(
        sa.DateTime(timezone=True),
        default=utcnow,
        info=declare("created_at", kind="datetime", readonly=True),
    )
    updated_at: so.Mapped[datetime] = so.mapped_column(
        sa.DateTime(timezone=True),
        default=utcnow,
        index=True,
        info=declare("updated_at", kind="datetime", readonly=True),
    )

    __mapper_args__ = {"version_id_col": version}

    def __repr__(self) -> str:
        return f"<Offer {self.id} {self.title!r}>"
