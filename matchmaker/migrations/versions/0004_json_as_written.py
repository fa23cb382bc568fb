"""lists stored as written (not \\u-escaped), so that word search finds non-ASCII words

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COLUMNS = {"organizations": ("offers", "needs"), "offers": ("themes",)}


def upgrade() -> None:
    bind = op.get_bind()
    cast = "CAST(:{0} AS JSON)" if bind.dialect.name == "postgresql" else ":{0}"
    for table, columns in COLUMNS.items():
        names = ", ".join(("id", *(f"CAST({c} AS TEXT)" for c in columns)))
        for row in bind.execute(sa.text(f"SELECT {names} FROM {table}")).all():
            values = {}
            for column, raw in zip(columns, row[1:], strict=True):
                if isinstance(raw, str) and "\\u" in raw:
                    values[column] = json.dumps(json.loads(raw), ensure_ascii=False)
            if values:
                assignments = ", ".join(f"{c} = {cast.format(c)}" for c in values)
                bind.execute(
                    sa.text(f"UPDATE {table} SET {assignments} WHERE id = :id"),
                    {**values, "id": row[0]},
                )


def downgrade() -> None:
    """Nothing to undo: escaped and unescaped JSON mean the same."""
