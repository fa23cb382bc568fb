"""Snapshots of the match index: a new worker starts from a file instead of replaying every
row of the database (seconds instead of minutes at region scale).

A snapshot holds the index's arrays, records and vector stores (with their approximate
indexes) and a `meta` dict saying what it is current with; matches/loader.py decides whether
it can be used and replays the changes made since. The file holds pickled records: load only
snapshots this service wrote itself.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from embeddings import VectorIndex
from matchmaker.engine.hubness import Hubness
from matchmaker.engine.index import _COLUMNS, MatchIndex
from matchmaker.engine.needs import categories_of

#: Bumped when the layout changes (an older snapshot is then ignored). 2: each owner's rows in
#: a vector store are one block; 3: records keep the English renderings of their quotes.
SNAPSHOT_FORMAT = 3


def save(index: MatchIndex, path: str | Path, meta: dict | None = None) -> None:
    """Write the whole index to `path` (atomically), with `meta` (what it is current
    with)."""
    n = index.n_slots
    stores = (
        {}
        if index.profile is None
        else {name: getattr(index, name).state() for name in ("profile", "offers", "needs")}
    )
    state = {
        "format": SNAPSHOT_FORMAT,
        "meta": dict(meta or {}),
        "dim": index.dim,
        "columns": {name: getattr(index, name)[:n] for name, _, _ in _COLUMNS},
        "ids": index.ids,
        "cards": index.cards,
        "free_slots": index.free_slots,
        "supply_terms": index.supply_terms,
        "need_terms": index.need_terms,
        "offer_terms": index.offer_terms,
        "dismissed": index.dismissed,
        "live_docs": index.live_docs,
        "version": index.version,
        "stores": stores,
        "hubness": index.hubness.state(),
    }
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    with open(partial, "wb") as out:
        # The header first, so that `read_meta` need not read the whole file.
        pickle.dump({"format": SNAPSHOT_FORMAT, "meta": state["meta"]}, out)
        pickle.dump(state, out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, path)


def read_meta(path: str | Path) -> dict | None:
    """The `meta` a snapshot was saved with, or None when it is missing or unreadable."""
    try:
        with open(path, "rb") as source:
            header = pickle.load(source)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    if not isinstance(header, dict) or header.get("format") != SNAPSHOT_FORMAT:
        return None
    return header["meta"]


def load(path: str | Path) -> MatchIndex:
    """An index saved by `save` (raises OSError or ValueError when it cannot be used)."""
    with open(path, "rb") as source:
        pickle.load(source)  # the header
        state = pickle.load(source)
    return from_state(state)


def from_state(state: dict) -> MatchIndex:
    if state.get("format") != SNAPSHOT_FORMAT:
        raise ValueError("snapshot of another format")
    n = len(state["ids"])
    index = MatchIndex(capacity=max(256, n))
    for name, _, _ in _COLUMNS:
        getattr(index, name)[:n] = state["columns"][name]
    index.ids = state["ids"]
    index.cards = state["cards"]
    index.free_slots = state["free_slots"]
    index.slot_of = {
        (int(index.etype[slot]), entity_id): slot
        for slot, entity_id in enumerate(index.ids)
        if entity_id is not None
    }
    index.supply_terms = state["supply_terms"]
    index.need_terms = state["need_terms"]
    index.offer_terms = state["offer_terms"]
    index.dismissed = state["dismissed"]
    index.need_term_sets = [[frozenset(item) for item in needs] for needs in index.need_terms]
    index.need_categories = [
        [categories_of(item) for item in needs] for needs in index.need_term_sets
    ]
    for slot, terms in enumerate(index.supply_terms):
        index.supply.add(slot, terms)
    index.live_docs = state["live_docs"]
    index.version = state["version"]
    if state["stores"]:
        index.dim = state["dim"]
        for name, store_state in state["stores"].items():
            setattr(index, name, VectorIndex.from_state(state["dim"], store_state))
    index.hubness = Hubness.from_state(state["hubness"])
    return index
