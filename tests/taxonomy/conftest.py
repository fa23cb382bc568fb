"""The taxonomy tests need no app: no database, Redis or model."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def clean():
    """Overrides the suite's autouse `clean`, which builds the app on both database backends."""
    yield
