"""Load benchmark: wrk against a live `matchmaker serve` (2 workers) at N organisations.

For each N (default 2000 and 10000) it imports `generate(N)` with `matchmaker import` (vectors
cached in Redis under `mmbench-shared`, so a rerun does not encode again), starts the server,
and runs wrk for 30 s with 16 connections on two endpoints, each hitting random ids (a Lua
script picks one per request):

- `read`:  GET /api/v1/organizations/{id}
- `match`: GET /api/v1/organizations/{id}/matches?limit=10

It prints one JSON document: requests/s, latency p50/p99 (ms), non-2xx answers and socket
errors per endpoint and N. wrk and the server share the machine's cores.

Run: .venv/bin/python benchmarks/load.py 2000 10000   [--duration 30] [--connections 16]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# wrk's `done` hook writes the figures as one JSON line (no parsing of its text report).
_REPORT_LUA = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_s": %.3f, "requests_per_s": %.1f, ' ..
    '"latency_p50_ms": %.2f, "latency_p90_ms": %.2f, "latency_p99_ms": %.2f, ' ..
    '"latency_max_ms": %.2f, "non_2xx": %d, "socket_errors": {"connect": %d, ' ..
    '"read": %d, "write": %d, "timeout": %d}}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.status,
    e.connect, e.read, e.write, e.timeout))
end
"""


def _random_ids_lua(ids: list[str], path_template: str) -> str:
    """A request() that picks a random id per request; `path_template` has `{id}`."""
    quoted = ",".join(f'"{i}"' for i in ids)
    before, after = path_template.split("{id}")
    return (
        f"local ids = {{{quoted}}}\n"
        "math.randomseed(os.time())\n"
        "request = function()\n"
        "  local id = ids[math.random(#ids)]\n"
        f'  return wrk.format("GET", "{before}" .. id .. "{after}")\n'
        "end\n"
    )


def run_wrk(
    base_url: str,
    path: str,
    token: str,
    *,
    seconds: int = 30,
    connections: int = 16,
    threads: int = 2,
    ids: list[str] | None = None,
    timeout_s: int = 5,
    workdir: Path | None = None,
) -> dict:
    """Run wrk; `path` may hold `{id}`, filled per request from `ids`. Returns the figures."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("wrk is not installed (Debian: apt-get install -y wrk)")
    workdir = Path(workdir or tempfile.mkdtemp(prefix="mm-wrk-"))
    script = workdir / f"wrk-{abs(hash((path, tuple(ids or ())))):x}.lua"
    lua = _REPORT_LUA
    url = f"{base_url}{path}"
    if "{id}" in path:
        if not ids:
            raise ValueError("a path with {id} needs ids")
        lua = _random_ids_lua(ids, path) + lua
        url = base_url + "/"
    script.write_text(lua, encoding="utf-8")
    command = [
        wrk,
        "-t",
        str(threads),
        "-c",
        str(connections),
        "-d",
        f"{seconds}s",
        "--timeout",
        f"{timeout_s}s",
        "-H",
        f"Authorization: Bearer {token}",
        "-s",
        str(script),
        url,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    if result.returncode != 0:
        raise RuntimeError(f"wrk failed: {result.stderr}\n{result.stdout}")
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("WRK_JSON ")]
    if not lines:
        raise RuntimeError(f"no report from wrk:\n{result.stdout}")
    figures = json.loads(lines[-1].removeprefix("WRK_JSON "))
    figures["connections"], figures["threads"] = connections, threads
    figures["wrk_output"] = result.stdout
    return figures


def _organization_ids(base_url: str, token: str) -> list[str]:
    ids, page = [], 1
    while True:
        request = urllib.request.Request(
            f"{base_url}/api/v1/organizations?page_size=100&page={page}",
            headers={"Authorization": f"Bearer {token}"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            body = json.loads(response.read())
        ids.extend(o["id"] for o in body["items"])
        if page >= body["pages"]:
            return ids
        page += 1


def measure(n: int, workdir: Path, seconds: int, connections: int) -> dict:
    from benchmarks.latency import Server, prepare

    started = time.perf_counter()
    env, token = prepare(n, workdir)  # matchmaker import + a reader key (mmbench-shared cache)
    prepared_s = time.perf_counter() - started
    server = Server(env, workers=2)
    try:
        base = f"http://127.0.0.1:{server.port}"
        ids = _organization_ids(base, token)
        warm = random.Random(1).sample(ids, min(40, len(ids)))
        for org_id in warm:  # both workers answer a few matches before measuring
            request = urllib.request.Request(
                f"{base}/api/v1/organizations/{org_id}/matches?limit=10",
                headers={"Authorization": f"Bearer {token}"},
            )
            urllib.request.urlopen(request, timeout=60).read()
        out: dict = {"organizations": n, "ids": len(ids), "prepare_s": round(prepared_s, 1)}
        for name, path in (
            ("read", "/api/v1/organizations/{id}"),
            ("match", "/api/v1/organizations/{id}/matches?limit=10"),
        ):
            figures = run_wrk(
                base,
                path,
                token,
                seconds=seconds,
                connections=connections,
                ids=ids,
                workdir=workdir,
            )
            figures.pop("wrk_output")
            out[name] = figures
            print(json.dumps({"organizations": n, name: figures}), file=sys.stderr)
    finally:
        server.stop()
    return out


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[2000, 10000])
    parser.add_argument("--duration", type=int, default=30, help="seconds per endpoint")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workdir", type=Path, help="keep (and reuse) the imported databases")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for n in args.sizes:
            results.append(measure(n, work, args.duration, args.connections))
    report = {
        "tool": "wrk",
        "duration_s": args.duration,
        "connections": args.connections,
        "server_workers": 2,
        "results": results,
    }
    print(json.dumps(report, indent=1))
    return report


if __name__ == "__main__":
    main()
