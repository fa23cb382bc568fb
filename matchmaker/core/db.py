"""The unit of work (one transaction per service call, and what runs after it commits), ids and
paging: the database plumbing every room's service uses."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from matchmaker.errors import Conflict, PreconditionFailed
from matchmaker.extensions import db

_DEPTH = "unit_of_work_depth"
_AFTER_COMMIT = "unit_of_work_after_commit"


@contextmanager
def unit_of_work() -> Iterator[Session]:
    """Everything inside commits together or not at all.

    Nested units join the outermost one, so a service may call another room's service inside
    its own transaction. A failed flush or commit rolls back and surfaces as a domain error: a
    concurrent write as PreconditionFailed, a taken unique value as Conflict. After the commit,
    the callbacks registered with `after_commit` run (index notices, cache erasure).
    """
    session = db.session
    info = session.info
    depth = info.get(_DEPTH, 0)
    info[_DEPTH] = depth + 1
    if depth:
        try:
            yield session
        finally:
            info[_DEPTH] = depth
        return
    info[_AFTER_COMMIT] = {}
    try:
        yield session
        session.commit()
    except StaleDataError as exc:
        session.rollback()
        raise PreconditionFailed(
            "The record was changed concurrently: read it again and retry."
        ) from exc
    except IntegrityError as exc:
        session.rollback()
        raise Conflict("The change conflicts with stored data (a unique value is taken).") from exc
    except BaseException:
        session.rollback()
        raise
    finally:
        info[_DEPTH] = 0
        callbacks = info.pop(_AFTER_COMMIT, {})
    for callback in callbacks.values():
        callback()


def checkpoint() -> None:
    """On SQLite, copy the write-ahead log into the database file and truncate it, so that
    deleted data leaves no copy there (erasure); elsewhere nothing."""
    if db.engine.dialect.name == "sqlite":
        with db.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def no_autoflush():
    """A block in which queries do not flush the pending changes first (bulk staging)."""
    return db.session.no_autoflush


def flush() -> None:
    """Send the pending changes of the current unit of work (assigns ids, checks constraints)."""
    db.session.flush()


def after_commit(key: str, callback: Callable[[], None]) -> None:
    """Run `callback` once (per `key`) after the current unit of work commits; never after a
    rollback."""
    pending = db.session.info.get(_AFTER_COMMIT)
    if pending is None:
        raise RuntimeError("after_commit needs an open unit of work")
    pending.setdefault(key, callback)


def etag(entity: Any) -> str:
    """The entity's version as an HTTP entity tag (optimistic locking)."""
    return f'"{entity.id}-v{entity.version}"'


def check_if_match(entity: Any, if_match: str | None) -> None:
    """PreconditionFailed when the client's If-Match names another version than the stored
    one; no If-Match never blocks a client."""
    if not if_match:
        return
    tags = {t.strip().removeprefix("W/") for t in if_match.split(",")}
    if "*" in tags or etag(entity) in tags:
        return
    raise PreconditionFailed(
        "The record was changed since you read it (ETag mismatch): read it again and retry."
    )


def check_unique(column: Any, value: Any, own_id: str | None) -> None:
    """Conflict naming the field when another row holds `value` in this unique column."""
    if value in (None, ""):
        return
    model = column.class_
    existing = db.session.scalar(sa.select(model.id).where(column == value))
    if existing and existing != own_id:
        raise Conflict(
            f"{column.key} {value!r} is already used by {existing}.",
            errors={"json": {column.key: [f"Already used by {existing}."]}},
        )


def contains(word: str) -> str:
    """A LIKE pattern for "contains this word", its own % and _ taken literally (use with
    escape="\\")."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def new_id(prefix: str) -> str:
    """A server-assigned id such as `org_5f0c2a9e1b7d4c3a`."""
    return f"{prefix}_{secrets.token_hex(8)}"


def codes_key(codes: list[str] | None) -> str:
    """`,green_tech,it_ai,`: a list column's codes in a string a portable LIKE can filter on."""
    return "," + ",".join(codes or []) + ","


def paginate(
    query: sa.Select, order_by: list[Any], *, page: int, page_size: int
) -> tuple[list, int]:
    """One page of `query` and the total count of its rows."""
    total = db.session.scalar(sa.select(sa.func.count()).select_from(query.subquery())) or 0
    rows = db.session.scalars(
        query.order_by(*order_by).offset((page - 1) * page_size).limit(page_size)
    ).all()
    return list(rows), total
