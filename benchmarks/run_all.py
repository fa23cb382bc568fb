"""Run the speed benchmarks and write benchmarks/RESULTS.md (machine, date, numbers).

Run: make bench   (about 15-25 minutes on a 2-core machine; the 10k step dominates)
Environment: BENCH_SIZES (default "2000,10000"), BENCH_INGEST (default 2000).
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def run(script: str, *args: str) -> dict:
    """Run one benchmark; its stdout is one JSON document (kept in benchmarks/.last/)."""
    out = subprocess.run(
        [sys.executable, str(HERE / script), *args], capture_output=True, text=True, check=True
    )
    result = json.loads(out.stdout[out.stdout.index("{") :])
    keep = HERE / ".last"
    keep.mkdir(exist_ok=True)
    (keep / f"{Path(script).stem}.json").write_text(json.dumps(result, indent=1))
    return result


def cached(script: str, *args: str) -> dict:
    """Reuse a result of this run (BENCH_REUSE=1) when a later step failed."""
    saved = HERE / ".last" / f"{Path(script).stem}.json"
    if os.environ.get("BENCH_REUSE") == "1" and saved.exists():
        return json.loads(saved.read_text())
    return run(script, *args)


def _kept_notes() -> list[str]:
    """The hand-written "## Notes" section of the previous RESULTS.md, kept across reruns."""
    previous = HERE / "RESULTS.md"
    if not previous.exists():
        return []
    text = previous.read_text(encoding="utf-8")
    if "## Notes" not in text:
        return []
    section = text[text.index("## Notes") :].split("\n## Raw results")[0]
    return ["", *section.rstrip("\n").split("\n")]


def main() -> int:
    sizes = os.environ.get("BENCH_SIZES", "2000,10000").split(",")
    ingest = cached("ingest.py", os.environ.get("BENCH_INGEST", "2000"))
    latency = cached("latency.py", *sizes)
    load = cached("load.py", *sizes)
    lines = [
        "# Speed benchmarks: latest results",
        "",
        f"- date: {date.today().isoformat()}",
        f"- machine: {cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()},"
        " SQLite, local Redis 7, model all-MiniLM-L6-v2 on the CPU",
        "- rerun: `make bench` (raw JSON below each table)",
        "",
        "## Ingest (`benchmarks/ingest.py`)",
        "",
        "| organisations | texts | raw `model.encode` | `matchmaker import`, cold Redis | "
        "import / raw | same import, warm Redis | warm speed-up |",
        "|---|---|---|---|---|---|---|",
        f"| {ingest['organizations']} | {ingest['texts']} | {ingest['raw_encode_s']} s | "
        f"{ingest['import_cold_s']} s | {ingest['cold_over_raw']} | {ingest['import_warm_s']} s"
        f" | {ingest['warm_speedup']}x |",
        "",
        f"The import's process start (imports, model and dictionary load) is "
        f"{ingest['process_start_s']} s of it; without it the ratio is "
        f"{ingest['cold_minus_start_over_raw']}.",
        "",
        "## Match latency against a plain read (`benchmarks/latency.py`)",
        "",
        "Sequential requests on one keep-alive connection to `matchmaker serve` (2 workers).",
        "",
        "| organisations | vectors | read p50 | read p99 | match p50 | match p99 | "
        "match / read p50 | index bytes per vector |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in latency["servers"]:
        lines.append(
            f"| {r['organizations']} | {r['index_vectors']} | {r['read_p50_ms']} ms | "
            f"{r['read_p99_ms']} ms | {r['match_p50_ms']} ms | {r['match_p99_ms']} ms | "
            f"{r['match_over_read_p50']} | {r['index_bytes_per_vector']} |"
        )
    t = latency["topk"]
    lines += [
        "",
        f"Top-10 under a mask at {t['vectors']:,} vectors in-process: VectorIndex.search "
        f"{t['index_ms']} ms against numpy's own matrix-vector product + argpartition "
        f"{t['numpy_ms']} ms; {t['bytes_per_vector']} bytes per stored 384-d vector.",
    ]
    lines += [
        "",
        "## Load (`benchmarks/load.py`, wrk, 16 connections, 30 s per endpoint)",
        "",
        "wrk runs on the same 2 cores as the server (2 gunicorn workers).",
        "",
        "```json",
        json.dumps(load, indent=1),
        "```",
    ]
    lines += _kept_notes()
    lines += [
        "",
        "## Raw results",
        "",
        "```json",
        json.dumps({"ingest": ingest, "latency": latency}, indent=1),
        "```",
        "",
    ]
    (HERE / "RESULTS.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
