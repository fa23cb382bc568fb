"""What a need asks for, from its terms: money from investors (a funding need) and the broader
kind of help (funding, space, talent, ...) that decides who typically provides it."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matchmaker.engine.weights import Weights

#: English Snowball stems (after the German-English bridge) that make a need a need for money
#: from investors: a start-up's funding need is matched against investors' theses.
FUNDING_STEMS = frozenset(
    "fund financ invest investor capit equiti seed preseed angel ventur vc loan round ticket "
    "backer cofinanc".split()
)


def is_funding_need(terms: list[str] | frozenset[str]) -> bool:
    return not FUNDING_STEMS.isdisjoint(terms)


@functools.cache
def need_categories() -> dict[str, frozenset[str]]:
    """Category -> stems (engine/data/need_categories.json)."""
    raw = json.loads(
        resources.files("matchmaker.engine")
        .joinpath("data/need_categories.json")
        .read_text(encoding="utf-8")
    )
    return {name: frozenset(stems) for name, stems in raw["categories"].items()}


def categories_of(terms: list[str] | frozenset[str]) -> tuple[str, ...]:
    """The kinds of help a need asks for (funding, space, talent, ...), possibly none."""
    return tuple(name for name, stems in need_categories().items() if not stems.isdisjoint(terms))


def affinity(categories: tuple[str, ...], provider: str | None, weights: Weights) -> float:
    """How typical a provider of this kind is for a need of these categories (0..1)."""
    if provider is None:
        return 0.0
    table = weights.provider_affinity
    return max((table.get(c, {}).get(provider, 0.0) for c in categories), default=0.0)
