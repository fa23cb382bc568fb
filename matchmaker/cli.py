"""The `matchmaker` console script: serve, worker, keys, demo, import, export, reindex."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click
from flask import Flask

DEMO_FILE = Path(__file__).parent / "demo" / "data.json"


def _app() -> Flask:
    from matchmaker.app import create_app
    from matchmaker.config import ConfigError
    from matchmaker.migrations import upgrade_database

    try:
        app = create_app()
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    upgrade_database(app)
    return app


@click.group()
@click.version_option(package_name="matchmaker", prog_name="matchmaker")
def main() -> None:
    """matchmaker: the matchmaking backend of the Stuttgart region's economic development agency."""


@main.command()
@click.option(
    "--host",
    default=lambda: os.environ.get("MATCHMAKER_HOST", "127.0.0.1"),
    show_default="MATCHMAKER_HOST or 127.0.0.1",
    help="Address to listen on (0.0.0.0: every interface).",
)
@click.option(
    "--port",
    default=lambda: int(os.environ.get("MATCHMAKER_PORT", "8000")),
    type=int,
    show_default="MATCHMAKER_PORT or 8000",
    help="Port to listen on.",
)
@click.option(
    "--workers",
    default=lambda: int(os.environ.get("MATCHMAKER_WORKERS", "2")),
    type=int,
    show_default="MATCHMAKER_WORKERS or 2",
    help="gunicorn worker processes (one per core: encoding is CPU-bound).",
)
@click.option(
    "--threads",
    default=lambda: int(os.environ.get("MATCHMAKER_THREADS", "4")),
    type=int,
    show_default="MATCHMAKER_THREADS or 4",
    help="Threads per worker (they overlap database and Redis waits).",
)
def serve(host: str, port: int, workers: int, threads: int) -> None:
    """Upgrade the schema, then run the API under gunicorn."""
    # gunicorn's settings first: they set the metrics directory before anything imports
    # prometheus_client (the master's imports are the workers' after the fork).
    from matchmaker import gunicorn_conf

    _app()  # migrations run once, in the master, before workers fork
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def load_config(self) -> None:
            for key in dir(gunicorn_conf):
                if not key.startswith("_") and key in self.cfg.settings:
                    self.cfg.set(key, getattr(gunicorn_conf, key))
            options = {"bind": f"{host}:{port}", "workers": workers, "threads": threads}
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self):
            from matchmaker.app import create_app

            return create_app()

    Server().run()


@main.group()
def keys() -> None:
    """Manage API keys."""


@keys.command("create")
@click.option("--role", required=True, type=click.Choice(["admin", "curator", "member", "reader"]))
@click.option("--label", default="")
@click.option("--organization", "organization_id", default=None)
def keys_create(role: str, label: str, organization_id: str | None) -> None:
    """Create a key; the token is printed alone on the last line."""
    from matchmaker.access.service import create_key
    from matchmaker.errors import DomainError

    app = _app()
    with app.app_context():
        try:
            key, token = create_key(role=role, label=label, organization_id=organization_id)
        except DomainError as exc:
            raise click.ClickException(exc.message) from exc
        click.echo(f"created key {key.id} role={key.role} label={key.label}")
        click.echo(token)


@keys.command("revoke")
@click.argument("key_id")
def keys_revoke(key_id: str) -> None:
    """Revoke a key by its id."""
    from matchmaker.access.service import revoke_key

    app = _app()
    with app.app_context():
        if revoke_key(key_id) is None:
            raise click.ClickException(f"no key {key_id}")
        click.echo(f"revoked {key_id}")


@keys.command("list")
def keys_list() -> None:
    """List keys (never their tokens)."""
    from matchmaker.access.service import list_keys

    app = _app()
    with app.app_context():
        click.echo("id\trole\tlabel\torganization\tstate")
        for key in list_keys():
            state = "revoked" if key.revoked_at else "active"
            click.echo(f"{key.id}\t{key.role}\t{key.label}\t{key.organization_id or '-'}\t{state}")


class _Bars:
    """Progress bars (tqdm, on stderr) for the phases of bulk work: one bar a phase. Shown on a
    terminal; MATCHMAKER_PROGRESS=1 forces them (e.g. in a CI log), 0 hides them."""

    UNITS = {"encoding": "chars", "writing": "records", "reindexing": "records"}

    def __init__(self) -> None:
        self.phase: str | None = None
        self.bar = None
        forced = os.environ.get("MATCHMAKER_PROGRESS", "").strip()
        self.disable = None if forced == "" else forced in ("0", "false", "no")

    def __call__(self, phase: str, done: int, total: int) -> None:
        from tqdm import tqdm

        if phase != self.phase:
            self.close()
            self.phase = phase
            self.bar = tqdm(
                total=total,
                desc=f"{phase:>10}",
                unit=f" {self.UNITS.get(phase, 'items')}",
                file=sys.stderr,
                disable=self.disable,
                dynamic_ncols=True,
            )
        self.bar.total = total
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def __enter__(self) -> _Bars:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _import(path: Path, dry_run: bool) -> int:
    from matchmaker.access.principal import SYSTEM
    from matchmaker.errors import DomainError
    from matchmaker.imports.jobs import import_file

    fmt = path.suffix.lower().lstrip(".")
    try:
        with _Bars() as bars:
            report = import_file(
                path.read_bytes(), fmt, principal=SYSTEM, dry_run=dry_run, progress=bars
            )
    except DomainError as exc:
        click.echo(f"error: {exc.message}", err=True)
        return 2
    if report.errors:
        click.echo(f"{report.errors.count} invalid record(s); nothing was written:", err=True)
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
    """Import organisations and offers from FILE (.json, .zip or .csv); all or nothing."""
    app = _app()
    with app.app_context():
        sys.exit(_import(file, dry_run))


@main.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def export_command(file: Path) -> None:
    """Export everything to FILE (.json or .zip of two CSV files: organisations and offers;
    .csv: organisations)."""
    from matchmaker.imports import formats, service

    suffix = file.suffix.lower()
    if suffix not in (".json", ".csv", ".zip"):
        raise click.BadParameter(
            f"{file.name}: use .json or .zip (organisations and offers: a zip holds "
            "organizations.csv and offers.csv) or .csv (organisations).",
            param_hint="FILE",
        )
    app = _app()
    with app.app_context(), _Bars() as bars:
        records = service.export_records(
            include_contact=True, progress=lambda done, total: bars("exporting", done, total)
        )
        if suffix == ".zip":
            file.write_bytes(formats.records_zip(records))
            click.echo(
                f"exported {len(records['organizations'])} organisations, "
                f"{len(records['offers'])} offers to {file} (organizations.csv, offers.csv)"
            )
            return
        if suffix == ".csv":
            file.write_text(formats.organizations_csv(records), encoding="utf-8")
            click.echo(
                f"exported {len(records['organizations'])} organisations to {file} "
                f"(CSV holds organisations only: export .json for the "
                f"{len(records['offers'])} offers too)"
            )
            return
        file.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
        click.echo(
            f"exported {len(records['organizations'])} organisations, "
            f"{len(records['offers'])} offers to {file}"
        )


@main.command()
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
def worker(burst: bool) -> None:
    """Run import jobs from the Redis queue (start one or more, on one or more machines, all
    on the API's database and Redis)."""
    from matchmaker.jobs import worker as jobs_worker
    from matchmaker.jobs.queue import connection, name
    from matchmaker.matches.runtime import get_runtime

    app = _app()
    try:
        connection(app.config).ping()
    except Exception as exc:  # noqa: BLE001 - say why and stop
        raise click.ClickException(f"Redis at {app.config['REDIS_URL']}: {exc}") from None
    with app.app_context():
        get_runtime().pipeline.encoder.encode(["warm-up"])  # the model loads before a job
    click.echo(f"worker listening on queue {name(app.config)}", err=True)
    jobs_worker.work(app, burst=burst)


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
    """Recompute missing or stale embeddings (a new model or text preparation makes every
    vector stale)."""
    from matchmaker.matches import reindexing

    app = _app()
    with app.app_context(), _Bars() as bars:
        done, space = reindexing.reindex(
            everything=everything, progress=lambda done, total: bars("reindexing", done, total)
        )
        click.echo(f"reindexed {done} records with {space.split('|', 1)[0]}")
