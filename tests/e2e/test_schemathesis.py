"""Schemathesis over the whole served OpenAPI document, every check, as reader and as admin.

Runs the `st` command line (schemathesis 4) against the live server with a bounded number of
examples per operation and a fixed seed (the same cases on every run, so a failure
reproduces). Nothing is excluded: all operations, all checks, all phases for the admin. The
only loosening is `schemathesis.toml` beside this file (operations whose cross-field rules
OpenAPI 3.0 cannot state may answer a schema-valid request with 422).

No operation needs excluding: the admin's stateful phase may revoke keys (DELETE
/keys/{id}), but only those it created itself (no endpoint lists key ids, so the test's own
key cannot be reached); /metrics and /api/docs are not in the document (not JSON).

Order matters: the reader runs first, because the admin's stateful phase deletes and
unpublishes records (the data the reader's reads would reach). This module sorts last in
tests/e2e for the same reason.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

_venv_st = Path(sys.executable).parent / "st"
ST = str(_venv_st) if _venv_st.exists() else shutil.which("st")
CONFIG = Path(__file__).with_name("schemathesis.toml")

# The coverage phase (boundary values and every kind of invalid input, deterministic) is the
# costly one, and it does not depend on --max-examples. The reader skips it: every write
# operation stops at 403 before validation, and the reads validate their parameters exactly as
# they do for the admin, whose run covers them. The reader still fuzzes every operation (fewer
# examples: generating large bodies costs the client time even when the answer is a 403).
ROLES = {
    "reader": {"phases": "examples,fuzzing,stateful", "max_examples": 5},
    "admin": {"phases": "examples,coverage,fuzzing,stateful", "max_examples": 10},
}


@pytest.mark.skipif(not ST, reason="schemathesis (`st`) is not installed: pip install schemathesis")
@pytest.mark.parametrize("role", list(ROLES))
def test_schemathesis_all_checks(live, role, tmp_path):
    settings = ROLES[role]
    command = [
        ST,
        "--config-file",
        str(CONFIG),
        "run",
        f"{live.url}/api/openapi.json",
        "--url",
        live.url,
        "--checks",
        "all",
        "--phases",
        settings["phases"],
        "--header",
        f"Authorization: Bearer {live.tokens[role]}",
        "--max-examples",
        str(settings["max_examples"]),
        # One worker: schemathesis' threads trip a CPython 3.11 race in ast.parse ("AST
        # constructor recursion depth mismatch") inside hypothesis; the server has 2 x 4.
        "--workers",
        "1",
        "--seed",
        "20240501",
        "--request-timeout",
        "30",
        "--generation-database",
        "none",
        "--suppress-health-check",
        "all",
        "--no-color",
        "--output-truncate",
        "false",
    ]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,  # .schemathesis/
    )
    output = result.stdout + result.stderr
    (tmp_path / f"schemathesis-{role}.log").write_text(output, encoding="utf-8")
    if result.returncode != 0:
        # The failures section first (it names each failing case with a curl line), then the
        # summary; the server's log tail helps with 500s.
        start = output.find("FAILURES")
        start = output.find("ERRORS") if start < 0 else start
        report = output[start:] if start >= 0 else output
        pytest.fail(
            f"schemathesis ({role}) found problems:\n{report[-25000:]}\n"
            f"--- server log tail ---\n{live.server.log_tail(3000)}",
            pytrace=False,
        )
