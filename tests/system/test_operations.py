"""Operations: health, metrics, request ids, headers, docs, rate limits, CORS, keys, settings."""

import pytest

from matchmaker.app import create_app


def test_liveness_readiness_and_metrics(client, keys, make_org):
    assert client.get("/livez").get_json() == {"status": "ok"}
    make_org()
    ready = client.get("/readyz")
    assert ready.status_code == 200
    body = ready.get_json()
    assert body["status"] == "ok"
    assert {"database", "redis", "model", "index"} <= set(body["checks"])
    client.get("/api/v1/organizations", headers=keys.reader)
    metrics = client.get("/metrics").get_data(as_text=True)
    assert "matchmaker_request_seconds_bucket" in metrics
    assert 'endpoint="/api/v1/organizations"' in metrics
    assert "matchmaker_encode_batch_size" in metrics
    assert "matchmaker_embedding_cache_total" in metrics


def test_request_id_is_returned_and_propagated(client, keys):
    r = client.get("/api/v1/organizations", headers=keys.reader)
    assert len(r.headers["X-Request-ID"]) == 32
    r = client.get("/api/v1/organizations", headers={**keys.reader, "X-Request-ID": "abc-123"})
    assert r.headers["X-Request-ID"] == "abc-123"


def test_security_headers(client, keys):
    r = client.get("/api/v1/organizations", headers=keys.reader)
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["X-Frame-Options"] == "DENY"
    assert "default-src 'none'" in r.headers["Content-Security-Policy"]


def test_openapi_and_docs_are_self_hosted(client):
    spec = client.get("/api/openapi.json").get_json()
    assert spec["info"]["title"] == "matchmaker"
    assert "/api/v1/organizations/{organization_id}/matches" in spec["paths"]
    page = client.get("/api/docs").get_data(as_text=True)
    assert "/api/static/swagger-ui/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    asset = client.get("/api/static/swagger-ui/swagger-ui-bundle.js")
    assert asset.status_code == 200 and len(asset.get_data()) > 100_000


def test_committed_spec_matches_the_code(app):
    import json
    from pathlib import Path

    from matchmaker.extensions import api

    committed = json.loads(Path("api_spec/openapi.json").read_text(encoding="utf-8"))
    with app.app_context():
        assert api.spec.to_dict() == committed, "run `make spec` and commit api_spec/"


def test_every_described_operation_exists(client):
    """operations.json names no route that is gone (a missing one stops the app's start)."""
    from matchmaker.core.openapi import OPERATIONS

    spec = client.get("/api/openapi.json").get_json()
    methods = ("get", "post", "put", "patch", "delete")
    operations = {
        f"{m.upper()} {p}": op
        for p, ops in spec["paths"].items()
        for m, op in ops.items()
        if m in methods
    }
    served = set(operations)
    assert set(OPERATIONS) <= served
    ids = [op["operationId"] for op in operations.values()]
    assert len(ids) == len(set(ids)) == len(served)


def test_key_revocation_takes_effect_at_once(client, keys):
    r = client.post("/api/v1/keys", json={"role": "reader", "label": "portal"}, headers=keys.admin)
    assert r.status_code == 201
    token, key_id = r.get_json()["token"], r.get_json()["id"]
    auth = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/organizations", headers=auth).status_code == 200
    assert (
        client.post("/api/v1/keys", json={"role": "admin"}, headers=keys.curator).status_code == 403
    )
    assert client.delete(f"/api/v1/keys/{key_id}", headers=keys.admin).status_code == 204
    assert client.get("/api/v1/organizations", headers=auth).status_code == 401
    r = client.post("/api/v1/keys", json={"role": "member"}, headers=keys.admin)
    assert r.status_code == 422 and "organization_id" in r.get_json()["errors"]["json"]


def test_rate_limit_per_key(app, keys):
    limited = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "REDIS_URL": app.config["REDIS_URL"],
            "MATCHMAKER_REDIS_PREFIX": app.config["MATCHMAKER_REDIS_PREFIX"],
            "RATELIMIT_DEFAULT": "5 per minute",
            "RATELIMIT_ENABLED": True,
        }
    )
    client = limited.test_client()
    codes = [client.get("/api/v1/taxonomy", headers=keys.reader).status_code for _ in range(6)]
    assert codes[:5] == [200] * 5 and codes[5] == 429
    r = client.get("/api/v1/taxonomy", headers=keys.reader)
    assert r.get_json()["code"] == 429 and "Retry-After" in r.headers
    # another key has its own budget
    assert client.get("/api/v1/taxonomy", headers=keys.curator).status_code == 200


def test_cors_allow_list(app, keys):
    cors_app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "REDIS_URL": app.config["REDIS_URL"],
            "MATCHMAKER_CORS_ORIGINS": ["https://portal.example"],
            "RATELIMIT_ENABLED": False,
        }
    )
    client = cors_app.test_client()
    r = client.get("/api/v1/taxonomy", headers={**keys.reader, "Origin": "https://portal.example"})
    assert r.headers["Access-Control-Allow-Origin"] == "https://portal.example"
    r = client.get("/api/v1/taxonomy", headers={**keys.reader, "Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in r.headers
    r = client.options(
        "/api/v1/organizations",
        headers={
            "Origin": "https://portal.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Authorization, Content-Type",
        },
    )
    assert r.status_code == 200 and "POST" in r.headers["Access-Control-Allow-Methods"]


@pytest.mark.parametrize(
    "config, message",
    [
        (
            {"MATCHMAKER_ENV": "production", "DEBUG": True, "MATCHMAKER_SECRET_CONFIGURED": True},
            "DEBUG",
        ),
        ({"MATCHMAKER_ENV": "production", "MATCHMAKER_SECRET_CONFIGURED": False}, "SECRET"),
    ],
)
def test_production_refuses_unsafe_settings(config, message, monkeypatch):
    monkeypatch.setenv("MATCHMAKER_ENV", "production")
    if config.get("DEBUG"):
        monkeypatch.setenv("MATCHMAKER_DEBUG", "true")
        monkeypatch.setenv("MATCHMAKER_SECRET_KEY", "s3cret")
    else:
        monkeypatch.delenv("MATCHMAKER_SECRET_KEY", raising=False)
        monkeypatch.delenv("MATCHMAKER_DEBUG", raising=False)
    with pytest.raises(RuntimeError, match=message):
        create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})


_BLAS_THREADS = (
    "import json, sys; import matchmaker.gunicorn_conf; from matchmaker.app import create_app; "
    "create_app({'SQLALCHEMY_DATABASE_URI': 'sqlite://'}); "
    "from threadpoolctl import threadpool_info; "
    "print(json.dumps([p['num_threads'] for p in threadpool_info() if p['user_api'] == 'blas']))"
)


def test_gunicorn_workers_run_numpy_on_one_blas_thread(tmp_path):
    """Many requests at once on a multi-threaded BLAS spin against each other: a worker
    caps it at one thread (MATCHMAKER_BLAS_THREADS, set by gunicorn_conf)."""
    import json
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.endswith(("BLAS_THREADS", "NUM_THREADS"))}
    env["PROMETHEUS_MULTIPROC_DIR"] = str(tmp_path)
    out = subprocess.run(
        [sys.executable, "-c", _BLAS_THREADS], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [1]
    env["MATCHMAKER_BLAS_THREADS"] = "3"  # the operator's choice wins
    out = subprocess.run(
        [sys.executable, "-c", _BLAS_THREADS], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [3]


def test_taxonomy_has_both_languages(client, keys):
    body = client.get("/api/v1/taxonomy", headers=keys.reader).get_json()
    themes = {t["code"]: t for t in body["themes"]}
    assert len(themes) == 11 and themes["green_tech"]["de"] and themes["green_tech"]["en"]
    districts = {d["code"]: d for d in body["districts"]}
    assert set(districts) == {
        "stuttgart",
        "boeblingen",
        "esslingen",
        "goeppingen",
        "ludwigsburg",
        "rems-murr",
    }
    assert "Esslingen am Neckar" in districts["esslingen"]["municipalities"]
    for group in ("organization_kinds", "stages", "offer_kinds", "statuses"):
        assert all(item["de"] and item["en"] for item in body[group])


def _as_json_schema(node):
    """An OpenAPI 3.0 schema as JSON Schema, read as the portal's generators read it: a
    `nullable` reference (`allOf` beside `nullable`) or type admits null too."""
    if isinstance(node, list):
        return [_as_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {k: _as_json_schema(v) for k, v in node.items() if k not in ("example", "xml")}
    if "$ref" in node:
        node["$ref"] = node["$ref"].replace("#/components/schemas/", "#/definitions/")
    if node.pop("nullable", False):
        if "type" in node:
            node["type"] = [node["type"], "null"]
            if "enum" in node and None not in node["enum"]:
                node["enum"] = [*node["enum"], None]
        else:
            node = {"anyOf": [node, {"type": "null"}]}
    return node


def test_every_example_is_valid_against_its_schema(app):
    """The examples (recorded by scripts/make_examples.py) document every operation with a
    JSON body, and each matches the schema its place names."""
    import jsonschema_rs

    with app.test_client() as client:
        spec = client.get("/api/openapi.json").get_json()
    definitions = _as_json_schema(spec["components"]["schemas"])
    checked, missing = 0, []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            places = []
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body is not None:
                places.append(("request", body))
            for status, response in operation["responses"].items():
                media = response.get("content", {}).get("application/json")
                if status.startswith("2") and media is not None:
                    places.append((status, media))
            for place, media in places:
                if "example" not in media:
                    missing.append(f"{method.upper()} {path} {place}")
                    continue
                if "schema" not in media:
                    continue
                schema = {**_as_json_schema(media["schema"]), "definitions": definitions}
                errors = [
                    e.message
                    for e in jsonschema_rs.Draft7Validator(schema).iter_errors(media["example"])
                ]
                assert not errors, (method, path, place, errors[:3])
                checked += 1
    assert not missing, missing
    assert checked >= 40
