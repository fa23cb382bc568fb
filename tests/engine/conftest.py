"""Engine tests are pure: records in, results out; no database, Redis or model."""

from __future__ import annotations

import numpy as np
import pytest

from matchmaker.engine.snapshot import OFFER, ORG, EntityRecord


@pytest.fixture(autouse=True)
def clean():
    """Overrides the suite's autouse `clean`, which builds the app on both database backends."""
    yield


DIM = 8


def unit(*weights: float) -> np.ndarray:
    """A unit vector from its first coordinates (the rest are zero)."""
    vector = np.zeros(DIM, dtype=np.float32)
    vector[: len(weights)] = weights
    return vector / np.linalg.norm(vector)


def org(
    id: str,
    *,
    profile: np.ndarray,
    offers: list[tuple[str, np.ndarray]] = (),
    needs: list[tuple[str, np.ndarray]] = (),
    **fields,
) -> EntityRecord:
    """An organisation record whose texts have the given vectors and one-word terms."""
    vectors = {"profile": ((0, 0, profile),)}
    terms = {"profile": [[id]], "offer": [], "need": []}
    if offers:
        vectors["offer"] = tuple((i, 0, v) for i, (_, v) in enumerate(offers))
        terms["offer"] = [text.lower().split() for text, _ in offers]
    if needs:
        vectors["need"] = tuple((i, 0, v) for i, (_, v) in enumerate(needs))
        terms["need"] = [text.lower().split() for text, _ in needs]
    defaults = {"published": True, "title": id.title(), "kind": "startup"}
    return EntityRecord(
        etype=ORG,
        id=id,
        vectors=vectors,
        terms=terms,
        offers=tuple(t for t, _ in offers),
        needs=tuple(t for t, _ in needs),
        **{**defaults, **fields},
    )


def offer(id: str, *, profile: np.ndarray, **fields) -> EntityRecord:
    defaults = {"published": True, "title": id.title(), "kind": "funding"}
    return EntityRecord(
        etype=OFFER,
        id=id,
        vectors={"profile": ((0, 0, profile),)},
        terms={"profile": [[id]]},
        **{**defaults, **fields},
    )
