"""The two-stage ranking at scale: the fast candidate pass must not change what a person sees,
and a snapshot must give back the same index."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from benchmarks.scale import match, records
from matchmaker.engine import persist
from matchmaker.engine.index import MatchIndex
from matchmaker.engine.snapshot import OFFER, ORG
from matchmaker.engine.weights import DEFAULT_WEIGHTS


@pytest.fixture(scope="module")
def region() -> MatchIndex:
    """3,000 synthetic organisations and 300 offers: past the size where the approximate
    index and the candidate pass take over."""
    index = MatchIndex()
    for record in records(3000, seed=11, topics=30):
        index.put(record)
    index.compact()
    return index


def _top(index: MatchIndex, slot: int, mode: str, **changes) -> list[str]:
    return [item["id"] for item in match(index, slot, mode, replace(DEFAULT_WEIGHTS, **changes))]


@pytest.mark.parametrize("mode", ["partners", "offers", "offer_orgs"])
def test_the_candidate_pass_keeps_the_exhaustive_top_ten(region, mode):
    """On 30 askers, the top 10 with the approximate candidate pass are (nearly) those of
    scoring every candidate: at least 9 of 10 in common on average, and the first the same."""
    assert region.offers._ann and region.needs._ann  # the approximate indexes are in use
    etype = OFFER if mode == "offer_orgs" else ORG
    askers = [s for s in range(region.n_slots) if region.etype[s] == etype][:30]
    overlaps, firsts = [], 0
    for slot in askers:
        fast = _top(region, slot, mode, exact_limit=0)
        exact = _top(region, slot, mode, exact_limit=10**9)
        if exact:
            overlaps.append(len(set(fast) & set(exact)) / len(exact))
            firsts += fast[:1] == exact[:1]
    assert np.mean(overlaps) >= 0.9
    assert firsts >= 0.9 * len(overlaps)


def test_a_snapshot_gives_back_the_same_index_and_answers(region, tmp_path):
    path = tmp_path / "index.snapshot"
    persist.save(region, path, {"last_change_id": 7})
    assert persist.read_meta(path) == {"last_change_id": 7}
    loaded = persist.load(path)
    assert loaded.stats() == region.stats()
    assert loaded.slot_of == region.slot_of
    askers = [s for s in range(region.n_slots) if region.etype[s] == ORG][:5]
    for slot in askers:
        assert [i["id"] for i in match(loaded, slot, "partners")] == [
            i["id"] for i in match(region, slot, "partners")
        ]
    # ... and it stays writable: a changed record is found by the approximate index.
    first = next(r for r in records(1, seed=99))
    moved = replace(first, id="moved-in")
    loaded.put(moved)
    slot = loaded.slot_for("organization", "moved-in")
    vector = moved.vectors["profile"][0][2]
    assert slot in loaded.profile.nearest_owners(vector, 5, ORG)[0].tolist()


def test_a_snapshot_of_another_format_or_a_broken_file_is_refused(tmp_path):
    broken = tmp_path / "broken.snapshot"
    broken.write_bytes(b"not a snapshot")
    assert persist.read_meta(broken) is None
    assert persist.read_meta(tmp_path / "missing.snapshot") is None
