"""Record the OpenAPI document's examples from a real session: the bundled demo region is
imported into a fresh SQLite file, and each operation is called once through the app, as the
portal or a curator would; the bodies sent and answered become the examples
(matchmaker/core/data/examples.json, read by matchmaker/core/openapi.py).

Long lists are cut to their first two entries, so that an example stays readable; nothing else
is changed, so every example is an answer the service really gave (Spectral checks each one
against its schema in `make contract`).

Run: make examples   (needs Redis and the model; about a minute with a warm cache)
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "matchmaker" / "core" / "data" / "examples.json"
KEEP = 2  # entries kept of a long list


def shorten(value: Any) -> Any:
    if isinstance(value, list):
        return [shorten(v) for v in value[:KEEP]]
    if isinstance(value, dict):
        return {k: shorten(v) for k, v in value.items()}
    return value


class Recorder:
    def __init__(self, client, headers: dict[str, str]) -> None:
        self.client = client
        self.headers = headers
        self.examples: dict[str, dict[str, Any]] = {}

    def call(
        self,
        method: str,
        template: str,
        url: str,
        *,
        body: Any = None,
        headers: dict | None = None,
        status: int | None = None,
    ) -> Any:
        response = self.client.open(
            url, method=method, json=body, headers={**self.headers, **(headers or {})}
        )
        expected = status or {"POST": 201}.get(method, 200)
        if response.status_code != expected:
            raise SystemExit(f"{method} {url}: {response.status_code} {response.get_data()!r}")
        answer = response.get_json(silent=True)
        example: dict[str, Any] = {"status": response.status_code}
        if body is not None:
            example["request"] = body
        if answer is not None:
            example["response"] = shorten(answer)
        self.examples[f"{method} {template}"] = example
        return answer


def record() -> dict[str, dict[str, Any]]:
    workdir = Path(tempfile.mkdtemp(prefix="mm-examples-"))
    os.environ.update(
        {
            "MATCHMAKER_DATABASE_URL": f"sqlite:///{workdir / 'examples.sqlite3'}",
            "MATCHMAKER_REDIS_PREFIX": "mmexamples",
            "MATCHMAKER_RATE_LIMIT_ENABLED": "false",
            "MATCHMAKER_LOG_LEVEL": "WARNING",
            "MATCHMAKER_JOB_RUNNER": "inline",
            "HF_HUB_OFFLINE": "1",
        }
    )
    sys.path.insert(0, str(ROOT))
    from matchmaker.access.principal import SYSTEM
    from matchmaker.access.service import create_key
    from matchmaker.app import create_app
    from matchmaker.imports.jobs import import_file
    from matchmaker.migrations import upgrade_database

    app = create_app()
    upgrade_database(app)
    demo = ROOT / "matchmaker" / "demo" / "data.json"
    with app.app_context():
        import_file(demo.read_bytes(), "json", principal=SYSTEM)
        _, token = create_key(role="admin", label="examples")
    client = app.test_client()
    r = Recorder(client, {"Authorization": f"Bearer {token}"})
    api = "/api/v1"

    r.call("GET", "/livez", "/livez")
    r.call("GET", "/readyz", "/readyz")
    r.call("GET", f"{api}/taxonomy", f"{api}/taxonomy", headers={"Accept-Language": "de"})
    orgs = r.call(
        "GET",
        f"{api}/organizations",
        f"{api}/organizations?kind=startup&theme=green_tech&district=esslingen&page_size=2",
    )
    startup = orgs["items"][0]["id"]
    new_org = {
        "external_id": "crm-4711",
        "name": "Kelvin Wärmespeicher GmbH",
        "kind": "startup",
        "stage": "pre_seed",
        "description": "Wir bauen Hochtemperatur-Wärmespeicher aus Recyclingmaterial für die "
        "Prozesswärme mittelständischer Betriebe.",
        "offers": ["Pilotanlage für Wärmespeicherung", "Machbarkeitsstudien zur Prozesswärme"],
        "needs": ["Pilotkunde aus der Metallverarbeitung", "Pre-Seed-Finanzierung"],
        "themes": ["green_tech", "mechanical_engineering_production"],
        "location": {"district": "ludwigsburg", "municipality": "Ludwigsburg"},
        "languages": ["de", "en"],
        "contact": {
            "name": "Jana Beispiel",
            "email": "jana@kelvin.example",
            "legal_basis": "consent",
            "consent_at": "2026-11-02T09:30:00Z",
        },
        "status": "published",
    }
    created = r.call("POST", f"{api}/organizations", f"{api}/organizations", body=new_org)
    org_id = created["id"]
    path = f"{api}/organizations/{{organization_id}}"
    read = client.get(f"{api}/organizations/{org_id}", headers=r.headers)
    r.call("GET", path, f"{api}/organizations/{org_id}")
    etag = read.headers["ETag"]
    patched = r.call(
        "PATCH",
        path,
        f"{api}/organizations/{org_id}",
        body={"needs": [*new_org["needs"], "Werkstattfläche im Kreis Ludwigsburg"]},
        headers={"If-Match": etag},
    )
    etag = client.get(f"{api}/organizations/{org_id}", headers=r.headers).headers["ETag"]
    replaced = {**new_org, "needs": patched["needs"], "website": "https://kelvin.example"}
    r.call("PUT", path, f"{api}/organizations/{org_id}", body=replaced, headers={"If-Match": etag})
    r.call(
        "GET",
        f"{path}/matches",
        f"{api}/organizations/{startup}/matches?target=organizations&limit=3",
    )
    r.call(
        "POST",
        f"{api}/search",
        f"{api}/search",
        body={
            "text": "Prüfstand für Batteriezellen",
            "target": "organizations",
            "filters": {"districts": ["esslingen", "stuttgart"]},
            "limit": 3,
        },
        status=200,
    )
    offers = r.call("GET", f"{api}/offers", f"{api}/offers?kind=funding&page_size=2")
    offer_path = f"{api}/offers/{{offer_id}}"
    new_offer = {
        "title": "Werkstattplätze im Gründerzentrum Ludwigsburg",
        "kind": "space",
        "description": "Werkstatt- und Laborflächen ab 20 m² für Hardware-Start-ups, "
        "monatlich kündbar.",
        "provider_id": org_id,
        "themes": ["green_tech"],
        "eligibility": {"kinds": ["startup"], "stages": [], "districts": ["ludwigsburg"]},
        "location": {"district": "ludwigsburg", "municipality": "Ludwigsburg"},
        "url": "https://kelvin.example/werkstatt",
        "status": "published",
    }
    offer = r.call("POST", f"{api}/offers", f"{api}/offers", body=new_offer)
    r.call("GET", offer_path, f"{api}/offers/{offer['id']}")
    etag = client.get(f"{api}/offers/{offer['id']}", headers=r.headers).headers["ETag"]
    r.call(
        "PATCH",
        offer_path,
        f"{api}/offers/{offer['id']}",
        body={"deadline": "2027-06-30"},
        headers={"If-Match": etag},
    )
    etag = client.get(f"{api}/offers/{offer['id']}", headers=r.headers).headers["ETag"]
    r.call(
        "PUT",
        offer_path,
        f"{api}/offers/{offer['id']}",
        body={**new_offer, "deadline": "2027-06-30"},
        headers={"If-Match": etag},
    )
    r.call(
        "GET", f"{offer_path}/matches", f"{api}/offers/{offers['items'][0]['id']}/matches?limit=3"
    )
    matches = client.get(f"{api}/organizations/{startup}/matches", headers=r.headers).get_json()
    candidate = matches["items"][0]["id"]
    r.call(
        "POST",
        f"{path}/feedback",
        f"{api}/organizations/{startup}/feedback",
        body={"candidate_id": candidate, "verdict": "relevant"},
    )
    r.call("GET", f"{path}/feedback", f"{api}/organizations/{startup}/feedback")
    intro = r.call(
        "POST",
        f"{api}/introductions",
        f"{api}/introductions",
        body={
            "from_organization_id": startup,
            "to_organization_id": candidate,
            "message": "Wir suchen einen Pilotkunden für unseren Bandende-Test und würden "
            "uns gern vorstellen.",
        },
    )
    r.call("GET", f"{api}/introductions", f"{api}/introductions")
    intro_path = f"{api}/introductions/{{introduction_id}}"
    r.call("GET", intro_path, f"{api}/introductions/{intro['id']}")
    r.call("PATCH", intro_path, f"{api}/introductions/{intro['id']}", body={"status": "accepted"})
    key = r.call(
        "POST",
        f"{api}/keys",
        f"{api}/keys",
        body={"role": "reader", "label": "portal (production)"},
    )
    r.call("DELETE", f"{api}/keys/{{key_id}}", f"{api}/keys/{key['id']}", status=204)
    small = {
        "organizations": [
            {
                "external_id": "crm-0815",
                "name": "Neckarlicht Photonik GmbH",
                "kind": "scaleup",
                "stage": "series_a",
                "description": "Laserbasierte Inline-Messtechnik für die Halbleiterfertigung.",
                "offers": ["Inline-Schichtdickenmessung"],
                "needs": ["Vertriebspartner in Asien"],
                "themes": ["quantum", "it_hardware"],
                "location": {"district": "boeblingen"},
                "status": "published",
            }
        ],
        "offers": [
            {
                "external_id": "crm-offer-77",
                "title": "Messeförderung für Scale-ups",
                "kind": "program",
                "description": "Gemeinschaftsstand auf internationalen Fachmessen.",
                "provider_external_id": "crm-0815",
                "status": "published",
            }
        ],
    }
    report = r.call("POST", f"{api}/import", f"{api}/import", body=small, status=200)
    small["organizations"][0]["needs"].append("Reinraumfläche zur Miete")
    job = r.call("POST", f"{api}/import", f"{api}/import?run=job", body=small, status=202)
    import time

    for _ in range(600):
        state = client.get(f"{api}/jobs/{job['id']}", headers=r.headers).get_json()
        if state["status"] in ("succeeded", "failed"):
            break
        time.sleep(0.1)
    r.examples["POST /api/v1/import"].update(
        status=200, response=shorten(report), **{"202": shorten(job)}
    )
    r.call("GET", f"{api}/jobs/{{job_id}}", f"{api}/jobs/{job['id']}")
    r.call("GET", f"{api}/export", f"{api}/export?format=json")
    r.call("GET", f"{api}/audit", f"{api}/audit?entity_id={org_id}")
    r.call("GET", f"{api}/curation/stale", f"{api}/curation/stale?page_size=2")
    r.call("GET", f"{api}/curation/duplicates", f"{api}/curation/duplicates")
    twin = {**new_org, "external_id": "crm-4712", "name": "Kelvin Wärmespeicher"}
    twin_id = client.post(f"{api}/organizations", json=twin, headers=r.headers).get_json()["id"]
    r.call("GET", f"{path}/duplicates", f"{api}/organizations/{org_id}/duplicates")
    r.call(
        "POST",
        f"{path}/merge",
        f"{api}/organizations/{org_id}/merge",
        body={"duplicate_id": twin_id},
        status=200,
    )
    r.call("GET", f"{path}/export", f"{api}/organizations/{org_id}/export")
    r.call("GET", f"{api}/analytics/coverage", f"{api}/analytics/coverage")
    r.call("GET", f"{api}/analytics/gaps", f"{api}/analytics/gaps?format=json")
    r.call("DELETE", offer_path, f"{api}/offers/{offer['id']}", status=204)
    r.call("DELETE", path, f"{api}/organizations/{org_id}?erase=true", status=204)
    return dict(sorted(r.examples.items()))


def main() -> None:
    examples = record()
    OUT.write_text(json.dumps(examples, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(examples)} examples to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
