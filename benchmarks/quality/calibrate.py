"""Fit the relevance curves (raw ranking score -> share relevant) on the labelled set.

For each list type, every (raw score, relevant?) pair of the unthresholded top-50 lists is
fitted with isotonic regression (scikit-learn, already a dependency of sentence-transformers);
the curve is stored as breakpoints in matchmaker/engine/data/calibration.json with its default
threshold: the one whose default top-10 lists have the best F0.5 of precision and recall kept,
cross-validated over queries (precision counts twice: what is shown should be right first).
The reliability (expected calibration error, out of fold) and a reliability diagram
(calibration.svg) are written beside it.

Run: .venv/bin/python benchmarks/quality/calibrate.py   (about a minute)
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from pathlib import Path

import numpy as np
from sklearn.isotonic import IsotonicRegression

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from lists import MODES, LabelledSet, build_app, load, run_lists  # noqa: E402

from matchmaker.engine.calibration import EVIDENCE_REQUIRED, UNPROVEN_CAP  # noqa: E402

FOLDS = 5
CAP = 0.97
OUT = HERE.parents[1] / "matchmaker" / "engine" / "data" / "calibration.json"


def pairs(runs: dict[str, list], grades: dict[str, dict[str, int]], depth: int):
    """(query, rank, raw, relevant, cites evidence) of every listed candidate."""
    for query, ranked in runs.items():
        relevant = grades.get(query, {})
        for rank, (candidate, raw, evidence) in enumerate(ranked[:depth]):
            yield query, rank, raw, relevant.get(candidate, 0) > 0, evidence


def fit(raw: np.ndarray, relevant: np.ndarray) -> IsotonicRegression:
    # Capped below 1: a few dozen labelled pairs at the top cannot show certainty.
    model = IsotonicRegression(y_min=0.0, y_max=CAP, increasing=True, out_of_bounds="clip")
    return model.fit(raw, relevant.astype(float))


def breakpoints(model: IsotonicRegression) -> tuple[list[float], list[float]]:
    x, y = model.X_thresholds_, model.y_thresholds_
    keep = np.r_[True, np.diff(y) != 0] | np.r_[np.diff(y) != 0, True]
    return [round(float(v), 5) for v in x[keep]], [round(float(v), 5) for v in y[keep]]


def ece(prob: np.ndarray, relevant: np.ndarray, bins: int = 10) -> float:
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for low, high in zip(edges[:-1], edges[1:], strict=True):
        inside = (prob >= low) & ((prob < high) | (high == 1.0))
        if inside.any():
            total += inside.sum() * abs(prob[inside].mean() - relevant[inside].mean())
    return total / max(len(prob), 1)


def cross_validate(rows: list[tuple], mode: str) -> dict:
    """Out-of-fold relevance of every pair, folds by query."""
    queries = sorted({q for q, *_ in rows})
    fold_of = {q: i % FOLDS for i, q in enumerate(queries)}
    prob = np.zeros(len(rows))
    raw = np.array([r[2] for r in rows])
    relevant = np.array([r[3] for r in rows])
    folds = np.array([fold_of[r[0]] for r in rows])
    for k in range(FOLDS):
        train, test = folds != k, folds == k
        if train.any() and test.any():
            prob[test] = fit(raw[train], relevant[train]).predict(raw[test])
    # What the service shows: without a citable pair, at most "possible".
    evidence = np.array([r[4] for r in rows])
    if mode in EVIDENCE_REQUIRED:
        prob = np.where(evidence, prob, np.minimum(prob, UNPROVEN_CAP))
    return {"prob": prob, "relevant": relevant, "rank": np.array([r[1] for r in rows])}


def choose_threshold(cv: dict, mode: str) -> float:
    """The threshold of the best F0.5 (precision counted twice as much as recall kept) of a
    default top-10 list, out of fold: what a list shows should be right first, complete
    second."""
    top = cv["rank"] < 10
    relevant_top = (top & cv["relevant"]).sum()
    best, best_f = 0.5, -1.0
    # Above the cap of candidates without a citable pair: those are never shown by default.
    start = UNPROVEN_CAP + 0.01 if mode in EVIDENCE_REQUIRED else 0.30
    for threshold in np.arange(start, 0.91, 0.01):
        shown = top & (cv["prob"] >= threshold)
        if shown.sum() < 5 or not relevant_top:
            continue
        precision = cv["relevant"][shown].mean()
        kept = (shown & cv["relevant"]).sum() / relevant_top
        f = 1.25 * precision * kept / (0.25 * precision + kept) if precision + kept else 0.0
        if f > best_f + 1e-9:
            best, best_f = round(float(threshold), 2), f
    return best


def reliability_svg(curves: dict[str, dict], path: Path) -> None:
    """Predicted relevance (x) against the observed share relevant (y), per list type."""
    size, pad = 360, 40
    colours = {
        "partners": "#0b6e99",
        "offers": "#c2410c",
        "offer_orgs": "#15803d",
        "search": "#7c3aed",
        "seekers": "#be185d",
    }
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size + 2 * pad + 130}" '
        f'height="{size + 2 * pad}" font-family="sans-serif" font-size="12">',
        '<rect width="100%" height="100%" fill="white"/>',
        f'<text x="{pad}" y="20" font-size="14" font-weight="bold">Reliability of the '
        f"relevance score (out of fold, {date.today().isoformat()})</text>",
        f'<line x1="{pad}" y1="{pad + size}" x2="{pad + size}" y2="{pad}" stroke="#999" '
        f'stroke-dasharray="4"/>',
        f'<rect x="{pad}" y="{pad}" width="{size}" height="{size}" fill="none" stroke="#333"/>',
        f'<text x="{pad + size / 2 - 60}" y="{pad + size + 30}">predicted relevance</text>',
        f'<text x="8" y="{pad + size / 2}" transform="rotate(-90 12 {pad + size / 2})">'
        f"observed share relevant</text>",
    ]
    for i, (mode, info) in enumerate(curves.items()):
        colour = colours.get(mode, "#333")
        points = " ".join(
            f"{pad + p * size:.1f},{pad + size - o * size:.1f}" for p, o, n in info["bins"] if n
        )
        out.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for p, o, n in info["bins"]:
            if n:
                out.append(
                    f'<circle cx="{pad + p * size:.1f}" cy="{pad + size - o * size:.1f}" '
                    f'r="{min(2 + n**0.5 / 3, 7):.1f}" fill="{colour}"/>'
                )
        out.append(
            f'<text x="{pad + size + 12}" y="{pad + 20 + i * 18}" fill="{colour}">'
            f"{mode} (ECE {info['ece']:.3f})</text>"
        )
    out.append("</svg>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def bins_of(prob: np.ndarray, relevant: np.ndarray, bins: int = 10) -> list:
    edges = np.linspace(0, 1, bins + 1)
    out = []
    for low, high in zip(edges[:-1], edges[1:], strict=True):
        inside = (prob >= low) & ((prob < high) | (high == 1.0))
        n = int(inside.sum())
        out.append(
            (float(prob[inside].mean()) if n else 0, float(relevant[inside].mean()) if n else 0, n)
        )
    return out


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    labelled = LabelledSet.load(folder)
    with tempfile.TemporaryDirectory() as tmp:
        app = build_app(Path(tmp))
        ids = load(app, labelled)
        # Fit on the identity curves, i.e. on raw scores: the calibration must not feed back.
        lists = run_lists(app, ids, labelled)
    curves, report = {}, {}
    for mode in MODES:
        rows = list(pairs(lists.runs[mode], labelled.grades(mode), depth=50))
        if not rows:
            continue
        raw = np.array([r[2] for r in rows])
        relevant = np.array([r[3] for r in rows])
        x, y = breakpoints(fit(raw, relevant))
        cv = cross_validate(rows, mode)
        threshold = choose_threshold(cv, mode)
        error = ece(cv["prob"], cv["relevant"])
        curves[mode] = {"x": x, "y": y, "threshold": threshold}
        report[mode] = {
            "pairs": len(rows),
            "ece": round(error, 4),
            "bins": bins_of(cv["prob"], cv["relevant"]),
        }
        print(
            f"{mode:11s} pairs {len(rows):5d}  threshold {threshold:.2f}  ECE {error:.3f}",
            file=sys.stderr,
        )
    OUT.write_text(
        json.dumps(
            {
                "about": (
                    "Relevance curves per list type: raw ranking score x -> share of candidates "
                    "relevant y (isotonic regression on the labelled bilingual set, "
                    "benchmarks/quality). threshold: the default lowest relevance shown, the "
                    "best F0.5 (precision weighted twice as recall kept) of a default top-10 list, "
                    "cross-validated over queries. Regenerate: benchmarks/quality/calibrate.py."
                ),
                "fitted": date.today().isoformat(),
                "set": f"{len(labelled.data['organizations'])} organisations, "
                f"{len(labelled.data['offers'])} offers",
                "reliability": {
                    m: {"pairs": r["pairs"], "ece_out_of_fold": r["ece"]} for m, r in report.items()
                },
                "curves": curves,
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    reliability_svg(report, HERE / "calibration.svg")
    print(f"wrote {OUT} and {HERE / 'calibration.svg'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())


def tradeoff(cv: dict) -> list[tuple[float, float, float, float]]:
    """(threshold, precision shown, recall kept, items shown per list) over thresholds."""
    top = cv["rank"] < 10
    relevant_top = (top & cv["relevant"]).sum()
    lists = max(len(set(cv.get("query", []))), 1)
    out = []
    for threshold in np.arange(0.2, 0.95, 0.05):
        shown = top & (cv["prob"] >= threshold)
        precision = cv["relevant"][shown].mean() if shown.any() else float("nan")
        kept = (shown & cv["relevant"]).sum() / relevant_top if relevant_top else float("nan")
        out.append(
            (round(float(threshold), 2), float(precision), float(kept), float(shown.sum()) / lists)
        )
    return out
