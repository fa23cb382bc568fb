"""End-to-end fixtures: a live `matchmaker serve` (gunicorn, two workers) in a subprocess, on
an SQLite file and a redis-server of the session's own, with keys made by `matchmaker keys
create` and a small bilingual data set loaded by `matchmaker import`.

Everything here talks to the server over TCP, as the portal and outside tools do. Fault tests
start their own Redis / PostgreSQL through the helpers below.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest
import redis
import requests

ROOT = Path(__file__).resolve().parents[2]
_venv_script = Path(sys.executable).parent / "matchmaker"
MATCHMAKER = str(_venv_script) if _venv_script.exists() else (shutil.which("matchmaker") or "")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers", "e2e: end-to-end tests against a live `matchmaker serve` in a subprocess"
    )


@pytest.fixture(autouse=True)
def clean():
    """Overrides the suite's autouse `clean` (which needs the in-process app on both database
    backends): these tests own their server and its data."""
    yield


# -- processes ----------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(*, database_url: str, redis_url: str, prefix: str, instance: Path, **extra) -> dict:
    """The environment of every `matchmaker` subprocess (no MATCHMAKER_* leaks in from outside)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MATCHMAKER_")}
    env.update(
        MATCHMAKER_DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        MATCHMAKER_REDIS_PREFIX=prefix,
        MATCHMAKER_INSTANCE_PATH=str(instance),
        MATCHMAKER_RATE_LIMIT_ENABLED="false",
        MATCHMAKER_LOG_LEVEL="WARNING",
        HF_HUB_OFFLINE="1",
        TOKENIZERS_PARALLELISM="false",
    )
    env.update({k: str(v) for k, v in extra.items()})
    return env


def cli(env: dict, *args: str, check: bool = True, timeout: float = 240):
    """Run `matchmaker ARGS` and return the completed process."""
    result = subprocess.run(
        [MATCHMAKER, *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"matchmaker {' '.join(args)} exited {result.returncode}:\n{result.stderr[-3000:]}"
        )
    return result


def create_key(env: dict, role: str, label: str | None = None) -> str:
    """`matchmaker keys create`; the token is the last line of stdout."""
    out = cli(env, "keys", "create", "--role", role, "--label", label or f"e2e-{role}")
    return out.stdout.strip().splitlines()[-1]


class RedisServer:
    """A redis-server of the test's own, that it may kill and restart on the same port."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.workdir = workdir
        self.process: subprocess.Popen | None = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start on {self.port}")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        self.process = None


def _postgres_bindir() -> str | None:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.path.exists(os.path.join(candidate, "initdb")):
            return candidate
    found = shutil.which("initdb")
    return os.path.dirname(found) if found else None


class PostgresServer:
    """A PostgreSQL cluster of the test's own (initdb into a temporary folder, trust auth).

    As root, initdb and pg_ctl run as the `postgres` system user (they refuse root).
    """

    def __init__(self) -> None:
        self.bindir = _postgres_bindir()
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="mm-e2e-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "postgres.log"

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://root@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if IS_ROOT else []
        result = subprocess.run(
            [*prefix, *args], capture_output=True, text=True, timeout=120, cwd=self.root
        )
        if result.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"{args[0]} failed: {result.stderr}\n{log[-2000:]}")

    def init(self) -> None:
        if IS_ROOT:
            shutil.chown(self.root, "postgres", "postgres")
        self._run(
            f"{self.bindir}/initdb",
            "-D",
            str(self.data),
            "-U",
            "root",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            f"{self.bindir}/pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.log),
            "-w",
            "-t",
            "60",
            "start",
        )

    def stop(self) -> None:
        self._run(f"{self.bindir}/pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def cleanup(self) -> None:
        if self.running():
            try:
                self.stop()
            except RuntimeError:
                pass
        shutil.rmtree(self.root, ignore_errors=True)


class LiveServer:
    """`matchmaker serve --port P --workers N` in a subprocess; the Popen pid is the gunicorn
    master (the console script runs the arbiter in its own process), workers are its children."""

    def __init__(self, env: dict, workdir: Path, *, workers: int = 2, name: str = "server"):
        self.env = env
        self.workers = workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / f"{name}-{self.port}.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [
                MATCHMAKER,
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--workers",
                str(self.workers),
            ],
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def _check_alive(self) -> None:
        if self.process is None or self.process.poll() is not None:
            raise RuntimeError(f"the server exited:\n{self.log_tail()}")

    def wait_ready(self, timeout: float = 240) -> dict:
        """Poll /livez, then /readyz until it answers 200 with the model loaded."""
        deadline = time.monotonic() + timeout
        body: dict = {}
        while time.monotonic() < deadline:
            self._check_alive()
            try:
                if requests.get(f"{self.url}/livez", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            time.sleep(0.25)
        while time.monotonic() < deadline:
            self._check_alive()
            try:
                r = requests.get(f"{self.url}/readyz", timeout=5)
                body = r.json()
                if r.status_code == 200 and body["checks"]["model"]["status"] == "ok":
                    return body
            except (requests.RequestException, ValueError, KeyError):
                pass
            time.sleep(0.25)
        raise RuntimeError(f"not ready after {timeout}s: {body}\n{self.log_tail()}")

    def worker_pids(self) -> list[int]:
        out = subprocess.run(
            ["ps", "--ppid", str(self.process.pid), "-o", "pid="],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        return sorted(int(p) for p in out.split())

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(45)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        if getattr(self, "_log", None) is not None:
            self._log.close()


# -- the data set ---------------------------------------------------------------------------------
E2E_DATA = {
    "organizations": [
        {
            "external_id": "e2e-org-1",
            "name": "Zellprüfwerk GmbH",
            "kind": "startup",
            "stage": "seed",
            "description": "Wir entwickeln Prüfstände für Lithium-Ionen-Batteriezellen und "
            "werten Alterungsdaten mit maschinellem Lernen aus.",
            "offers": ["Prüfstand für Batteriezellen", "Auswertung von Alterungsdaten"],
            "needs": ["Pilotkunde aus der Automobilindustrie", "Seed-Finanzierung"],
            "themes": ["automotive_mobility", "green_tech"],
            "location": {
                "district": "esslingen",
                "municipality": "Esslingen am Neckar",
                "postal_code": "73728",
                "lat": 48.74,
                "lon": 9.31,
            },
            "languages": ["de"],
            "contact": {"name": "Erika Muster", "email": "erika@zellpruefwerk.example"},
            "status": "published",
            "verified": True,
        },
        {
            "external_id": "e2e-org-2",
            "name": "Karosseriewerk Sindelfingen AG",
            "kind": "established",
            "description": "Automobilzulieferer mit Presswerk und Karosseriebau; wir suchen "
            "Start-ups für Pilotprojekte in der Batterieproduktion.",
            "offers": ["Pilotprojekte in der Serienfertigung", "Zugang zu Testflächen im Werk"],
            "needs": ["Prüftechnik für Batteriezellen", "KI-gestützte Qualitätsprüfung"],
            "themes": ["automotive_mobility", "mechanical_engineering_production"],
            "location": {"district": "boeblingen", "municipality": "Sindelfingen"},
            "languages": ["de"],
            "status": "published",
            "verified": True,
        },
        {
            "external_id": "e2e-org-3",
            "name": "AeroMesh Drones GmbH",
            "kind": "startup",
            "stage": "seed",
            "description": "AeroMesh builds fixed-wing drones for inspecting power lines and "
            "railways beyond visual line of sight.",
            "offers": ["drone inspection of power lines and railways", "BVLOS flight operations"],
            "needs": ["access to a test area for drones", "seed funding"],
            "themes": ["aerospace", "it_hardware"],
            "location": {"district": "boeblingen", "municipality": "Renningen"},
            "languages": ["en"],
            "status": "published",
            "verified": True,
        },
        {
            "external_id": "e2e-org-4",
            "name": "Neckar Quantum Labs",
            "kind": "research",
            "description": "Applied research institute for quantum sensors and cryogenic "
            "measurement; we look for industrial partners.",
            "offers": ["measurement lab for quantum sensors", "cryogenic test benches"],
            "needs": ["industrial partner from mechanical engineering"],
            "themes": ["quantum", "mechanical_engineering_production"],
            "location": {"district": "stuttgart", "municipality": "Stuttgart"},
            "languages": ["en", "de"],
            "status": "published",
            "verified": False,
        },
        {
            "external_id": "e2e-org-5",
            "name": "Halbhöhe Kapital",
            "kind": "investor",
            "description": "Wir beteiligen uns an B2B-Start-ups aus der Region in der Seed-Phase.",
            "offers": ["Seed-Finanzierung bis 1,5 Mio. €", "Zugang zu Industriekunden"],
            "needs": ["Start-ups aus Mobilität und Klimaschutz"],
            "themes": ["green_tech", "automotive_mobility", "it_ai"],
            "location": {"district": "stuttgart", "municipality": "Stuttgart"},
            "languages": ["de"],
            "status": "published",
            "verified": True,
        },
        {
            "external_id": "e2e-org-6",
            "name": "Remstal Logistics Hub",
            "kind": "intermediary",
            "description": "A network of logistics companies in the Rems valley that connects "
            "start-ups with warehouses for pilots.",
            "offers": ["warehouse space for pilot projects"],
            "needs": ["route optimisation software", "autonomous delivery robots"],
            "themes": ["logistics", "it_ai"],
            "location": {"district": "rems-murr", "municipality": "Waiblingen"},
            "languages": ["en"],
            "status": "draft",
        },
    ],
    "offers": [
        {
            "external_id": "e2e-off-1",
            "title": "Seed-Fonds Region Stuttgart",
            "kind": "funding",
            "description": "Beteiligungskapital für junge Technologieunternehmen in der "
            "Seed-Phase, bis 1,5 Mio. €.",
            "provider_external_id": "e2e-org-5",
            "themes": ["green_tech", "automotive_mobility"],
            "eligibility": {"kinds": ["startup"], "stages": ["pre_seed", "seed"], "districts": []},
            "amount_eur_max": 1500000,
            "deadline": "2099-12-31",
            "status": "published",
        },
        {
            "external_id": "e2e-off-2",
            "title": "Pilot projects in the body shop",
            "kind": "cooperation",
            "description": "Paid three-month pilots for start-ups with AI quality inspection "
            "or battery test equipment.",
            "provider_external_id": "e2e-org-2",
            "themes": ["automotive_mobility", "mechanical_engineering_production"],
            "eligibility": {"kinds": ["startup", "scaleup"], "stages": [], "districts": []},
            "deadline": "2099-06-30",
            "url": "https://karosseriewerk.example/pilots",
            "status": "published",
        },
        {
            "external_id": "e2e-off-3",
            "title": "Drohnen-Testfeld Renningen",
            "kind": "space",
            "description": "Ein Testgelände für Drohnenflüge außerhalb der Sichtweite.",
            "themes": ["aerospace"],
            "eligibility": {"kinds": [], "stages": [], "districts": ["boeblingen"]},
            "status": "published",
        },
    ],
}


class Live:
    """The running server, its tokens, and the ids of the imported records."""

    def __init__(self, server: LiveServer, redis_server: RedisServer, tokens: dict, workdir):
        self.server = server
        self.redis = redis_server
        self.tokens = tokens
        self.workdir = workdir
        self.url = server.url
        self.api = f"{server.url}/api/v1"
        self.orgs: dict[str, str] = {}
        self.offers: dict[str, str] = {}

    def headers(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"}

    def get(self, path: str, role: str = "reader", headers=None, **kwargs) -> requests.Response:
        headers = {**self.headers(role), **(headers or {})}
        return requests.get(f"{self.api}{path}", headers=headers, timeout=30, **kwargs)

    def post(self, path: str, role: str = "curator", headers=None, **kwargs) -> requests.Response:
        headers = {**self.headers(role), **(headers or {})}
        return requests.post(f"{self.api}{path}", headers=headers, timeout=30, **kwargs)


@pytest.fixture(scope="session")
def e2e_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("e2e")


@pytest.fixture(scope="session")
def session_redis(e2e_dir):
    if not shutil.which("redis-server"):
        pytest.skip("needs redis-server")
    server = RedisServer(e2e_dir)
    server.start()
    yield server
    server.kill()


@pytest.fixture(scope="session")
def live(e2e_dir, session_redis):
    """The shared live server (SQLite, the session's Redis, rate limits off)."""
    if not MATCHMAKER:
        pytest.skip("the `matchmaker` console script is not installed")
    env = server_env(
        database_url=f"sqlite:///{e2e_dir / 'e2e.sqlite3'}",
        redis_url=session_redis.url(0),
        prefix=f"e2e{uuid.uuid4().hex[:8]}",
        instance=e2e_dir,
    )
    tokens = {"admin": create_key(env, "admin")}  # the first command creates the schema
    for role in ("curator", "reader"):
        tokens[role] = create_key(env, role)
    data_file = e2e_dir / "e2e-data.json"
    data_file.write_text(json.dumps(E2E_DATA, ensure_ascii=False), encoding="utf-8")
    server = LiveServer(env, e2e_dir, workers=2, name="live")
    # The import (which loads the model and encodes) and the server's boot overlap; the
    # workers pick the imported records up through the index's change log.
    importer = subprocess.Popen(
        [MATCHMAKER, "import", str(data_file)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    server.start()
    try:
        out, err = importer.communicate(timeout=240)
        assert importer.returncode == 0, err[-3000:]
        report = json.loads(out.strip().splitlines()[-1])
        assert report["created"] == {"organizations": 6, "offers": 3}, report
        server.wait_ready()
        live = Live(server, session_redis, tokens, e2e_dir)
        listing = live.get("/organizations?page_size=100", role="curator").json()
        live.orgs = {o["external_id"]: o["id"] for o in listing["items"]}
        listing = live.get("/offers?page_size=100", role="curator").json()
        live.offers = {o["external_id"]: o["id"] for o in listing["items"]}
        assert len(live.orgs) == 6 and len(live.offers) == 3
        yield live
    finally:
        if importer.poll() is None:
            importer.kill()
        server.stop()
