"""The `matchmaker` console script, run for real in a subprocess on a fresh SQLite file, against
the real Redis and the real model."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import redis

from matchmaker.cli import DEMO_FILE
from tests.conftest import offer_payload, org_payload

REDIS_URL = "redis://127.0.0.1:6379/14"
_SCRIPT = Path(sys.executable).parent / "matchmaker"
COMMAND = (
    [str(_SCRIPT)]
    if _SCRIPT.exists()
    else [sys.executable, "-c", "from matchmaker.cli import main; main()"]
)


@pytest.fixture(autouse=True)
def clean():
    """The CLI works on its own SQLite files: no need for the suite's per-backend app (this
    overrides conftest's autouse `clean`, so these tests run once, not once per backend)."""
    yield


class Cli:
    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.prefix = f"mmcli{uuid.uuid4().hex[:8]}"
        self.db_url = self.database("x.db")

    def database(self, name: str) -> str:
        return f"sqlite:///{self.tmp_path / name}"

    def env(self, db_url: str | None = None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("MATCHMAKER_")}
        env.update(
            {
                "MATCHMAKER_DATABASE_URL": db_url or self.db_url,
                "REDIS_URL": REDIS_URL,
                "MATCHMAKER_REDIS_PREFIX": self.prefix,
                "MATCHMAKER_INSTANCE_PATH": str(self.tmp_path / "instance"),
                "MATCHMAKER_LOG_LEVEL": "WARNING",
                "HF_HUB_OFFLINE": "1",
                "TOKENIZERS_PARALLELISM": "false",
            }
        )
        return env

    def __call__(
        self, *args: str, db_url: str | None = None, timeout: int = 300, env: dict | None = None
    ):
        return subprocess.run(
            [*COMMAND, *args],
            env={**self.env(db_url), **(env or {})},
            cwd=self.tmp_path,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def ok(self, *args: str, db_url: str | None = None, timeout: int = 300):
        result = self(*args, db_url=db_url, timeout=timeout)
        assert result.returncode == 0, (result.stdout, result.stderr)
        return result

    def export(self, db_url: str | None = None) -> dict:
        path = self.tmp_path / f"export-{uuid.uuid4().hex[:6]}.json"
        self.ok("export", str(path), db_url=db_url)
        return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def cli(tmp_path):
    runner = Cli(tmp_path)
    yield runner
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{runner.prefix}:*"):
        client.delete(key)


def last_json_line(stdout: str) -> dict:
    return json.loads(stdout.strip().splitlines()[-1])


def good_file() -> dict:
    return {
        "organizations": [
            org_payload(external_id="crm-1", name="Voltwerk GmbH"),
            org_payload(
                external_id="crm-2",
                name="Seed Angels Stuttgart",
                kind="investor",
                stage=None,
                description="Business-Angel-Netzwerk für Seed-Finanzierungen.",
                offers=["Seed-Kapital bis 500.000 EUR"],
                needs=["Batterie-Start-ups"],
                contact={"name": "Bea Angel", "email": "bea@angels.example"},
            ),
        ],
        "offers": [offer_payload(external_id="crm-o1", provider_external_id="crm-2")],
    }


def write_json(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# -- keys -----------------------------------------------------------------------------------------
def test_keys_create_prints_a_working_token(cli):
    result = cli.ok("keys", "create", "--role", "admin", "--label", "x")
    lines = result.stdout.strip().splitlines()
    token = lines[-1]
    assert token == token.strip() and " " not in token and len(token) > 20
    assert "label=x" in result.stdout
    from matchmaker.app import create_app
    from matchmaker.extensions import db

    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": cli.db_url,
            "REDIS_URL": REDIS_URL,
            "MATCHMAKER_REDIS_PREFIX": cli.prefix,
            "RATELIMIT_ENABLED": False,
        }
    )
    try:
        client = app.test_client()
        r = client.get("/api/v1/organizations", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 200, r.get_json()
        assert r.get_json()["total"] == 0
        r = client.get("/api/v1/organizations", headers={"Authorization": f"Bearer {token[:-2]}xx"})
        assert r.status_code == 401
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def test_member_key_needs_an_organization(cli):
    result = cli("keys", "create", "--role", "member", "--label", "m")
    assert result.returncode != 0
    assert "organization" in (result.stdout + result.stderr).lower()
    assert "mm_" not in result.stdout
    result = cli.ok("keys", "list")
    assert "member" not in result.stdout


# -- import / export -------------------------------------------------------------------------------
def test_import_with_bad_records_exits_non_zero_and_writes_nothing(cli, tmp_path):
    data = good_file()
    data["organizations"] = [
        data["organizations"][0],
        org_payload(external_id="crm-bad-kind", name="Raumschiff GmbH", kind="spaceship"),
        org_payload(external_id="crm-bad-name", name="N" * 201),
        data["organizations"][1],
    ]
    result = cli("import", str(write_json(tmp_path / "bad.json", data)))
    assert result.returncode != 0
    report = result.stdout + result.stderr
    assert "organizations[1]" in report
    assert "kind" in report.split("organizations[1]")[1].splitlines()[0]
    assert "organizations[2]" in report
    assert "name" in report.split("organizations[2]")[1].splitlines()[0]
    assert "organizations[0]" not in report and "organizations[3]" not in report
    exported = cli.export()
    assert exported == {"organizations": [], "offers": []}


def test_import_reimport_and_export_round_trip(cli, tmp_path):
    path = write_json(tmp_path / "good.json", good_file())
    result = cli.ok("import", str(path))
    report = last_json_line(result.stdout)
    assert report["created"] == {"organizations": 2, "offers": 1}

    changed = good_file()
    changed["organizations"][0]["description"] = "Neu: auch Ladesäulen."
    result = cli.ok("import", str(write_json(tmp_path / "changed.json", changed)))
    report = last_json_line(result.stdout)
    assert report["created"] == {"organizations": 0, "offers": 0}
    assert report["updated"] == {"organizations": 1, "offers": 0}
    assert report["unchanged"] == {"organizations": 1, "offers": 1}

    exported = cli.export()
    assert len(exported["organizations"]) == 2
    assert len(exported["offers"]) == 1
    by_ext = {o["external_id"]: o for o in exported["organizations"]}
    assert by_ext["crm-1"]["description"] == "Neu: auch Ladesäulen."
    assert by_ext["crm-2"]["contact"]["email"] == "bea@angels.example"
    assert exported["offers"][0]["provider_external_id"] == "crm-2"

    out = tmp_path / "out.json"
    out.write_text(json.dumps(exported), encoding="utf-8")
    fresh = cli.database("fresh.db")
    result = cli.ok("import", str(out), db_url=fresh)
    assert last_json_line(result.stdout)["created"] == {"organizations": 2, "offers": 1}
    again = cli.export(db_url=fresh)
    assert sorted(o["name"] for o in again["organizations"]) == sorted(
        o["name"] for o in exported["organizations"]
    )
    assert [o["title"] for o in again["offers"]] == [o["title"] for o in exported["offers"]]
    assert again["offers"][0]["provider_external_id"] == "crm-2"

    csv_path = tmp_path / "out.csv"
    result = cli.ok("export", str(csv_path))
    assert "2 organisations" in result.stdout and "organisations only" in result.stdout
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    assert sorted(r["name"] for r in rows) == ["Seed Angels Stuttgart", "Voltwerk GmbH"]
    volt = next(r for r in rows if r["external_id"] == "crm-1")
    assert volt["themes"] == "automotive_mobility;green_tech"
    assert volt["contact_email"] == "erika@voltwerk.example"
    assert volt["description"] == "Neu: auch Ladesäulen."


def test_zip_export_reimports_organisations_and_offers(cli, tmp_path):
    cli.ok("import", str(write_json(tmp_path / "in.json", good_file())))
    out = tmp_path / "out.zip"
    result = cli.ok("export", str(out))
    assert "2 organisations, 1 offers" in result.stdout
    fresh = cli.database("fresh-zip.db")
    result = cli.ok("import", str(out), db_url=fresh)
    assert last_json_line(result.stdout)["created"] == {"organizations": 2, "offers": 1}
    assert cli.export(db_url=fresh) == cli.export()


def test_import_shows_progress_bars(cli, tmp_path):
    path = write_json(tmp_path / "in.json", good_file())
    result = cli("import", str(path), env={"MATCHMAKER_PROGRESS": "1"})
    assert result.returncode == 0, result.stderr
    assert "encoding: 100%" in result.stderr and "writing: 100%" in result.stderr


def test_export_refuses_an_unknown_extension(cli, tmp_path):
    result = cli("export", str(tmp_path / "out.txt"))
    assert result.returncode == 2
    assert "use .json" in result.stderr
    assert not (tmp_path / "out.txt").exists()


# -- demo, reindex ---------------------------------------------------------------------------------
def test_demo_is_idempotent(cli):
    demo = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    n_orgs, n_offers = len(demo["organizations"]), len(demo.get("offers", []))
    assert n_orgs >= 100
    first = last_json_line(cli.ok("demo", timeout=600).stdout)
    assert first["created"] == {"organizations": n_orgs, "offers": n_offers}
    second = last_json_line(cli.ok("demo", timeout=600).stdout)
    assert second["created"] == {"organizations": 0, "offers": 0}
    assert second["updated"] == {"organizations": 0, "offers": 0}  # nothing changed
    assert second["unchanged"] == {"organizations": n_orgs, "offers": n_offers}
    exported = cli.export()
    assert len(exported["organizations"]) == n_orgs
    assert len(exported["offers"]) == n_offers


def test_reindex_only_stale_unless_all(cli, tmp_path):
    cli.ok("import", str(write_json(tmp_path / "good.json", good_file())))
    result = cli.ok("reindex")
    assert "reindexed 0 records" in result.stdout
    result = cli.ok("reindex", "--all")
    assert "reindexed 3 records" in result.stdout


def test_switching_the_text_bridge_makes_every_vector_stale(cli, tmp_path):
    cli.ok("import", str(write_json(tmp_path / "good.json", good_file())))

    def reindex(bridge: str) -> str:
        result = subprocess.run(
            [*COMMAND, "reindex"],
            env={**cli.env(), "MATCHMAKER_TEXT_BRIDGE": bridge},
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert "reindexed 0 records" in reindex("gloss")
    assert "reindexed 3 records" in reindex("none")  # every record is stale, without --all
    assert "reindexed 0 records" in reindex("none")
    assert "reindexed 3 records" in reindex("gloss")


@pytest.mark.parametrize(
    "variable, value",
    [
        ("MATCHMAKER_TEXT_BRIDGE", "glos"),
        ("MATCHMAKER_ENV", "prodution"),
        ("MATCHMAKER_DEBUG", "ture"),
        ("MATCHMAKER_TORCH_THREADS", "four"),
        ("REDIS_URL", "localhost:6379"),
    ],
)
def test_a_wrong_setting_stops_the_command_naming_the_variable(cli, variable, value):
    result = subprocess.run(
        [*COMMAND, "keys", "list"],
        env={**cli.env(), variable: value},
        cwd=cli.tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert variable in result.stderr and "Traceback" not in result.stderr, result.stderr
