"""The engine in-process at region scale, on synthetic records: a partner match, an offer match
and an offer's organisations (ranked and explained, as a request does), the index's build and
snapshot start-up times, and bytes per stored vector.

Vectors are synthetic but shaped like the model's: each text is a noisy point around one of a
few hundred topics, so neighbourhoods exist (a uniform random cloud would make every
approximate index look perfect). Terms come from a Zipf-distributed vocabulary with the stems
that make needs funding, space or talent needs. Nothing touches a database or Redis.

Run: .venv/bin/python benchmarks/scale.py 10000 100000 [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from matchmaker.engine import persist  # noqa: E402
from matchmaker.engine.explain import explain_results  # noqa: E402
from matchmaker.engine.filters import (  # noqa: E402
    Filters,
    candidate_mask,
    eligible_offers_for,
    eligible_orgs_for,
)
from matchmaker.engine.index import MatchIndex  # noqa: E402
from matchmaker.engine.queries import query_for_slot  # noqa: E402
from matchmaker.engine.ranking import rank  # noqa: E402
from matchmaker.engine.snapshot import OFFER, ORG, EntityRecord  # noqa: E402
from matchmaker.engine.weights import DEFAULT_WEIGHTS  # noqa: E402
from matchmaker.taxonomy import DISTRICTS, STAGES, THEMES  # noqa: E402

DIM = 384
TOPICS = 300
KINDS = (
    ["startup"] * 5
    + ["scaleup"] * 2
    + ["established"] * 6
    + [
        "research",
        "investor",
        "intermediary",
        "public",
    ]
)
OFFER_KINDS = ["funding", "cooperation", "space", "program", "talent"]
SPECIAL = ["fund", "seed", "invest", "space", "offic", "talent", "engin", "test", "lab"]


class Synth:
    """Deterministic synthetic texts: (vectors, terms) per text."""

    def __init__(self, seed: int = 5, topics: int = TOPICS) -> None:
        self.rng = np.random.default_rng(seed)
        self.topics = topics
        centres = self.rng.standard_normal((topics, DIM)).astype(np.float32)
        self.centres = centres / np.linalg.norm(centres, axis=1, keepdims=True)
        self.vocab = [f"w{i}" for i in range(6000)] + SPECIAL
        ranks = np.arange(1, len(self.vocab) + 1)
        p = (1.0 / ranks) / (1.0 / ranks).sum()
        self.pool = self.rng.choice(len(self.vocab), size=1 << 20, p=p)
        self.at = 0

    def text(self, topic: int, variants: int) -> tuple[list[np.ndarray], list[str]]:
        vectors = []
        for _ in range(variants):
            v = self.centres[topic] + 0.9 * self.rng.standard_normal(DIM).astype(np.float32) / 19.6
            vectors.append((v / np.linalg.norm(v)).astype(np.float32))
        picks = self.pool[self.at % len(self.pool) : self.at % len(self.pool) + 6]
        self.at += 7
        terms = sorted({self.vocab[i] for i in picks})
        return vectors, terms

    def field(self, count: int, topic: int) -> tuple[tuple, list[list[str]]]:
        rows, terms = [], []
        for position in range(count):
            t = topic if self.rng.random() < 0.5 else int(self.rng.integers(self.topics))
            variants = 2 if self.rng.random() < 0.4 else 1  # German texts get an English twin
            vectors, words = self.text(t, variants)
            rows += [(position, variant, v) for variant, v in enumerate(vectors)]
            terms.append(words)
        return tuple(rows), terms


def records(n: int, seed: int = 5, topics: int = TOPICS) -> list[EntityRecord]:
    """n organisations and n/10 offers (of random providers), on `topics` topics."""
    synth = Synth(seed, topics)
    rng = synth.rng
    districts, stages, themes = list(DISTRICTS), list(STAGES), list(THEMES)
    out = []
    now = time.time()
    for i in range(n):
        topic = int(rng.integers(topics))
        kind = KINDS[int(rng.integers(len(KINDS)))]
        profile, profile_terms = synth.field(1, topic)
        offers, offer_terms = synth.field(int(rng.integers(0, 4)), topic)
        needs, need_terms = synth.field(int(rng.integers(0, 4)), topic)
        out.append(
            EntityRecord(
                etype=ORG,
                id=f"org-{i:06d}",
                published=True,
                title=f"Organisation {i}",
                kind=kind,
                themes=tuple(rng.choice(themes, size=2, replace=False).tolist()),
                district=districts[int(rng.integers(len(districts)))],
                lat=48.78 + rng.normal(0, 0.15),
                lon=9.18 + rng.normal(0, 0.2),
                updated=now - float(rng.integers(0, 400)) * 86400,
                stage=stages[int(rng.integers(len(stages)))] if kind == "startup" else None,
                verified=bool(rng.random() < 0.3),
                offers=tuple(" ".join(t) for t in offer_terms),
                needs=tuple(" ".join(t) for t in need_terms),
                terms={"profile": profile_terms, "offer": offer_terms, "need": need_terms},
                vectors={"profile": profile, "offer": offers, "need": needs},
            )
        )
    for j in range(n // 10):
        topic = int(rng.integers(topics))
        profile, profile_terms = synth.field(1, topic)
        out.append(
            EntityRecord(
                etype=OFFER,
                id=f"offer-{j:06d}",
                published=True,
                title=f"Offer {j}",
                kind=OFFER_KINDS[int(rng.integers(len(OFFER_KINDS)))],
                provider_id=f"org-{int(rng.integers(n)):06d}",
                updated=now,
                terms={"profile": profile_terms},
                vectors={"profile": profile},
            )
        )
    return out


def timed(fn, runs: int) -> dict[str, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 2),
        "p90_ms": round(times[int(0.9 * (len(times) - 1))], 2),
    }


def match(index: MatchIndex, slot: int, mode: str, weights=DEFAULT_WEIGHTS) -> list[dict]:
    """What a request does in the engine: hard rules, rank, explain the top 10."""
    query = query_for_slot(index, slot)
    if mode == "offer_orgs":
        target = ORG
        mask = candidate_mask(index, target=ORG, filters=Filters(), exclude=set(), today=0)
        mask &= eligible_orgs_for(index, query.facets)
    else:
        target = ORG if mode == "partners" else OFFER
        today = 740000
        mask = candidate_mask(index, target=target, filters=Filters(), exclude={slot}, today=today)
        if target == OFFER:
            mask &= eligible_offers_for(index, query.facets, today)
    scored = rank(
        index,
        query,
        target=target,
        mask=mask,
        limit=10,
        mode=mode,
        now=time.time(),
        weights=weights,
    )
    return explain_results(
        index, query, scored, mode=mode, lang="en", weights=weights, translate=None
    )


def run(n: int, runs: int) -> dict:
    started = time.perf_counter()
    recs = records(n)
    made = time.perf_counter() - started
    started = time.perf_counter()
    index = MatchIndex()
    for record in recs:
        index.put(record)
    index.compact()
    built = time.perf_counter() - started
    stats = index.stats()
    orgs = [s for s in range(index.n_slots) if index.etype[s] == ORG]
    offers = [s for s in range(index.n_slots) if index.etype[s] == OFFER]
    rng = np.random.default_rng(1)
    askers = iter(rng.choice(orgs, size=10 * runs).tolist())
    offer_askers = iter(rng.choice(offers, size=10 * runs).tolist())
    match(index, next(askers), "partners")  # first use builds lazy caches (hubness, groups)
    result: dict = {
        "organizations": n,
        "offers": n // 10,
        "vectors": stats["vectors"],
        "bytes_per_vector": round(stats["bytes"] / max(stats["vectors"], 1)),
        "synthesis_s": round(made, 1),
        "build_s": round(built, 1),
        "partners": timed(lambda: match(index, next(askers), "partners"), runs),
        "offers_for_org": timed(lambda: match(index, next(askers), "offers"), runs),
        "orgs_for_offer": timed(lambda: match(index, next(offer_askers), "offer_orgs"), runs),
    }
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "index.snapshot"
        started = time.perf_counter()
        persist.save(index, path)
        result["snapshot_write_s"] = round(time.perf_counter() - started, 2)
        result["snapshot_bytes_per_vector"] = round(path.stat().st_size / max(stats["vectors"], 1))
        started = time.perf_counter()
        loaded = persist.load(path)
        match(loaded, orgs[0], "partners")
        result["start_from_snapshot_s"] = round(time.perf_counter() - started, 2)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results = []
    for n in args.sizes:
        print(f"{n} organisations ...", file=sys.stderr)
        results.append(run(n, args.runs))
        print(json.dumps(results[-1]), file=sys.stderr)
    report = {
        "machine": f"{platform.processor() or platform.machine()}, {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d"),
        "results": results,
    }
    text = json.dumps(report, indent=1)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
