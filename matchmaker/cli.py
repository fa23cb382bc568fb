"""The `matchmaker` console script: serve, keys, demo, import, export, reindex."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click
from flask import Flask
from flask.cli import with_appcontext

DEMO_FILE = Path(__file__).parent / "demo" / "data.json"


def _app() -> Flask:
    from matchmaker.app import create_app
    from matchmaker.migrations import upgrade_database

    app = create_app()
    upgrade_database(app)
    return app


@click.group()
def main() -> None:
    """matchmaker: the matchmaking backend of the Stuttgart region's economic development agency."""


@main.command()
@click.option("--host", default=lambda: os.environ.get("MATCHMAKER_HOST", "127.0.0.1"))
@click.option("--port", default=lambda: int(os.environ.get("MATCHMAKER_PORT", "8000")), type=int)
@click.option("--workers", default=lambda: int(os.environ.get("MATCHMAKER_WORKERS", "2")), type=int)
@click.option("--threads", default=lambda: int(os.environ.get("MATCHMAKER_THREADS", "4")), type=int)
def serve(host: str, port: int, workers: int, threads: int) -> None:
    """Upgrade the schema, then run the API under gunicorn."""
    _app()  # migrations run once, in the master, before workers fork
    from matchmaker.wsgi_server import run

    run(host=host, port=port, workers=workers, threads=threads)


@main.group()
def keys() -> None:
    """Manage API keys."""


@keys.command("create")
@click.option("--role", required=True, type=click.Choice(["admin", "curator", "member", "reader"]))
@click.option("--label", default="")
@click.option("--organization", "organization_id", default=None)
def keys_create(role: str, label: str, organization_id: str | None) -> None:
    """Create a key; the token is printed alone on the last line."""
    from matchmaker.auth import create_key
    from matchmaker.extensions import db
    from matchmaker.models import Organization

    app = _app()
    with app.app_context():
        if organization_id and db.session.get(Organization, organization_id) is None:
            raise click.ClickException(f"no organisation {organization_id}")
        try:
            key, token = create_key(role=role, label=label, organization_id=organization_id)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"created key {key.id} role={key.role} label={key.label}")
        click.echo(token)


@keys.command("revoke")
@click.argument("key_id")
def keys_revoke(key_id: str) -> None:
    """Revoke a key by its id."""
    from matchmaker.auth import revoke_key

    app = _app()
    with app.app_context():
        if revoke_key(key_id) is None:
            raise click.ClickException(f"no key {key_id}")
        click.echo(f"revoked {key_id}")


@keys.command("list")
def keys_list() -> None:
    """List keys (never their tokens)."""
    import sqlalchemy as sa

    from matchmaker.extensions import db
    from matchmaker.models import ApiKey

    app = _app()
    with app.app_context():
        for key in db.session.scalars(sa.select(ApiKey).order_by(ApiKey.created_at)):
            state = "revoked" if key.revoked_at else "active"
            click.echo(f"{key.id}\t{key.role}\t{key.label}\t{key.organization_id or '-'}\t{state}")


def _import(path: Path, dry_run: bool) -> int:
    from matchmaker.auth import SYSTEM
    from matchmaker.services import ServiceError, bulk

    fmt = path.suffix.lower().lstrip(".")
    try:
        records = bulk.parse_file(path.read_bytes(), fmt)
        report = bulk.import_records(records, principal=SYSTEM, dry_run=dry_run)
    except ServiceError as exc:
        click.echo(f"error: {exc.message}", err=True)
        return 2
    if report.errors:
        click.echo(f"{len(report.errors)} invalid record(s); nothing was written:", err=True)
        for error in report.errors:
            fields = "; ".join(
                f"{k}: {', '.join(map(str, v)) if isinstance(v, list) else v}"
                for k, v in error["errors"].items()
            )
            click.echo(f"  {error['section']}[{error['position']}] {fields}", err=True)
        return 1
    click.echo(json.dumps(report.as_dict()))
    return 0


@main.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Validate only; write nothing.")
def import_command(file: Path, dry_run: bool) -> None:
    """Import organisations and offers from FILE (.json or .csv); all or nothing."""
    app = _app()
    with app.app_context():
        sys.exit(_import(file, dry_run))


@main.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def export_command(file: Path) -> None:
    """Export everything to FILE (.json: organisations and offers; .csv: organisations)."""
    from matchmaker.services import bulk

    app = _app()
    with app.app_context():
        records = bulk.export_records(include_contact=True)
        if file.suffix.lower() == ".csv":
            file.write_text(bulk.export_csv(records), encoding="utf-8")
        else:
            file.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
        click.echo(
            f"exported {len(records['organizations'])} organisations, "
            f"{len(records['offers'])} offers to {file}"
        )


@main.command()
def demo() -> None:
    """Load the bundled demo data set of the region (idempotent)."""
    app = _app()
    with app.app_context():
        code = _import(DEMO_FILE, dry_run=False)
        if code:
            sys.exit(code)


@main.command()
@click.option("--all", "everything", is_flag=True, help="Recompute every vector.")
def reindex(everything: bool) -> None:
    """Recompute missing or stale embeddings (a model change makes every vector stale)."""
    import sqlalchemy as sa

    from matchmaker.extensions import db
    from matchmaker.models import Offer, Organization
    from matchmaker.runtime import get_runtime
    from matchmaker.services.indexing import (
        index_entities,
        notify_index_changed,
        stale_entities,
    )

    app = _app()
    with app.app_context():
        model_id = get_runtime().pipeline.model_id
        if everything:
            org_ids = list(db.session.scalars(sa.select(Organization.id)))
            offer_ids = list(db.session.scalars(sa.select(Offer.id)))
        else:
            org_ids, offer_ids = stale_entities(model_id)
        done = 0
        for model, ids in ((Organization, org_ids), (Offer, offer_ids)):
            for start in range(0, len(ids), 256):
                chunk = ids[start : start + 256]
                rows = list(db.session.scalars(sa.select(model).where(model.id.in_(chunk))))
                index_entities(rows)
                db.session.commit()
                done += len(rows)
        notify_index_changed()
        click.echo(f"reindexed {done} records with {model_id}")


def register_flask_commands(app: Flask) -> None:
    """`flask --app matchmaker.app:create_app db-upgrade` for operators used to Flask."""

    @app.cli.command("db-upgrade")
    @with_appcontext
    def db_upgrade() -> None:
        from matchmaker.migrations import upgrade_database

        upgrade_database(app)
        click.echo("database schema is current")
