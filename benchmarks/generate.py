"""Deterministic synthetic organisations of the region's kind, for speed and load benchmarks.

Phrases come from the bundled demo data set, recombined and made unique per organisation (a
place or a detail appended), so that every profile has its own texts to encode, as in real
imports. `generate(n)` for n2 > n1 starts with the same n1 organisations.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "matchmaker" / "demo" / "data.json"
SUFFIXES = ["Tech", "Systems", "Labs", "Werk", "Solutions", "Engineering"]


def generate(n: int, seed: int = 7) -> dict[str, list]:
    from matchmaker.taxonomy import DISTRICTS

    demo = json.loads(DEMO.read_text(encoding="utf-8"))
    orgs = demo["organizations"]
    offers_pool = [t for o in orgs for t in o.get("offers", [])]
    needs_pool = [t for o in orgs for t in o.get("needs", [])]
    descriptions = [o["description"] for o in orgs if o.get("description")]
    places = [(d, m) for d, info in DISTRICTS.items() for m in info["municipalities"]]
    out = []
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        template = rng.choice(orgs)
        district, municipality = rng.choice(places)
        de = rng.random() < 0.6
        near = f"in {municipality}" if rng.random() < 0.5 else f"(Standort {municipality})"
        detail = f" – Team {i % 97 + 3}" if de else f" – team {i % 97 + 3}"
        record = {
            "external_id": f"bench-{i:06d}",
            "name": f"{template['name'].split()[0]} {rng.choice(SUFFIXES)} {i}",
            "kind": template["kind"],
            "description": rng.choice(descriptions) + f" Sitz: {municipality}.{detail}",
            "offers": [f"{t} {near}" for t in rng.sample(offers_pool, rng.randint(1, 4))],
            "needs": [f"{t} {near}" for t in rng.sample(needs_pool, rng.randint(1, 3))],
            "themes": template.get("themes", []),
            "stage": template.get("stage"),
            "location": {"district": district, "municipality": municipality},
            "languages": ["de"] if de else ["en"],
            "status": "published",
            "verified": rng.random() < 0.8,
        }
        out.append(record)
    offers = [{k: v for k, v in o.items() if k != "provider_external_id"} for o in demo["offers"]]
    return {"organizations": out, "offers": offers}


def texts_of(records: dict[str, list]) -> list[str]:
    """The texts an import embeds: profile, offers and needs of each organisation, offers."""
    texts = []
    for o in records["organizations"]:
        texts.append(f"{o['name']}. {o['description']}")
        texts.extend(o["offers"])
        texts.extend(o["needs"])
    for offer in records["offers"]:
        texts.append(f"{offer['title']}. {offer.get('description', '')}")
    return texts


if __name__ == "__main__":
    count = int(sys.argv[1])
    target = Path(sys.argv[2])
    target.write_text(json.dumps(generate(count), ensure_ascii=False), encoding="utf-8")
    print(f"wrote {count} organisations to {target}")
