"""Body limits against the real server (gunicorn under `matchmaker serve`): a chunked body has
no length to check, and must still stop at the limit with the API's own 413."""

from __future__ import annotations

import json

import pytest
import requests

pytestmark = pytest.mark.e2e


def _chunks(payload: bytes, size: int = 65536):
    for start in range(0, len(payload), size):
        yield payload[start : start + size]


def test_a_chunked_body_past_the_limit_is_413_and_one_below_is_served(live):
    headers = {**live.headers("reader"), "Content-Type": "application/json"}
    big = json.dumps({"text": "x" * 3_000_000}).encode()
    r = requests.post(f"{live.url}/api/v1/search", data=_chunks(big), headers=headers, timeout=60)
    assert r.status_code == 413 and r.json()["code"] == 413
    small = json.dumps({"text": "battery cell test bench"}).encode()
    r = requests.post(f"{live.url}/api/v1/search", data=_chunks(small), headers=headers, timeout=60)
    assert r.status_code == 200, r.text
    assert "items" in r.json()
