"""Recompute stored vectors in batches (after a model or text-preparation change)."""

from __future__ import annotations

from collections.abc import Callable

from matchmaker.core.db import unit_of_work
from matchmaker.matches import indexing
from matchmaker.matches.runtime import get_runtime
from matchmaker.offers import service as offers
from matchmaker.organizations import service as organizations

BATCH = 256


def reindex(
    *, everything: bool, progress: Callable[[int, int], None] | None = None
) -> tuple[int, str]:
    """Re-embed every entity (`everything`) or those with stale or missing vectors; returns the
    count and the vector space they are now in. One transaction per batch; `progress(done,
    total)` hears of each."""
    space = get_runtime().vector_space
    todo = []
    for entity_type, by_ids, all_ids in (
        ("organization", organizations.by_ids, organizations.all_ids),
        ("offer", offers.by_ids, offers.all_ids),
    ):
        ids = all_ids()
        if not everything:
            current = indexing.current_ids(entity_type)
            ids = [i for i in ids if i not in current]
        todo.append((by_ids, ids))
    total = sum(len(ids) for _, ids in todo)
    done = 0
    if progress is not None:
        progress(done, total)
    for by_ids, ids in todo:
        for start in range(0, len(ids), BATCH):
            with unit_of_work():
                rows = list(by_ids(ids[start : start + BATCH]).values())
                indexing.index_entities(rows)
            done += len(rows)
            if progress is not None:
                progress(done, total)
    return done, space
