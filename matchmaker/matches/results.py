"""Per-process cache of answered match lists.

A match list is a pure function of the asking record, the options, the index and the hour
(freshness and deadlines read the clock; a ranking reads it at the start of the hour). The
index's version changes with every put and drop, and every worker's index follows every
committed change (matches/loader.py), so a key of (asker, options, index version, hour) is
exact: a cached answer is the answer a fresh ranking would give. A dashboard opened twice in
an hour, or a list paged through, costs one ranking.

Answers are shared, not copied: an answer is read-only once ranked, for the request that
ranked it and for every request answered from the cache. What the view renders of it is kept with it
(`MatchList.rendered`), so a repeated question costs about what a plain read costs.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

from matchmaker.observability import record_match_result


def ranking_clock() -> float:
    """The time a ranking reads: the start of the current hour."""
    return float(int(time.time()) // 3600 * 3600)


class ResultCache:
    """A least-recently-used map from keys to read-only answers."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Any | None:
        if self.size <= 0:
            return None
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
        record_match_result("hit" if found is not None else "miss")
        return found

    def put(self, key: Hashable, answer: Any) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._items[key] = answer
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)
