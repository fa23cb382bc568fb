"""investment thesis of investors: stages, themes, ticket range

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("organizations") as batch_op:
        batch_op.add_column(
            sa.Column("invest_stages", sa.JSON(), nullable=False, server_default="[]")
        )
        batch_op.add_column(
            sa.Column("invest_themes", sa.JSON(), nullable=False, server_default="[]")
        )
        batch_op.add_column(sa.Column("ticket_eur_min", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("ticket_eur_max", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("organizations") as batch_op:
        for column in ("ticket_eur_max", "ticket_eur_min", "invest_themes", "invest_stages"):
            batch_op.drop_column(column)
