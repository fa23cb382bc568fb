#!/usr/bin/env python3
"""Reference baselines on the evaluation set, independent of the matcher.

* random   -- mean over 20 seeded shuffles of the candidates;
* lexical  -- TF-IDF cosine between one side's ``needs`` and the other side's
  ``offers`` (organisations) or ``title + description`` (offers), plain word
  tokens, no stemming, no translation.

Both respect what the API promises for offer matches (eligible, not expired),
because the matcher filters those out too. Metrics, per query, averaged over
queries with at least one relevant item:

* NDCG@10 with gain = grade (1 or 2), ideal DCG from the qrels;
* recall@10 = relevant items in the top 10 / min(10, number relevant).

A matcher worth shipping should beat the lexical line clearly, most of all on
the cross-language queries. Stdlib only; run after build_dataset.py.
"""

from __future__ import annotations

import json
import math
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True
from build_dataset import eligible  # noqa: E402  (same rule as the qrels)

TOKEN = re.compile(r"[a-zäöüß0-9]+", re.I)


def tokens(text: str) -> list[str]:
    return [t.lower() for t in TOKEN.findall(text) if len(t) > 2]


class Tfidf:
    def __init__(self, docs: list[list[str]]):
        df = Counter(t for d in docs for t in set(d))
        n = len(docs)
        self.idf = {t: math.log((n + 1) / (c + 1)) + 1 for t, c in df.items()}

    def vec(self, toks: list[str]) -> dict[str, float]:
        tf = Counter(toks)
        v = {t: c * self.idf.get(t, 1.0) for t, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}


def cos(a: dict, b: dict) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def ndcg_recall(ranked: list[str], rel: dict[str, int], k: int = 10):
    dcg = sum(rel.get(c, 0) / math.log2(i + 2) for i, c in enumerate(ranked[:k]))
    ideal = sorted(rel.values(), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    hits = sum(1 for c in ranked[:k] if rel.get(c, 0) > 0)
    return dcg / idcg, hits / min(k, len(rel))


def main() -> int:
    data = json.loads((HERE / "dataset.json").read_text(encoding="utf-8"))
    labels = json.loads((HERE / "labels.json").read_text(encoding="utf-8"))
    qrels = json.loads((HERE / "qrels.json").read_text(encoding="utf-8"))
    orgs, offers = data["organizations"], data["offers"]

    need_t = {o["external_id"]: tokens(" ".join(o["needs"])) for o in orgs}
    give_t = {o["external_id"]: tokens(" ".join(o["offers"])) for o in orgs}
    off_t = {f["external_id"]: tokens(f["title"] + " " + f["description"]) for f in offers}
    tf = Tfidf(list(need_t.values()) + list(give_t.values()) + list(off_t.values()))
    need_v = {k: tf.vec(v) for k, v in need_t.items()}
    give_v = {k: tf.vec(v) for k, v in give_t.items()}
    off_v = {k: tf.vec(v) for k, v in off_t.items()}
    lang = {k: v["lang"] for k, v in labels.items()}

    results = {}
    for task in ("partners", "offers"):
        rows = {"lexical": [], "random": []}
        cross_rows = {"lexical": [], "random": []}
        for a in orgs:
            q = a["external_id"]
            rel = qrels[task].get(q, {})
            if not rel:
                continue
            if task == "partners":
                cands = [o["external_id"] for o in orgs if o["external_id"] != q]
                score = {c: cos(need_v[q], give_v[c]) + cos(need_v[c], give_v[q]) for c in cands}
            else:
                cands = [f["external_id"] for f in offers if eligible(a, f)]
                score = {c: cos(need_v[q], off_v[c]) for c in cands}
            ranked = sorted(cands, key=lambda c: (-score[c], c))
            lex = ndcg_recall(ranked, rel)
            rnd = [0.0, 0.0]
            rng = random.Random(int(q[-3:]))
            for _ in range(20):
                shuffled = cands[:]
                rng.shuffle(shuffled)
                n, r = ndcg_recall(shuffled, rel)
                rnd[0] += n / 20
                rnd[1] += r / 20
            rows["lexical"].append(lex)
            rows["random"].append(tuple(rnd))
            # queries whose relevant items are mostly in the other language
            other = sum(1 for c in rel if lang[c] != lang[q])
            if other / len(rel) >= 0.5:
                cross_rows["lexical"].append(lex)
                cross_rows["random"].append(tuple(rnd))
        for name in ("random", "lexical"):
            for subset, rr in (("all", rows[name]), ("mostly-cross-lang", cross_rows[name])):
                if not rr:
                    continue
                nd = sum(x[0] for x in rr) / len(rr)
                rc = sum(x[1] for x in rr) / len(rr)
                results[(task, name, subset)] = (nd, rc, len(rr))
    print(f"{'task':9} {'baseline':8} {'queries':18} {'n':>3}  NDCG@10  recall@10")
    for (task, name, subset), (nd, rc, n) in results.items():
        print(f"{task:9} {name:8} {subset:18} {n:3d}  {nd:7.3f}  {rc:9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
