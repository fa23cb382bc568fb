"""Metrics under gunicorn: every worker counts in a shared directory, so any scrape shows the
whole server's counts, which never go back, not even when a worker dies."""

from __future__ import annotations

import re

import requests

from tests.e2e.conftest import LiveServer


def _count(text: str, endpoint: str) -> float:
    """The request count of one endpoint (all methods and statuses) in a scrape."""
    pattern = re.compile(
        r'^matchmaker_request_seconds_count\{[^}]*endpoint="' + re.escape(endpoint) + r'"[^}]*\}'
        r" ([0-9.e+]+)$",
        re.M,
    )
    return sum(float(v) for v in pattern.findall(text))


def test_every_scrape_counts_the_requests_of_all_workers(live):
    server: LiveServer = live.server
    assert len(server.worker_pids()) == 2
    before = _count(requests.get(f"{server.url}/metrics", timeout=10).text, "/livez")
    for _ in range(30):  # fresh connections: gunicorn spreads them over both workers
        assert requests.get(f"{server.url}/livez", headers={"Connection": "close"}).ok
    scrapes = [
        requests.get(f"{server.url}/metrics", headers={"Connection": "close"}, timeout=10).text
        for _ in range(8)
    ]
    counts = [_count(text, "/livez") for text in scrapes]
    # Whichever worker answers, the sum is the same and whole (earlier tests add only to it).
    assert counts == [before + 30] * 8, counts
    assert all("matchmaker_index_vectors" in text for text in scrapes)
