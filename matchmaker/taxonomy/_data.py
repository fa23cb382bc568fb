"""Reads the taxonomy's JSON data files (package data under data/), each once per process."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """Return the parsed `matchmaker/taxonomy/data/<name>.json`; callers must not mutate it."""
    resource = files(__package__).joinpath("data").joinpath(f"{name}.json")
    return json.loads(resource.read_text(encoding="utf-8"))
