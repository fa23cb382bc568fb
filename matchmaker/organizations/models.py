"""Organisation: a start-up, firm, institute, investor, intermediary or public body.

Each public column declares its field (`info=declare(...)`): where it sits in the API shape and
how audit, merging, erasure and CSV treat it (see core/fields.py). Adding a field touches this
model, the schema and a migration, and nothing else.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import ClassVar

import sqlalchemy as sa
from sqlalchemy import orm as so

from matchmaker.core.db import new_id
from matchmaker.core.fields import declare
from matchmaker.core.time import utcnow
from matchmaker.extensions import db


class Organization(db.Model):
    __tablename__ = "organizations"
    ENTITY_TYPE: ClassVar[str] = "organization"

    id: so.Mapped[str] = so.mapped_column(
        sa.String(32),
        primary_key=True,
        default=partial(new_id, "org"),
        info=declare("id", readonly=True),
    )
    external_id: so.Mapped[str | None] = so.mapped_column(
        sa.String(100), unique=True, info=declare("external_id", curator_only=True, merge="fill")
    )
    name: so.Mapped[str] = so.mapped_column(
        sa.String(200), index=True, info=declare("name", embedded=True)
    )
    kind: so.Mapped[str] = so.mapped_column(sa.String(20), index=True, info=declare("kind"))
    description: so.Mapped[str] = so.mapped_column(
        sa.Text, default="", info=declare("description", embedded=True, merge="fill")
    )
    offers: so.Mapped[list] = so.mapped_column(
        sa.JSON, default=list, info=declare("offers", kind="list", embedded=True, merge="union")
    )
    needs: so.Mapped[list] = so.mapped_column(
        sa.JSON, default=list, info=declare("needs", kind="list", embedded=True, merge="union")
    )
    themes: so.Mapped[list] = so.mapped_column(
        sa.JSON, default=list, info=declare("themes", kind="list", embedded=True, merge="union")
    )
    # ",green_tech,it_ai," so that a theme filter is a portable LIKE on SQLite and PostgreSQL.
    themes_key: so.Mapped[str] = so.mapped_column(sa.String(400), default=",")
    stage: so.Mapped[str | None] = so.mapped_column(
        sa.String(20), info=declare("stage", merge="fill")
    )
    district: so.Mapped[str | None] = so.mapped_column(
        sa.String(20), index=True, info=declare("location.district", merge="fill")
    )
    municipality: so.Mapped[str | None] = so.mapped_column(
        sa.String(100), info=declare("location.municipality", merge="fill")
    )
    postal_code: so.Mapped[str | None] = so.mapped_column(
        sa.String(10), info=declare("location.postal_code", merge="fill")
    )
    lat: so.Mapped[float | None] = so.mapped_column(
        sa.Float, info=declare("location.lat", kind="float", merge="fill")
    )
    lon: so.Mapped[float | None] = so.mapped_column(
        sa.Float, info=declare("location.lon", kind="float", merge="fill")
    )
    founded_year: so.Mapped[int | None] = so.mapped_column(
        sa.Integer, info=declare("founded_year", kind="int", merge="fill")
    )
    employees: so.Mapped[int | None] = so.mapped_column(
        sa.Integer, info=declare("employees", kind="int", merge="fill")
    )
    website: so.Mapped[str | None] = so.mapped_column(
        sa.String(300), info=declare("website", merge="fill")
    )
    languages: so.Mapped[list] = so.mapped_column(
        sa.JSON, default=list, info=declare("languages", kind="list", merge="union")
    )
    # An investor's thesis: the stages and themes it invests in, and its ticket range.
    invest_stages: so.Mapped[list] = so.mapped_column(
        sa.JSON, default=list, info=declare("investment.stages", kind="list", merge="union")
    )
    invest_themes: so.Mapped[list] = so.mapped_column(
        sa.JSON, default=list, info=declare("investment.themes", kind="list", merge="union")
    )
    ticket_eur_min: so.Mapped[int | None] = so.mapped_column(
        sa.BigInteger, info=declare("investment.ticket_eur_min", kind="int", merge="fill")
    )
    ticket_eur_max: so.Mapped[int | None] = so.mapped_column(
        sa.BigInteger, info=declare("investment.ticket_eur_max", kind="int", merge="fill")
    )
    contact_name: so.Mapped[str | None] = so.mapped_column(
        sa.String(200), info=declare("contact.name", personal=True, merge="fill")
    )
    contact_email: so.Mapped[str | None] = so.mapped_column(
        sa.String(254), info=declare("contact.email", personal=True, merge="fill")
    )
    contact_phone: so.Mapped[str | None] = so.mapped_column(
        sa.String(50), info=declare("contact.phone", personal=True, merge="fill")
    )
    contact_consent_at: so.Mapped[datetime | None] = so.mapped_column(
        sa.DateTime(timezone=True),
        info=declare("contact.consent_at", kind="datetime", personal=True, merge="fill"),
    )
    contact_legal_basis: so.Mapped[str | None] = so.mapped_column(
        sa.String(40), info=declare("contact.legal_basis", personal=True, merge="fill")
    )
    status: so.Mapped[str] = so.mapped_column(
        sa.String(20), default="draft", index=True, info=declare("status", curator_only=True)
    )
    verified: so.Mapped[bool] = so.mapped_column(
        sa.Boolean,
        default=False,
        info=declare("verified", kind="bool", curator_only=True, merge="any"),
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
        return f"<Organization {self.id} {self.name!r}>"
