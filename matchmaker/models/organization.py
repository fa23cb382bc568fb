"""Organisation: a start-up, firm, institute, investor, intermediary or public body."""

from __future__ import annotations

from datetime import datetime
from functools import partial

import sqlalchemy as sa
from sqlalchemy import orm as so

from matchmaker.extensions import db
from matchmaker.models._common import new_id, utcnow


class Organization(db.Model):
    __tablename__ = "organizations"

    id: so.Mapped[str] = so.mapped_column(
        sa.String(32), primary_key=True, default=partial(new_id, "org")
    )
    external_id: so.Mapped[str | None] = so.mapped_column(sa.String(100), unique=True)
    name: so.Mapped[str] = so.mapped_column(sa.String(200), index=True)
    kind: so.Mapped[str] = so.mapped_column(sa.String(20), index=True)
    description: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    offers: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    needs: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    themes: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    # ",green_tech,it_ai," so that a theme filter is a portable LIKE on SQLite and PostgreSQL.
    themes_key: so.Mapped[str] = so.mapped_column(sa.String(400), default=",")
    stage: so.Mapped[str | None] = so.mapped_column(sa.String(20))
    district: so.Mapped[str | None] = so.mapped_column(sa.String(20), index=True)
    municipality: so.Mapped[str | None] = so.mapped_column(sa.String(100))
    postal_code: so.Mapped[str | None] = so.mapped_column(sa.String(10))
    lat: so.Mapped[float | None] = so.mapped_column(sa.Float)
    lon: so.Mapped[float | None] = so.mapped_column(sa.Float)
    founded_year: so.Mapped[int | None] = so.mapped_column(sa.Integer)
    employees: so.Mapped[int | None] = so.mapped_column(sa.Integer)
    website: so.Mapped[str | None] = so.mapped_column(sa.String(300))
    languages: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    contact_name: so.Mapped[str | None] = so.mapped_column(sa.String(200))
    contact_email: so.Mapped[str | None] = so.mapped_column(sa.String(254))
    contact_phone: so.Mapped[str | None] = so.mapped_column(sa.String(50))
    contact_consent_at: so.Mapped[datetime | None] = so.mapped_column(sa.DateTime(timezone=True))
    contact_legal_basis: so.Mapped[str | None] = so.mapped_column(sa.String(40))
    status: so.Mapped[str] = so.mapped_column(sa.String(20), default="draft", index=True)
    verified: so.Mapped[bool] = so.mapped_column(sa.Boolean, default=False)
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
        return f"<Organization {self.id} {self.name!r}>"
