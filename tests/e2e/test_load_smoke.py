"""A load smoke for CI: wrk, 16 connections for 5 s on a plain read; every answer a 2xx.

The full benchmark (2k and 10k organisations, 30 s per endpoint, reads and matches of random
ids) is benchmarks/load.py.
"""

from __future__ import annotations

import shutil

import pytest

from benchmarks.load import run_wrk

pytestmark = pytest.mark.e2e


@pytest.mark.skipif(not shutil.which("wrk"), reason="needs wrk (Debian: apt-get install -y wrk)")
def test_wrk_read_smoke(live, tmp_path):
    org_id = live.orgs["e2e-org-3"]
    figures = run_wrk(
        live.url,
        f"/api/v1/organizations/{org_id}",
        live.tokens["reader"],
        seconds=5,
        connections=16,
        threads=2,
        workdir=tmp_path,
    )
    report = figures["wrk_output"]
    assert figures["non_2xx"] == 0, report
    assert figures["socket_errors"] == {"connect": 0, "read": 0, "write": 0, "timeout": 0}, report
    assert figures["requests"] >= 100, report
    # wrk's own text report agrees (it prints these lines only when something went wrong)
    assert "Non-2xx" not in report and "Socket errors" not in report, report
    print(
        f"\nwrk 5 s x 16 connections, GET /organizations/{{id}}: "
        f"{figures['requests_per_s']:.0f} req/s, p50 {figures['latency_p50_ms']:.1f} ms, "
        f"p99 {figures['latency_p99_ms']:.1f} ms"
    )
