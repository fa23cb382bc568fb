"""Alembic migrations, shipped inside the package so an installed service can upgrade itself."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from flask import Flask

HERE = Path(__file__).parent


def alembic_config(connection=None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.attributes["connection"] = connection
    return config


def upgrade_database(app: Flask) -> None:
    """Create or upgrade the schema to the newest revision (idempotent)."""
    import logging

    from matchmaker.extensions import db

    # Alembic reports every step at INFO; a CLI command should print only its own result.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    with app.app_context():
        with db.engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
