"""The error list of an import report: bounded, but counting every bad record."""

from __future__ import annotations

from typing import Any

#: A report names at most this many bad records (and counts the rest): a file of a million
#: bad rows must not become a response of hundreds of megabytes.
MAX_REPORTED_ERRORS = 100


class ErrorList(list):
    """Errors, the first MAX_REPORTED_ERRORS kept, all of them counted."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.count = len(self)

    def append(self, item: Any) -> None:
        self.count += 1
        if len(self) < MAX_REPORTED_ERRORS:
            super().append(item)
