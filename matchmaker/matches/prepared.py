"""A Redis cache of prepared texts, for bulk imports.

Preparing a record's texts (language detection, the German-English gloss, lexical terms) is
a pure function of its text fields, the text preparation and the dictionary, and it is most
of what a re-import costs once the vectors are cached: 5.5 s of about 10 for 2,000
organisations. Bulk work looks prepared texts up here first. Keys name everything the
preparation depends on, so a new word list, rendering or dictionary never reads an old
entry; entries expire after a week. Like every Redis cache here, it is optional: a failure
only means preparing again. Never contact data: only the fields texts are made of.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import asdict
from typing import Any

from flask import current_app

from matchmaker.engine.texts import EntityTexts
from matchmaker.matches.runtime import get_runtime

logger = logging.getLogger(__name__)
TTL_SECONDS = 7 * 24 * 3600
#: Bump when EntityTexts gains or changes a field (2: the English renderings of quotes).
SHAPE = 2


def _namespace() -> str:
    config = current_app.config
    path = config["MATCHMAKER_DICTIONARY_PATH"] or ""
    try:
        stat = os.stat(path)
        dictionary = f"{path}:{stat.st_size}:{int(stat.st_mtime)}"
    except OSError:
        dictionary = "none"
    return f"{get_runtime().vector_space}|{dictionary}|{SHAPE}"


def _redis_key(namespace: str, text_key: tuple) -> str:
    digest = hashlib.sha256(f"{namespace}\n{json.dumps(text_key, default=str)}".encode())
    return f"{get_runtime().prefix}:texts:{digest.hexdigest()[:40]}"


def load(text_keys: list[tuple]) -> dict[tuple, EntityTexts]:
    """The prepared texts the cache holds for these keys."""
    if not text_keys:
        return {}
    namespace = _namespace()
    raw = get_runtime().redis_call("mget", [_redis_key(namespace, k) for k in text_keys])
    found: dict[tuple, EntityTexts] = {}
    for key, value in zip(text_keys, raw or [None] * len(text_keys), strict=True):
        if value is None:
            continue
        try:
            found[key] = EntityTexts(**json.loads(value))
        except (ValueError, TypeError):
            continue  # not ours, or an older shape: prepared again
    return found


def store(items: dict[tuple, EntityTexts]) -> None:
    """Keep prepared texts (one pipelined round trip; a failure is logged, never raised)."""
    runtime = get_runtime()
    if not items or not runtime.breaker.allow():
        return
    namespace = _namespace()
    try:
        pipe = runtime.redis.pipeline(transaction=False)
        for key, texts in items.items():
            pipe.set(
                _redis_key(namespace, key),
                json.dumps(asdict(texts), ensure_ascii=False),
                ex=TTL_SECONDS,
            )
        pipe.execute()
        runtime.breaker.record_success()
    except Exception as exc:  # noqa: BLE001 - a cache: preparing again is the fallback
        runtime.breaker.record_failure()
        logger.warning("prepared texts not cached: %s", exc)


def forget(text_key: tuple) -> Any:
    """Drop the prepared texts of these text fields (erasure)."""
    return get_runtime().redis_call("delete", _redis_key(_namespace(), text_key))
