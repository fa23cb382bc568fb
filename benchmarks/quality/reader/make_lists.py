"""Write the default answers a person would see for 25 queries on the demo data (partners,
offers, organisations for an offer, search), for a reader who grades them without the code.

Run: .venv/bin/python benchmarks/quality/reader/make_lists.py > lists.md
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("MATCHMAKER_LOG_LEVEL", "WARNING")

# (list, query external_id or search text, language): chosen by actor kind, not by result.
QUERIES = [
    ("partners", "demo-org-001", "de"),
    ("partners", "demo-org-010", "en"),
    ("partners", "demo-org-101", "de"),
    ("partners", "demo-org-061", "de"),
    ("partners", "demo-org-081", "en"),
    ("partners", "demo-org-095", "de"),
    ("partners", "demo-org-118", "de"),
    ("partners", "demo-org-125", "en"),
    ("partners", "demo-org-131", "de"),
    ("partners", "demo-org-141", "de"),
    ("offers", "demo-org-002", "en"),
    ("offers", "demo-org-015", "de"),
    ("offers", "demo-org-040", "en"),
    ("offers", "demo-org-070", "de"),
    ("offers", "demo-org-100", "en"),
    ("offers", "demo-org-145", "de"),
    ("offer_orgs", "demo-off-001", "de"),
    ("offer_orgs", "demo-off-010", "en"),
    ("offer_orgs", "demo-off-020", "de"),
    ("offer_orgs", "demo-off-030", "en"),
    ("search", "Testgelände für Drohnen", "de"),
    ("search", "seed funding for a battery start-up", "en"),
    ("search", "Laborfläche mit Reinraum in Stuttgart", "de"),
    ("search", "working students for data science", "en"),
    ("search", "Gewerbefläche für eine Produktionshalle", "de"),
]


def main() -> int:
    from matchmaker.app import create_app
    from matchmaker.cli import DEMO_FILE
    from matchmaker.migrations import upgrade_database

    demo = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    by_ext = {r["external_id"]: r for r in demo["organizations"] + demo["offers"]}
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/reader.db",
                "MATCHMAKER_REDIS_PREFIX": f"mmreader{uuid.uuid4().hex[:6]}",
                "RATELIMIT_ENABLED": False,
            }
        )
        upgrade_database(app)
        from matchmaker.access.service import create_key

        with app.app_context():
            _, token = create_key(role="curator")
        client = app.test_client()
        headers = {"Authorization": f"Bearer {token}"}
        r = client.post("/api/v1/import", json=demo, headers=headers)
        assert r.status_code == 200, r.get_json()
        ids = {}
        for path in ("organizations", "offers"):
            for page in range(1, 10):
                body = client.get(
                    f"/api/v1/{path}?page_size=100&page={page}", headers=headers
                ).get_json()
                ids.update({i["external_id"]: i["id"] for i in body["items"]})
        out = ["# Default answers on the demo data", ""]
        for n, (kind, query, lang) in enumerate(QUERIES, 1):
            h = {**headers, "Accept-Language": lang}
            if kind == "search":
                body = client.post("/api/v1/search", json={"text": query}, headers=h).get_json()
                out.append(f"## {n}. search ({lang}): “{query}”")
            else:
                record = by_ext[query]
                url = (
                    f"/api/v1/offers/{ids[query]}/matches"
                    if kind == "offer_orgs"
                    else f"/api/v1/organizations/{ids[query]}/matches"
                    + ("?target=offers" if kind == "offers" else "")
                )
                body = client.get(url, headers=h).get_json()
                title = record.get("name") or record.get("title")
                out.append(f"## {n}. {kind} ({lang}) for {title} ({record['kind']})")
                for field in ("description", "offers", "needs", "eligibility", "stage"):
                    if record.get(field):
                        out.append(f"- {field}: {record[field]}")
            out.append(f"- shown {len(body['items'])}, held back {body['held_back']}")
            if body.get("message"):
                out.append(f"- message: {body['message']}")
            for i, item in enumerate(body["items"], 1):
                who = item.get("name") or item.get("title")
                rec = next(
                    (r for r in by_ext.values() if (r.get("name") or r.get("title")) == who), {}
                )
                about = "; ".join(
                    f"{k}: {rec[k]}" for k in ("kind", "offers", "needs") if rec.get(k)
                )
                out.append(
                    f"  {i}. **{who}** — {item['score']:.2f} {item['band']} — "
                    f"{item['explanation']}  \n     _({about})_"
                )
            out.append("")
        print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
