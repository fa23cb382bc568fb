"""The match index: records in, slots, facets, cards and vectors out."""

from __future__ import annotations

import numpy as np

from matchmaker.engine.index import MatchIndex
from matchmaker.engine.snapshot import KIND_BITS, OFFER, ORG, THEME_BITS
from tests.engine.conftest import offer, org, unit


def test_put_makes_a_live_slot_with_facets_card_and_vectors():
    index = MatchIndex()
    record = org(
        "voltwerk",
        profile=unit(1, 0),
        offers=[("test bench", unit(0, 1))],
        needs=[("seed funding", unit(1, 1))],
        themes=("green_tech",),
        lat=48.74,
        lon=9.31,
    )
    slot = index.put(record)
    assert index.live[slot] and index.etype[slot] == ORG
    assert index.slot_for("organization", "voltwerk") == slot
    assert index.kind_bit[slot] == KIND_BITS["startup"]
    assert index.theme_bits[slot] == THEME_BITS["green_tech"]
    assert index.facets(slot).lat == 48.74
    assert index.cards[slot].title == "Voltwerk" and index.cards[slot].vectors == {}
    vectors = index.vectors(slot)
    assert len(vectors["profile"]) == len(vectors["offer"]) == len(vectors["need"]) == 1
    assert np.allclose(vectors["offer"][0], unit(0, 1))
    assert index.stats() == {"entities": 1, "vectors": 3, "bytes": index.stats()["bytes"]}


def test_a_record_without_vectors_is_not_live_and_replacing_reuses_the_slot():
    index = MatchIndex()
    bare = org("x", profile=unit(1))
    slot = index.put(bare.__class__(**{**bare.__dict__, "vectors": {}}))
    assert not index.live[slot]
    assert index.put(org("x", profile=unit(1))) == slot and index.live[slot]
    assert index.live_docs == 1


def test_drop_frees_the_slot_and_its_postings():
    index = MatchIndex()
    slot = index.put(org("a", profile=unit(1), offers=[("laser cutting", unit(0, 1))]))
    assert index.supply.df("laser") == 1
    index.drop(ORG, "a")
    assert index.slot_for("organization", "a") is None and not index.live[slot]
    assert index.supply.df("laser") == 0 and index.cards[slot] is None
    assert index.put(org("b", profile=unit(1))) == slot  # the free slot is reused


def test_offer_kinds_mask_and_offer_facets():
    index = MatchIndex()
    funding = index.put(offer("fund", profile=unit(1), kind="funding", eligible_kinds=("startup",)))
    space = index.put(offer("lab", profile=unit(0, 1), kind="space"))
    mask = index.offer_kinds_mask(["space"])
    assert mask[space] and not mask[funding]
    assert index.etype[funding] == OFFER and index.elig_kinds[funding] == KIND_BITS["startup"]
