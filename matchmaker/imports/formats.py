"""File formats of bulk import and export: JSON; CSV of organisations with the columns
derived from the organisation's declared fields (read with a comma, semicolon or tab between
columns, in UTF-8, UTF-8 with a byte-order mark, or Windows-1252); and a zip of two such CSV
files, `organizations.csv` and `offers.csv`, which also carry the stored ids so that offers
keep their providers: everything, re-importable, for those who work in spreadsheets."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

from matchmaker.errors import Invalid
from matchmaker.offers.service import FIELDS as OFFER_FIELDS
from matchmaker.organizations.service import FIELDS as ORGANIZATION_FIELDS

CSV_LIST_SEPARATOR = ";"
CSV_COLUMNS = ORGANIZATION_FIELDS.csv_columns
#: The columns of the zip's two files: the declared fields, and the links between records.
ZIP_COLUMNS = {
    "organizations": ["id", *CSV_COLUMNS],
    "offers": ["id", *OFFER_FIELDS.csv_columns, "provider_external_id"],
}
ZIP_FIELDS = {"organizations": ORGANIZATION_FIELDS, "offers": OFFER_FIELDS}
#: A zip expands to at most this many bytes (a small zip may hold gigabytes of zeros).
ZIP_MAX_BYTES = 200 * 1024 * 1024
FORMATS = ("json", "csv", "zip")


def parse_file(content: bytes | str, fmt: str) -> dict[str, list]:
    """Read `{"organizations": [...], "offers": [...]}` from JSON, or organisations from CSV."""
    if fmt == "zip":
        return _parse_zip(content)
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
        return {"organizations": _read_csv(text, ORGANIZATION_FIELDS, CSV_COLUMNS), "offers": []}
    raise Invalid(f"Unknown import format {fmt!r}: use .json, .csv or .zip.")


def _read_csv(text: str, fields: Any, columns: list[str], where: str = "csv") -> list[dict]:
    reader = csv.DictReader(io.StringIO(text), delimiter=_delimiter(text))
    header = [name.strip() for name in reader.fieldnames or []]
    unknown = [name for name in header if name not in columns]
    if not header or unknown:  # not the documented columns: say so even without rows
        raise Invalid(
            f"A CSV file ({where}) starts with a header row of the documented columns"
            + (f"; unknown: {', '.join(unknown)}." if unknown else "."),
            errors={where: {name: ["Unknown column."] for name in unknown}},
        )
    extra = [c for c in columns if c not in fields.csv_columns]
    rows = []
    try:
        for row in reader:
            record = fields.from_csv_row(row, CSV_LIST_SEPARATOR)
            for column in extra:  # links between records: an empty cell is no link
                if not (record.get(column) or "").strip():
                    record.pop(column, None)
                else:
                    record[column] = record[column].strip()
            rows.append(record)
    except csv.Error as exc:
        raise Invalid(
            f"Unreadable CSV ({where}) at line {reader.line_num}: {exc}.",
            errors={where: {"_schema": [f"Line {reader.line_num}: {exc}."]}},
        ) from exc
    return rows


def _parse_zip(content: bytes | str) -> dict[str, list]:
    """organizations.csv and offers.csv (either may be missing), as `records_zip` writes them."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content if isinstance(content, bytes) else b""))
    except zipfile.BadZipFile as exc:
        raise Invalid("Not a zip file.", errors={"zip": {"_schema": ["Not a zip file."]}}) from exc
    with archive:
        names = {info.filename: info for info in archive.infolist() if not info.is_dir()}
        wanted = {f"{section}.csv" for section in ZIP_COLUMNS}
        unknown = sorted(set(names) - wanted)
        if unknown or not names:
            raise Invalid(
                "A zip import holds organizations.csv and offers.csv"
                + (f"; unexpected: {', '.join(unknown)}." if unknown else "."),
                errors={"zip": {name: ["Unexpected file."] for name in unknown}},
            )
        if sum(info.file_size for info in names.values()) > ZIP_MAX_BYTES:
            raise Invalid(
                f"The zip expands to more than {ZIP_MAX_BYTES // 2**20} MiB.",
                errors={"zip": {"_schema": ["Too large once expanded."]}},
            )
        out: dict[str, list] = {"organizations": [], "offers": []}
        for section, columns in ZIP_COLUMNS.items():
            name = f"{section}.csv"
            if name in names:
                text = _decode(archive.read(name), "csv")
                out[section] = _read_csv(text, ZIP_FIELDS[section], columns, where=name)
        return out


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


def records_zip(records: dict[str, list[dict[str, Any]]]) -> bytes:
    """An export as a zip of organizations.csv and offers.csv (UTF-8 with a byte-order mark,
    so that Excel reads the umlauts), with ids: it re-imports whole."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for section, columns in ZIP_COLUMNS.items():
            text = io.StringIO()
            writer = csv.DictWriter(text, fieldnames=columns)
            writer.writeheader()
            fields = ZIP_FIELDS[section]
            for record in records[section]:
                row = fields.to_csv_row(record, CSV_LIST_SEPARATOR)
                for column in columns:
                    if column not in fields.csv_columns:
                        row[column] = record.get(column) or ""
                writer.writerow(row)
            archive.writestr(f"{section}.csv", "\ufeff" + text.getvalue())
    return buffer.getvalue()


def organizations_csv(records: dict[str, list[dict[str, Any]]]) -> str:
    """The organisations of an export as CSV, one a row."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for org in records["organizations"]:
        writer.writerow(ORGANIZATION_FIELDS.to_csv_row(org, CSV_LIST_SEPARATOR))
    return buffer.getvalue()
