"""Run the speed benchmarks and write benchmarks/RESULTS.md (machine, date, numbers) and the
raw JSON beside it (ingest-, latency-, load- and scale-results.json).

Run: make bench   (about 20-30 minutes on a 2-core machine; importing 10k organisations for
the first time dominates: keep them with BENCH_WORKDIR)
Environment: BENCH_SIZES (default "2000,10000"), BENCH_INGEST (default 2000), BENCH_SCALE
(default "10000,100000"), BENCH_WORKDIR (a folder that keeps the imported databases),
BENCH_REUSE=1 (reuse this machine's last result of a step, from benchmarks/.last/).
Run nothing else on the machine meanwhile: the numbers are times.
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
    """Run one benchmark; its stdout ends with one JSON document (kept in benchmarks/.last/)."""
    out = subprocess.run(
        [sys.executable, str(HERE / script), *args], capture_output=True, text=True, check=True
    )
    text = out.stdout.strip()
    result = json.loads(text[text.index("{") :] if text.startswith("{") else text.splitlines()[-1])
    keep = HERE / ".last"
    keep.mkdir(exist_ok=True)
    (keep / f"{Path(script).stem}.json").write_text(json.dumps(result, indent=1))
    return result


def step(script: str, *args: str) -> dict:
    """A benchmark's result: run now, or this machine's last one with BENCH_REUSE=1."""
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


def _ms(value: float) -> str:
    return f"{value:.1f} ms" if value >= 10 else f"{value:.2f} ms"


def render(ingest: dict, latency: dict, load: dict, scale: list[dict]) -> list[str]:
    lines = [
        "# Speed benchmarks: latest results",
        "",
        f"- date: {date.today().isoformat()}",
        f"- machine: {cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()},"
        " SQLite, local Redis 7, model all-MiniLM-L6-v2 on the CPU",
        "- rerun: `make bench`, with nothing else running (raw JSON in the *-results.json files"
        " beside this one)",
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
        f"A command's start (imports, model and dictionary load) is {ingest['process_start_s']} s"
        f" of each import; without it the cold import is {ingest['cold_minus_start_over_raw']}"
        " times the raw encode.",
        "",
        "## Match latency against a plain read (`benchmarks/latency.py`)",
        "",
        "Sequential requests on one keep-alive connection to `matchmaker serve` (2 workers):",
        "`GET /organizations/{id}` (read), a match list never asked before (cold: the full",
        "ranking), and the same list asked again (cached: the per-process result cache).",
        "",
        "| organisations | vectors | read p50 / p99 | cold match p50 / p99 | cold / read | "
        "cached match p50 / p99 | cached / read | index bytes per vector |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in latency["servers"]:
        lines.append(
            f"| {r['organizations']} | {r['index_vectors']} | {_ms(r['read_p50_ms'])} / "
            f"{_ms(r['read_p99_ms'])} | {_ms(r['match_p50_ms'])} / {_ms(r['match_p99_ms'])} | "
            f"{r['match_over_read_p50']} | {_ms(r['cached_match_p50_ms'])} / "
            f"{_ms(r['cached_match_p99_ms'])} | {r['cached_over_read_p50']} | "
            f"{r['index_bytes_per_vector']} |"
        )
    t = latency["topk"]
    lines += [
        "",
        f"Candidate search at {t['vectors']:,} vectors in-process: faiss IVF-SQ4 "
        f"{t['index_candidates_ms']} ms against numpy's exact float32 product + argpartition "
        f"{t['numpy_exact_ms']} ms; recall of the exact top 10 in the index's top 10: "
        f"{t['recall_at_10']} (a match asks for 100 a query vector); training {t['train_s']} s;"
        f" {t['bytes_per_vector']} bytes per vector.",
        "",
        "## Load (`benchmarks/load.py`, wrk, 16 connections, 30 s per endpoint)",
        "",
        "wrk runs on the same 2 cores as the server (2 gunicorn workers, 4 threads each); each",
        "request picks a random organisation of all of them, so most matches are cold.",
        "",
        "| organisations | endpoint | requests/s | p50 | p90 | p99 | non-2xx | socket errors |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in load["results"]:
        for name in ("read", "match"):
            f = r[name]
            errors = sum(f["socket_errors"].values())
            lines.append(
                f"| {r['organizations']} | {name} | {f['requests_per_s']} | "
                f"{_ms(f['latency_p50_ms'])} | {_ms(f['latency_p90_ms'])} | "
                f"{_ms(f['latency_p99_ms'])} | {f['non_2xx']} | {errors} |"
            )
    lines += [
        "",
        "## The engine at region scale (`benchmarks/scale.py`, in-process, synthetic records)",
        "",
        "A request's engine work: hard rules, the candidate pass, the ranking, explanations of",
        "the top 10; 50 askers each.",
        "",
        "| organisations (+ offers) | vectors | bytes per vector | partner match p50 / p90 | "
        "offers for an organisation p50 / p90 | organisations for an offer p50 / p90 | "
        "snapshot write | start from snapshot | build from records |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in scale:
        lines.append(
            f"| {r['organizations']:,} (+{r['offers']:,}) | {r['vectors']:,} | "
            f"{r['bytes_per_vector']} | {_ms(r['partners']['p50_ms'])} / "
            f"{_ms(r['partners']['p90_ms'])} | {_ms(r['offers_for_org']['p50_ms'])} / "
            f"{_ms(r['offers_for_org']['p90_ms'])} | {_ms(r['orgs_for_offer']['p50_ms'])} / "
            f"{_ms(r['orgs_for_offer']['p90_ms'])} | {r['snapshot_write_s']} s | "
            f"{r['start_from_snapshot_s']} s | {r['build_s']} s |"
        )
    return lines


def main() -> int:
    sizes = os.environ.get("BENCH_SIZES", "2000,10000").split(",")
    workdir = os.environ.get("BENCH_WORKDIR")
    keep = ["--workdir", str(Path(workdir).resolve())] if workdir else []
    ingest = step("ingest.py", os.environ.get("BENCH_INGEST", "2000"))
    latency = step("latency.py", *sizes, *keep)
    load = step("load.py", *sizes, *keep)
    scale = step("scale.py", *os.environ.get("BENCH_SCALE", "10000,100000").split(","))
    for name, result in (
        ("ingest", ingest),
        ("latency", latency),
        ("load", load),
        ("scale", scale),
    ):
        (HERE / f"{name}-results.json").write_text(json.dumps(result, indent=1) + "\n")
    lines = render(ingest, latency, load, scale["results"])
    lines += _kept_notes()
    lines.append("")
    (HERE / "RESULTS.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
