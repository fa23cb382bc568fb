"""Alembic environment: runs on the connection the service hands over."""

from __future__ import annotations

from alembic import context

from matchmaker.extensions import Base
from matchmaker.models import register_all

register_all()  # every room's tables on Base.metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "Run migrations through matchmaker (matchmaker.migrations.upgrade_database)."
    )
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
