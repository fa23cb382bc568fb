"""The one door from the database to the engine: it reads organisations, offers and their
vectors into engine records, and keeps this process's match index current.

The index is loaded on first use and kept current by replaying the `index_changes` log,
triggered by a Redis version counter (immediate) or by polling the database (when Redis is down,
and every few seconds as a safety net).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy import orm as so

from matchmaker.core.time import as_utc
from matchmaker.engine import persist
from matchmaker.engine.index import MatchIndex
from matchmaker.engine.snapshot import ENTITY_TYPES, OFFER, ORG, EntityRecord
from matchmaker.extensions import db
from matchmaker.feedback import service as feedback
from matchmaker.matches.models import Embedding, IndexChange
from matchmaker.matches.runtime import Runtime
from matchmaker.offers.models import Offer
from matchmaker.organizations.models import Organization
from matchmaker.taxonomy import locate_municipality

logger = logging.getLogger(__name__)

POLL_SECONDS = 0.5
SAFETY_POLL_SECONDS = 5.0
#: How far behind its high-water mark a poll re-reads the change log (PostgreSQL may commit a
#: lower id after a higher one).
WINDOW = 1000
MODELS = {"organization": Organization, "offer": Offer}


def record_of(
    entity: Any,
    vectors: dict,
    terms: dict | None = None,
    dismissed: list | None = None,
    english: dict | None = None,
) -> EntityRecord:
    """An organisation or offer row (with its vectors by field, and an organisation's
    dismissed candidates as (entity_type, id)) as the engine's record. `terms` and `english`
    (of texts just prepared) default to what the row keeps in `search_terms`."""
    updated = as_utc(entity.updated_at)
    lat, lon, located_by = entity.lat, entity.lon, "given"
    if lat is None or lon is None:
        # No coordinates of its own: the municipality's (GeoNames), when the region knows it.
        place = (
            locate_municipality(entity.municipality, district=entity.district)
            if entity.municipality
            else None
        )
        if place is not None and place.approximate:
            place = None  # a district's mean point would show a made-up distance
        lat, lon = (place.lat, place.lon) if place else (None, None)
        located_by = "municipality" if place else None
    common = {
        "id": entity.id,
        "published": entity.status == "published",
        "kind": entity.kind,
        "themes": tuple(entity.themes or ()),
        "district": entity.district,
        "municipality": entity.municipality,
        "lat": lat,
        "lon": lon,
        "located_by": located_by,
        "updated": updated.timestamp() if updated else 0.0,
        "terms": (entity.search_terms or {}) if terms is None else terms,
        "vectors": vectors,
        "english": _english(
            (entity.search_terms or {}).get("english") if english is None else english
        ),
    }
    if entity.ENTITY_TYPE == "organization":
        return EntityRecord(
            etype=ORG,
            title=entity.name,
            stage=entity.stage,
            verified=bool(entity.verified),
            offers=tuple(entity.offers or ()),
            needs=tuple(entity.needs or ()),
            languages=tuple(entity.languages or ()),
            invest_stages=tuple(entity.invest_stages or ()),
            invest_themes=tuple(entity.invest_themes or ()),
            ticket_eur_min=entity.ticket_eur_min,
            ticket_eur_max=entity.ticket_eur_max,
            dismissed=tuple((ENTITY_TYPES[t], i) for t, i in dismissed or ()),
            **common,
        )
    return EntityRecord(
        etype=OFFER,
        title=entity.title,
        deadline=entity.deadline,
        amount_eur_max=entity.amount_eur_max,
        provider_id=entity.provider_id,
        eligible_kinds=tuple(entity.eligible_kinds or ()),
        eligible_stages=tuple(entity.eligible_stages or ()),
        eligible_districts=tuple(entity.eligible_districts or ()),
        **common,
    )


def _english(renderings: Any) -> dict[str, tuple] | None:
    if not isinstance(renderings, dict):
        return None  # written before renderings were kept
    return {name: tuple(texts) for name, texts in renderings.items()}


def _stored_vectors(space: str, ids: list[str] | None) -> dict:
    """{(entity_type, id): {field: [(position, variant, vector)]}} in the vector space."""
    query = sa.select(
        Embedding.entity_type,
        Embedding.entity_id,
        Embedding.field,
        Embedding.position,
        Embedding.variant,
        Embedding.vector,
    ).where(Embedding.model_id == space)
    if ids is not None:
        if not ids:
            return {}
        query = query.where(Embedding.entity_id.in_(ids))
    out: dict = {}
    for entity_type, entity_id, field_name, position, variant, blob in db.session.execute(query):
        vector = np.frombuffer(blob, dtype=np.float32)
        out.setdefault((entity_type, entity_id), {}).setdefault(field_name, []).append(
            (position, variant, vector)
        )
    return out


def load_records(
    space: str, keys: Iterable[tuple[str, str]] | None = None
) -> tuple[list[EntityRecord], list[tuple[str, str]]]:
    """Records of these (entity_type, id) pairs (all when None), and the pairs that no longer
    exist."""
    wanted = None if keys is None else list(keys)
    vectors = _stored_vectors(space, None if wanted is None else [i for _, i in wanted])
    dismissed = feedback.dismissed_by(
        None if wanted is None else [i for t, i in wanted if t == "organization"]
    )
    records, missing = [], []
    for entity_type, model in MODELS.items():
        query = sa.select(model).options(so.undefer(model.search_terms))
        if wanted is not None:
            ids = [i for t, i in wanted if t == entity_type]
            if not ids:
                continue
            query = query.where(model.id.in_(ids)).execution_options(populate_existing=True)
        found = set()
        for entity in db.session.scalars(query):
            found.add(entity.id)
            records.append(
                record_of(
                    entity,
                    vectors.get((entity_type, entity.id), {}),
                    dismissed=dismissed.get(entity.id) if entity_type == "organization" else None,
                )
            )
        if wanted is not None:
            missing += [(t, i) for t, i in wanted if t == entity_type and i not in found]
    return records, missing


class IndexKeeper:
    """Holds this process's MatchIndex and keeps it current with the database."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.index = MatchIndex()
        self.loaded = False
        self._lock = threading.RLock()
        self.last_change_id = 0
        self._seen_changes: set[int] = set()
        self._seen_version: bytes | None = None
        self._last_poll = 0.0
        self._dirty = False

    def current(self) -> MatchIndex:
        """The index, loaded on first use and brought up to date with other workers' changes."""
        with self._lock:
            if not self.loaded:
                self._full_load()
            else:
                now = time.monotonic()
                version = self.runtime.redis_call("get", self.runtime.version_key)
                due = now - self._last_poll >= (
                    POLL_SECONDS if version is None else SAFETY_POLL_SECONDS
                )
                if self._dirty or due or version != self._seen_version:
                    self._seen_version = version
                    self._sync()
        return self.index

    def mark_dirty(self) -> None:
        self._dirty = True

    def _full_load(self) -> None:
        snapshot = self.runtime.config.get("MATCHMAKER_INDEX_SNAPSHOT")
        if snapshot and self._start_from_snapshot(snapshot):
            return
        self._load_rows()
        if snapshot:
            self.save_snapshot(snapshot)

    def _snapshot_meta(self) -> dict[str, Any]:
        return {
            "vector_space": self.runtime.vector_space,
            "database": _database_identity(),
            "last_change_id": self.last_change_id,
            "written_at": time.time(),
        }

    def save_snapshot(self, path: str) -> None:
        """Write the index with the change it is current with (atomically; a failure is
        logged, never raised: the snapshot only speeds up the next start)."""
        with self._lock:
            started = time.perf_counter()
            try:
                persist.save(self.index, path, self._snapshot_meta())
            except OSError as exc:
                logger.warning("could not write the index snapshot %s: %s", path, exc)
                return
            logger.info("index snapshot written in %.2fs", time.perf_counter() - started)

    def _start_from_snapshot(self, path: str) -> bool:
        """Load the snapshot when it belongs to this database and vector space and no change
        it lacks has been lost; then replay the changes since it was written."""
        started = time.perf_counter()
        meta = persist.read_meta(path)
        if meta is None:
            return False
        newest = db.session.scalar(sa.select(sa.func.max(IndexChange.id))) or 0
        if (
            meta.get("vector_space") != self.runtime.vector_space
            or meta.get("database") != _database_identity()
            or int(meta.get("last_change_id", -1)) > newest
        ):
            logger.info("index snapshot %s is not for this database or model: ignored", path)
            return False
        try:
            index = persist.load(path)
        except Exception as exc:  # noqa: BLE001 - a bad snapshot must never stop a start
            logger.warning(
                "index snapshot %s unreadable (%s): loading from the database", path, exc
            )
            return False
        self.index = index
        self.last_change_id = int(meta["last_change_id"])
        self._seen_changes = set()
        self._seen_version = self.runtime.redis_call("get", self.runtime.version_key)
        self.loaded = True
        self._sync()  # what changed since the snapshot was written
        logger.info(
            "match index started from snapshot (change %d) in %.2fs",
            self.last_change_id,
            time.perf_counter() - started,
        )
        return True

    def _load_rows(self) -> None:
        started = time.perf_counter()
        self._seen_version = self.runtime.redis_call("get", self.runtime.version_key)
        self.last_change_id = db.session.scalar(sa.select(sa.func.max(IndexChange.id))) or 0
        # The changes visible now are in the rows read next: the first poll must not reload
        # them (it re-reads a window behind the high-water mark; 0.7 s at 10k organisations).
        self._seen_changes = set(
            db.session.scalars(
                sa.select(IndexChange.id).where(IndexChange.id > self.last_change_id - WINDOW)
            )
        )
        records, _ = load_records(self.runtime.vector_space)
        for record in records:
            self.index.put(record)
        self.index.compact()  # no growth slack after a bulk load
        self.loaded = True
        self._dirty = False
        self._last_poll = time.monotonic()
        logger.info(
            "match index loaded: %d organisations, %d offers in %.2fs",
            sum(r.etype == ORG for r in records),
            sum(r.etype == OFFER for r in records),
            time.perf_counter() - started,
        )

    def _sync(self) -> None:
        self._last_poll = time.monotonic()
        self._dirty = False
        # Re-read a window behind the high-water mark: on PostgreSQL a lower id can commit after
        # a higher one, and must not be skipped.
        window_start = max(0, self.last_change_id - WINDOW)
        rows = db.session.execute(
            sa.select(IndexChange.id, IndexChange.entity_type, IndexChange.entity_id)
            .where(IndexChange.id > window_start)
            .order_by(IndexChange.id)
        ).all()
        todo: dict[tuple[str, str], None] = {}
        for change_id, entity_type, entity_id in rows:
            if change_id in self._seen_changes:
                continue
            self._seen_changes.add(change_id)
            todo[(entity_type, entity_id)] = None
            self.last_change_id = max(self.last_change_id, change_id)
        self._seen_changes = {c for c in self._seen_changes if c > self.last_change_id - 2 * WINDOW}
        if todo:
            self.refresh(list(todo))

    def refresh(self, keys: list[tuple[str, str]]) -> None:
        """Reload these (entity_type, id) pairs from the database (removing deleted ones)."""
        with self._lock:
            records, missing = load_records(self.runtime.vector_space, keys)
            for record in records:
                self.index.put(record)
            for entity_type, entity_id in missing:
                self.index.drop(ENTITY_TYPES[entity_type], entity_id)


def _database_identity() -> str:
    """Which database the index was read from (its URL without the password)."""
    return db.engine.url.render_as_string(hide_password=True)


def keeper_of(runtime: Runtime) -> IndexKeeper:
    """This process's keeper (one per app), created on first use."""
    with runtime._lock:
        if runtime.keeper is None:
            runtime.keeper = IndexKeeper(runtime)
        return runtime.keeper
