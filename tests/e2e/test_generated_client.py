"""A Python client generated from the committed OpenAPI document (openapi-python-client), used
as an outside team would: a curator creates an organisation and an offer, the portal's reader
asks matches and reads them."""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from tests.e2e.conftest import ROOT

pytestmark = pytest.mark.e2e

_venv_tool = Path(sys.executable).parent / "openapi-python-client"
GENERATOR = str(_venv_tool) if _venv_tool.exists() else shutil.which("openapi-python-client")
SPEC = ROOT / "api_spec" / "openapi.json"
PACKAGE = "matchmaker_e2e_client"


@pytest.fixture(scope="module")
def client_package(tmp_path_factory, live):
    """Generate the client into a temporary folder and import it."""
    if not GENERATOR:
        pytest.skip("openapi-python-client is not installed: pip install openapi-python-client")
    served = requests.get(f"{live.url}/api/openapi.json", timeout=10).json()
    assert served == json.loads(SPEC.read_text(encoding="utf-8")), (
        "the server's document differs from api_spec/openapi.json: run `make spec`"
    )
    work = tmp_path_factory.mktemp("client")
    config = work / "config.json"
    # A CSV or zip import is a file's bytes; the generator knows that body as octet-stream. No
    # post hooks: formatting the generated code is not what is tested.
    overrides = {
        "text/csv": "application/octet-stream",
        "application/zip": "application/octet-stream",
    }
    config.write_text(json.dumps({"content_type_overrides": overrides, "post_hooks": []}))
    result = subprocess.run(
        [
            GENERATOR,
            "generate",
            "--path",
            str(SPEC),
            "--meta",
            "none",
            "--config",
            str(config),
            "--output-path",
            str(work / PACKAGE),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=work,
        env={**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}"},
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # A warning means the generator skipped or degraded part of the document.
    assert "warning" not in output.lower(), output
    sys.path.insert(0, str(work))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(work))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


def test_generated_client_main_flows(client_package, live):
    pkg = client_package

    def api(name: str):
        return importlib.import_module(f"{PACKAGE}.api.{name}")

    models = importlib.import_module(f"{PACKAGE}.models")
    orgs_api = "organizations"
    curator = pkg.AuthenticatedClient(base_url=live.url, token=live.tokens["curator"], timeout=60)
    reader = pkg.AuthenticatedClient(base_url=live.url, token=live.tokens["reader"], timeout=60)

    # 1. a curator creates a German start-up profile
    new_org = models.OrganizationInput(
        name="Akkuprüfstand Nürtingen GmbH",
        kind=models.Kind.STARTUP,
        stage=models.Stage.SEED,
        description="Wir bauen Prüfstände für Batteriezellen und suchen Pilotkunden.",
        offers=["Prüfstand für Lithium-Ionen-Batteriezellen"],
        needs=["Pilotkunde aus der Automobilindustrie", "Seed-Finanzierung"],
        themes=[
            models.Theme.AUTOMOTIVE_MOBILITY,
            models.Theme.GREEN_TECH,
        ],
        location=models.Location(
            district=models.District.ESSLINGEN,
            municipality="Nürtingen",
            postal_code="72622",
        ),
        languages=["de"],
        contact=models.Contact(name="Jana Beispiel", email="jana@akkupruef.example"),
        website="https://akkupruef.example",
        status=models.OrganizationInputStatus.PUBLISHED,
    )
    created = api(f"{orgs_api}.create_organization").sync_detailed(client=curator, body=new_org)
    assert created.status_code == 201, created.content
    org = created.parsed
    assert isinstance(org, models.Organization)
    assert org.id.startswith("org_") and org.created_at.tzinfo is not None
    assert org.contact.email == "jana@akkupruef.example"
    assert created.headers["ETag"]

    # 2. an offer it is eligible for, provided by the imported investor
    new_offer = models.OfferInput(
        title="Gründungsfonds Neckar: Seed-Finanzierung",
        kind=models.OfferKind.FUNDING,
        description="Beteiligungskapital für Start-ups in der Seed-Phase, die Prüftechnik "
        "und Batterietechnik entwickeln.",
        provider_id=live.orgs["e2e-org-5"],
        themes=[models.Theme.GREEN_TECH],
        eligibility=models.Eligibility(
            kinds=[models.Kind.STARTUP],
            stages=[models.Stage.SEED],
        ),
        amount_eur_max=800000,
        status=models.OfferInputStatus.PUBLISHED,
    )
    created = api("offers.create_offer").sync_detailed(client=curator, body=new_offer)
    assert created.status_code == 201, created.content
    offer = created.parsed
    assert offer.provider_id == live.orgs["e2e-org-5"]

    # 3. the reader sees the profile, without its personal data
    read = api(f"{orgs_api}.get_organization").sync(org.id, client=reader)
    assert read.name == "Akkuprüfstand Nürtingen GmbH"
    assert read.contact is pkg.types.UNSET

    # 4. partner matches, explained in German and in English
    matches = api(f"{orgs_api}.list_organization_matches")
    de = matches.sync(org.id, client=reader.with_headers({"Accept-Language": "de"}), limit=5)
    en = matches.sync(org.id, client=reader.with_headers({"Accept-Language": "en"}), limit=5)
    assert isinstance(de, models.MatchList) and de.items, de
    scores = [item.score for item in de.items]
    assert scores == sorted(scores, reverse=True)
    for item in de.items:
        assert item.type_ == "organization" and item.id != org.id
        assert 0.0 <= item.score <= 1.0
        assert item.name and len(item.explanation) > 20
        assert item.score_parts  # `reasons` may be empty for a weak, general match
    assert de.items[0].reasons, de.items[0]  # the best match says why, part by part
    assert {i.id for i in de.items} == {i.id for i in en.items}
    assert de.items[0].explanation != en.items[0].explanation  # one paragraph per language

    # 5. offers it is eligible for: the new fund among them
    target = models.ListOrganizationMatchesTarget.OFFERS
    offers = matches.sync(org.id, client=reader, target=target, limit=10)
    assert offer.id in [item.id for item in offers.items]
    assert all(item.type_ == "offer" and item.title for item in offers.items)

    # 6. the reverse: organisations the offer fits
    fits = api("offers.list_offer_matches").sync(offer.id, client=reader)
    assert org.id in [item.id for item in fits.items]

    # 7. the reader may not write; the error has the one documented shape
    denied = api(f"{orgs_api}.create_organization").sync_detailed(client=reader, body=new_org)
    assert denied.status_code == 403
    assert isinstance(denied.parsed, models.Error)
    assert denied.parsed.code == 403 and denied.parsed.message
