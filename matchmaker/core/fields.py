"""Field declarations: each entity's public fields are declared once, on its model's columns
(`info=declare(...)`), and its API shape, audit snapshots, merging, personal data and CSV
columns are derived from that declaration."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from matchmaker.core.time import jsonable
from matchmaker.errors import Forbidden

KINDS = ("text", "list", "int", "float", "bool", "date", "datetime")
MERGE_RULES = ("fill", "union", "any")


@dataclass(frozen=True)
class FieldSpec:
    """How one stored column appears to the outside.

    Attributes:
        path: where it sits in the API shape: `name`, or `location.district` in a group.
        kind: text, list (of strings), int, float, bool, date or datetime.
        readonly: assigned by the server (ids, timestamps); never applied from input.
        personal: personal data, shown only to those allowed and erased on request.
        embedded: part of the embedded texts; a change means new vectors.
        curator_only: members may not change it.
        merge: when a duplicate is merged in: `fill` an empty value from it, `union` lists,
            `any` for flags (true when either is).
    """

    path: str
    kind: str = "text"
    readonly: bool = False
    personal: bool = False
    embedded: bool = False
    curator_only: bool = False
    merge: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown field kind {self.kind!r}")
        if self.merge not in (None, *MERGE_RULES):
            raise ValueError(f"unknown merge rule {self.merge!r}")

    @property
    def group(self) -> str | None:
        return self.path.split(".", 1)[0] if "." in self.path else None

    @property
    def leaf(self) -> str:
        return self.path.rsplit(".", 1)[-1]


def declare(path: str, **options: Any) -> dict[str, FieldSpec]:
    """The `info` of a mapped column: `mapped_column(..., info=declare("location.lat", ...))`."""
    return {"field": FieldSpec(path, **options)}


class EntityFields:
    """The declared fields of one model, in column order, and what derives from them."""

    def __init__(self, model: type) -> None:
        self.model = model
        self.items: tuple[tuple[str, FieldSpec], ...] = tuple(
            (column.key, column.info["field"])
            for column in model.__table__.columns
            if "field" in column.info
        )
        self.specs = dict(self.items)

    def attrs(self, **where: Any) -> list[str]:
        """Attribute names whose spec matches every `where` item, e.g. `personal=True`."""
        return [
            attr
            for attr, spec in self.items
            if all(getattr(spec, key) == value for key, value in where.items())
        ]

    @property
    def writable(self) -> list[str]:
        return [attr for attr, spec in self.items if not spec.readonly]

    def top_level_paths(self, **where: Any) -> list[str]:
        """API keys (groups by their name) of the matching fields, for checks on a body."""
        return list(dict.fromkeys(self.specs[a].group or a for a in self.attrs(**where)))

    def refuse_curator_only(self, entity: Any, data: dict[str, Any]) -> None:
        """Forbidden, naming the fields, when a body changes what only curators may change."""
        locked = [
            path
            for path in self.top_level_paths(curator_only=True)
            if path in data and data[path] != getattr(entity, path)
        ]
        if locked:
            raise Forbidden(
                f"Only curators may change: {', '.join(locked)}.",
                errors={"json": {f: ["Only curators may change this field."] for f in locked}},
            )

    def replacement(self, data: dict[str, Any]) -> dict[str, Any]:
        """A PUT body made whole: every field it may replace and does not send is reset to
        empty. Fields only curators change keep their value unless sent."""
        out = dict(data)
        columns = self.model.__table__.columns
        for attr, spec in self.items:
            if spec.readonly or spec.curator_only:
                continue
            key = spec.group or spec.path
            if key in out:
                continue
            if spec.group:
                out[key] = None  # the whole group: its fields become empty
            elif spec.kind == "list":
                out[key] = []
            else:
                out[key] = None if columns[attr].nullable else ""
        return out

    # -- the API shape -------------------------------------------------------------------
    def to_api(self, entity: Any, *, show_personal: bool) -> dict[str, Any]:
        """The entity as the API shows it, groups nested (`location`, `contact`, ...)."""
        out: dict[str, Any] = {}
        for attr, spec in self.items:
            if spec.personal and not show_personal:
                continue
            value = getattr(entity, attr)
            if spec.kind == "list":
                value = list(value or [])
            if spec.group:
                out.setdefault(spec.group, {})[spec.leaf] = value
            else:
                out[attr] = value
        return out

    def apply(self, entity: Any, data: dict[str, Any], *, skip: tuple[str, ...] = ()) -> None:
        """Set the fields present in an API-shaped body. A group that is sent replaces all its
        fields (absent ones become empty); `skip` names groups the caller applies itself."""
        for attr, spec in self.items:
            if spec.readonly or (spec.group or spec.path) in skip:
                continue
            if spec.group is None:
                if spec.path in data:
                    setattr(entity, attr, data[spec.path])
            elif spec.group in data:
                group = data[spec.group] or {}
                value = group.get(spec.leaf)
                setattr(entity, attr, list(value or []) if spec.kind == "list" else value)

    def snapshot(self, entity: Any) -> dict[str, Any]:
        """Plain JSON values of every declared column (the audit log's before and after)."""
        return {
            attr: jsonable(list(value) if isinstance(value, list) else value)
            for attr, value in ((attr, getattr(entity, attr)) for attr, _ in self.items)
        }

    def changed(self, before: dict[str, Any], after: dict[str, Any], **where: Any) -> bool:
        return any(before.get(attr) != after.get(attr) for attr in self.attrs(**where))

    # -- CSV --------------------------------------------------------------------------------
    @property
    def csv_columns(self) -> list[str]:
        return self.writable

    def to_csv_row(self, record: dict[str, Any], separator: str) -> dict[str, Any]:
        """An API-shaped record as one CSV row: lists joined by `separator`, flags as words."""
        row: dict[str, Any] = {}
        for attr in self.csv_columns:
            spec = self.specs[attr]
            value = (record.get(spec.group) or {}) if spec.group else record
            value = value.get(spec.leaf)
            if spec.kind == "list":
                row[attr] = neutralise(separator.join(value or []))
            elif spec.kind == "bool":
                row[attr] = "true" if value else "false"
            elif isinstance(value, str):
                row[attr] = neutralise(value)
            else:
                row[attr] = "" if value is None else value
        return row

    def from_csv_row(self, row: dict[str | None, Any], separator: str) -> dict[str, Any]:
        """One CSV row as an API-shaped record; empty cells are absent, cells are typed for the
        schema (which then names a bad one), unknown columns pass through to be rejected."""
        out: dict[str, Any] = {}
        for attr in self.csv_columns:
            spec = self.specs[attr]
            text = restore((row.get(attr) or "").strip())
            if not text:
                continue
            if spec.kind == "list":
                value: Any = [v.strip() for v in text.split(separator) if v.strip()]
            else:
                value = _typed(text, spec.kind)
            if spec.group:
                out.setdefault(spec.group, {})[spec.leaf] = value
            else:
                out[spec.path] = value
        for column in set(row) - set(self.csv_columns) - {None}:
            out[column] = row[column]
        return out


#: What a spreadsheet reads as a formula at the start of a cell (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A text cell a spreadsheet shows as text: a leading apostrophe before a formula start."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def restore(text: str) -> str:
    """The text `neutralise` protected, read back from a CSV file."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def _typed(text: str, kind: str) -> Any:
    """A CSV cell as the JSON value the schema expects (int, float, bool), or the text itself
    when it is none, for validation to name the field."""
    from marshmallow import fields as ma_fields

    if kind == "bool":
        if text in ma_fields.Boolean.truthy:
            return True
        if text in ma_fields.Boolean.falsy:
            return False
        return text
    caster = {"int": int, "float": float}.get(kind)
    if caster is None:
        return text
    try:
        return caster(text)
    except ValueError:
        return text
