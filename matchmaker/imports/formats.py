"""File formats of bulk import and export: JSON, and CSV of organisations with the columns
derived from the organisation's declared fields (read with a comma, semicolon or tab between
columns, in UTF-8, UTF-8 with a byte-order mark, or Windows-1252)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from matchmaker.errors import Invalid
from matchmaker.organizations.service import FIELDS as ORGANIZATION_FIELDS

CSV_LIST_SEPARATOR = ";"
CSV_COLUMNS = ORGANIZATION_FIELDS.csv_columns


def parse_file(content: bytes | str, fmt: str) -> dict[str, list]:
    """Read `{"organizations": [...], "offers": [...]}` from JSON, or organisations from CSV."""
    text = _decode(content, fmt) if isinstance(content, bytes) else content
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise Invalid(f"Not valid JSON: {exc.msg} (line {exc.lineno}).") from exc
        if not isinstance(data, dict) or not set(data) <= {"organizations", "offers"}:
            raise Invalid('A JSON import is an object {"organizations": [...], "offers": [...]}.')
        for key in ("organizations", "offers"):
            if not isinstance(data.get(key, []), list):
                raise Invalid(f'"{key}" must be a list.')
        return {"organizations": data.get("organizations", []), "offers": data.get("offers", [])}
    if fmt == "csv":
        reader = csv.DictReader(io.StringIO(text), delimiter=_delimiter(text))
        header = [name.strip() for name in reader.fieldnames or []]
        unknown = [name for name in header if name not in CSV_COLUMNS]
        if not header or unknown:  # not an organisations CSV: say so even without rows
            raise Invalid(
                "A CSV import starts with a header row of the documented columns"
                + (f"; unknown: {', '.join(unknown)}." if unknown else "."),
                errors={"csv": {name: ["Unknown column."] for name in unknown}},
            )
        try:
            rows = [ORGANIZATION_FIELDS.from_csv_row(row, CSV_LIST_SEPARATOR) for row in reader]
        except csv.Error as exc:
            raise Invalid(
                f"Unreadable CSV at line {reader.line_num}: {exc}.",
                errors={"csv": {"_schema": [f"Line {reader.line_num}: {exc}."]}},
            ) from exc
        return {"organizations": rows, "offers": []}
    raise Invalid(f"Unknown import format {fmt!r}: use .json or .csv.")


def _delimiter(text: str) -> str:
    """The column separator, read off the header row: comma, or semicolon (German Excel) or
    tab. Column names contain none of them, so the most frequent one separates."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ","


def _decode(content: bytes, fmt: str) -> str:
    """UTF-8 (with or without a byte-order mark); a CSV may also be Windows-1252, as German
    Excel writes it."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if fmt == "csv":
            try:
                return content.decode("cp1252")
            except UnicodeDecodeError:
                pass
        raise Invalid(
            f"The file is not UTF-8 text (byte {exc.start}).",
            errors={fmt: {"_schema": ["Not UTF-8 text."]}},
        ) from exc


def organizations_csv(records: dict[str, list[dict[str, Any]]]) -> str:
    """The organisations of an export as CSV, one a row."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for org in records["organizations"]:
        writer.writerow(ORGANIZATION_FIELDS.to_csv_row(org, CSV_LIST_SEPARATOR))
    return buffer.getvalue()
