"""Ranking on hand-made vectors: hard rules, need fit, reciprocity, eligibility."""

from __future__ import annotations

import datetime as dt

from matchmaker.engine.explain import explain_results
from matchmaker.engine.filters import (
    Filters,
    candidate_mask,
    eligible_offers_for,
    eligible_orgs_for,
    today_ordinal,
)
from matchmaker.engine.index import MatchIndex
from matchmaker.engine.queries import query_for_record, query_for_slot, query_for_text
from matchmaker.engine.ranking import rank
from matchmaker.engine.snapshot import OFFER, ORG
from matchmaker.engine.weights import DEFAULT_WEIGHTS
from tests.engine.conftest import offer, org, unit

NOW = dt.datetime(2026, 11, 30, tzinfo=dt.UTC).timestamp()


def _world() -> tuple[MatchIndex, dict[str, int]]:
    index = MatchIndex()
    slots = {
        "asker": index.put(
            org(
                "asker",
                profile=unit(1, 0, 0, 0),
                offers=[("battery test bench", unit(0, 0, 1, 0))],
                needs=[("seed funding", unit(0, 1, 0, 0))],
                stage="seed",
                lat=48.74,
                lon=9.31,
            )
        ),
        # offers exactly what the asker needs, and needs what the asker offers
        "mutual": index.put(
            org(
                "mutual",
                profile=unit(0, 1, 1, 0),
                offers=[("seed funding", unit(0, 1, 0, 0))],
                needs=[("battery test bench", unit(0, 0, 1, 0))],
                kind="investor",
            )
        ),
        # offers what the asker needs, but needs something unrelated
        "one_way": index.put(
            org(
                "one_way",
                profile=unit(0, 1, 0, 1),
                offers=[("seed funding", unit(0, 1, 0, 0))],
                needs=[("bakery supplies", unit(0, 0, 0, 1))],
                kind="investor",
            )
        ),
        "unrelated": index.put(org("unrelated", profile=unit(0, 0, 0, 1))),
        "draft": index.put(
            org(
                "draft",
                profile=unit(0, 1, 1, 0),
                offers=[("seed funding", unit(0, 1, 0, 0))],
                published=False,
            )
        ),
        "seed_fund": index.put(
            offer("seed_fund", profile=unit(0, 1, 0, 0), eligible_stages=("seed",))
        ),
        "growth_fund": index.put(
            offer("growth_fund", profile=unit(0, 1, 0, 0), eligible_stages=("growth",))
        ),
        "closed": index.put(
            offer("closed", profile=unit(0, 1, 0, 0), deadline=dt.date(2000, 1, 1))
        ),
    }
    return index, slots


def _rank(index, query, *, target, exclude=(), **kwargs):
    mask = candidate_mask(
        index, target=target, filters=Filters(), exclude=set(exclude), today=today_ordinal()
    )
    extra = kwargs.pop("extra_mask", None)
    if extra is not None:
        mask &= extra
    return rank(index, query, target=target, mask=mask, limit=10, now=NOW, **kwargs)


def test_partners_rank_a_mutual_fit_over_a_one_way_fit_and_skip_self_and_drafts():
    index, slots = _world()
    query = query_for_slot(index, slots["asker"])
    scored = _rank(index, query, target=ORG, exclude=[slots["asker"]], mode="partners")
    order = [index.ids[s.slot] for s in scored]
    assert order[:2] == ["mutual", "one_way"]
    assert "asker" not in order and "draft" not in order
    assert scored[0].reverse > scored[1].reverse
    assert all(0.0 <= s.score <= 1.0 for s in scored)


def test_offers_are_eligible_and_open_only():
    index, slots = _world()
    query = query_for_slot(index, slots["asker"])
    eligible = eligible_offers_for(index, query.facets, today_ordinal())
    scored = _rank(index, query, target=OFFER, extra_mask=eligible, mode="offers")
    assert [index.ids[s.slot] for s in scored] == ["seed_fund"]


def test_organisations_for_an_offer_respect_its_eligibility():
    index, slots = _world()
    query = query_for_slot(index, slots["seed_fund"])
    eligible = eligible_orgs_for(index, query.facets)
    scored = _rank(index, query, target=ORG, extra_mask=eligible, mode="offer_orgs")
    assert [index.ids[s.slot] for s in scored] == ["asker"]  # the only seed-stage organisation


def test_a_record_outside_the_index_asks_like_an_indexed_one():
    index, slots = _world()
    record = index.cards[slots["asker"]]
    indexed = query_for_slot(index, slots["asker"])
    outside = query_for_record(
        org(
            "asker",
            profile=unit(1, 0, 0, 0),
            offers=[("battery test bench", unit(0, 0, 1, 0))],
            needs=[("seed funding", unit(0, 1, 0, 0))],
            stage=record.stage,
            lat=48.74,
            lon=9.31,
        )
    )
    assert outside.slot is None and outside.facets == indexed.facets
    a = _rank(index, indexed, target=ORG, exclude=[slots["asker"]], mode="partners")
    b = _rank(index, outside, target=ORG, exclude=[slots["asker"]], mode="partners")
    assert [(s.slot, s.score) for s in a] == [(s.slot, s.score) for s in b]


def test_search_text_finds_what_is_offered_and_explains_it():
    index, _ = _world()
    query = query_for_text(unit(0, 1, 0, 0)[None, :], ["seed", "funding"])
    scored = _rank(index, query, target=ORG, mode="search")
    items = explain_results(
        index,
        query,
        scored,
        mode="search",
        lang="en",
        weights=DEFAULT_WEIGHTS,
        query_text="seed funding",
    )
    assert {items[0]["id"], items[1]["id"]} == {"mutual", "one_way"}
    assert items[0]["explanation"] == "Their offer “seed funding” matches your search."
    assert items[0]["reasons"][0]["type"] == "need_met"
