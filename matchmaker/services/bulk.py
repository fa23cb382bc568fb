"""Bulk import and export: JSON and CSV, validate everything first, one transaction, upsert."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from marshmallow import ValidationError, fields, validate

from matchmaker.api.offers.schemas import OfferSchema
from matchmaker.api.organizations.schemas import OrganizationSchema
from matchmaker.auth import Principal
from matchmaker.extensions import db
from matchmaker.models import Offer, Organization
from matchmaker.models._common import utcnow
from matchmaker.services import Invalid
from matchmaker.services.audit import record
from matchmaker.services.indexing import index_entities, notify_index_changed
from matchmaker.services.records import (
    apply_offer,
    apply_organization,
    audit_snapshot,
    offer_to_dict,
    organization_to_dict,
)

BATCH = 256
CSV_LIST_SEPARATOR = ";"
CSV_COLUMNS = [
    "external_id",
    "name",
    "kind",
    "description",
    "offers",
    "needs",
    "themes",
    "stage",
    "district",
    "municipality",
    "postal_code",
    "lat",
    "lon",
    "founded_year",
    "employees",
    "website",
    "languages",
    "contact_name",
    "contact_email",
    "contact_phone",
    "contact_consent_at",
    "contact_legal_basis",
    "status",
    "verified",
]


def _id_field() -> fields.String:
    return fields.String(
        validate=validate.Length(min=1, max=32),
        metadata={"description": "The stored id (exports carry it, so an export re-imports)."},
    )


class _ImportOrganizationSchema(OrganizationSchema):
    """Records in a file may carry their stored `id`."""

    id = _id_field()


class _ImportOfferSchema(OfferSchema):
    """Offers may also name their provider by the provider's external_id."""

    id = _id_field()
    provider_external_id = fields.String(allow_none=True)


_org_schema = _ImportOrganizationSchema()


_offer_schema = _ImportOfferSchema()


@dataclass
class ImportReport:
    created: dict[str, int] = field(default_factory=lambda: {"organizations": 0, "offers": 0})
    updated: dict[str, int] = field(default_factory=lambda: {"organizations": 0, "offers": 0})
    errors: list[dict[str, Any]] = field(default_factory=list)
    dry_run: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "updated": self.updated,
            "errors": self.errors,
            "dry_run": self.dry_run,
            "written": not self.errors and not self.dry_run,
        }


def parse_file(content: bytes | str, fmt: str) -> dict[str, list]:
    """Read `{"organizations": [...], "offers": [...]}` from JSON, or organisations from CSV."""
    text = content.decode("utf-8-sig") if isinstance(content, bytes) else content
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
        reader = csv.DictReader(io.StringIO(text))
        header = [name.strip() for name in reader.fieldnames or []]
        unknown = [name for name in header if name not in CSV_COLUMNS]
        if not header or unknown:  # not an organisations CSV: say so even without rows
            raise Invalid(
                "A CSV import starts with a header row of the documented columns"
                + (f"; unknown: {', '.join(unknown)}." if unknown else "."),
                errors={"csv": {name: ["Unknown column."] for name in unknown}},
            )
        return {"organizations": [csv_row_to_record(row) for row in reader], "offers": []}
    raise Invalid(f"Unknown import format {fmt!r}: use .json or .csv.")


def _typed(text: str, kind: type) -> Any:
    """A CSV cell as the JSON value the schema expects (int, float, bool), or the text itself
    when it is none, for validation to name the field."""
    from marshmallow import fields as ma_fields

    if kind is bool:
        if text in ma_fields.Boolean.truthy:
            return True
        if text in ma_fields.Boolean.falsy:
            return False
        return text
    try:
        return kind(text)
    except ValueError:
        return text


def csv_row_to_record(row: dict[str, str]) -> dict[str, Any]:
    """One CSV row to an API-shaped record; lists are `;`-separated, empty cells are absent."""

    def cell(name: str) -> str:
        return (row.get(name) or "").strip()

    def split(name: str) -> list[str]:
        return [v.strip() for v in cell(name).split(CSV_LIST_SEPARATOR) if v.strip()]

    out: dict[str, Any] = {}
    for key in ("external_id", "name", "kind", "description", "stage", "website", "status"):
        if cell(key):
            out[key] = cell(key)
    for key in ("offers", "needs", "themes", "languages"):
        if cell(key):
            out[key] = split(key)
    for key in ("founded_year", "employees"):
        if cell(key):
            out[key] = _typed(cell(key), int)
    if cell("verified"):
        out["verified"] = _typed(cell("verified"), bool)
    location = {
        k: cell(k) for k in ("district", "municipality", "postal_code", "lat", "lon") if cell(k)
    }
    for key in ("lat", "lon"):
        if key in location:
            location[key] = _typed(location[key], float)
    if location:
        out["location"] = location
    contact = {
        k: cell(f"contact_{k}")
        for k in ("name", "email", "phone", "consent_at", "legal_basis")
        if cell(f"contact_{k}")
    }
    if contact:
        out["contact"] = contact
    unknown = set(row) - set(CSV_COLUMNS) - {None}
    for column in unknown:
        out[column] = row[column]  # rejected by validation, naming the column
    return out


def _validate(records: dict[str, list], report: ImportReport) -> tuple[list, list]:
    orgs, offers = [], []
    seen: dict[tuple[str, str], int] = {}
    for section, schema, out in (
        ("organizations", _org_schema, orgs),
        ("offers", _offer_schema, offers),
    ):
        for position, raw in enumerate(records.get(section, [])):
            if not isinstance(raw, dict):
                report.errors.append(
                    {
                        "section": section,
                        "position": position,
                        "errors": {"_schema": ["Not an object."]},
                    }
                )
                continue
            try:
                data = schema.load(raw)
            except ValidationError as exc:
                report.errors.append(
                    {
                        "section": section,
                        "position": position,
                        "external_id": raw.get("external_id"),
                        "errors": exc.messages,
                    }
                )
                continue
            ext = data.get("external_id")
            if ext:
                key = (section, ext)
                if key in seen:
                    report.errors.append(
                        {
                            "section": section,
                            "position": position,
                            "external_id": ext,
                            "errors": {
                                "external_id": [f"Repeats record {seen[key]} of this file."]
                            },
                        }
                    )
                    continue
                seen[key] = position
            if (
                section == "organizations"
                and data.get("stage")
                and data["kind"] not in ("startup", "scaleup")
            ):
                report.errors.append(
                    {
                        "section": section,
                        "position": position,
                        "external_id": ext,
                        "errors": {"stage": ["Only start-ups and scale-ups have a stage."]},
                    }
                )
                continue
            out.append((position, data))
    return orgs, offers


def import_records(
    records: dict[str, list], *, principal: Principal, dry_run: bool = False
) -> ImportReport:
    """Validate every record, then write all of them in one transaction (or none).

    A record updates the stored one with the same `id` or, failing that, the same
    `external_id`; otherwise it is created (keeping a given `id` when free, so that an export
    re-imports into a fresh database with its links intact).
    """
    report = ImportReport(dry_run=dry_run)
    orgs, offers = _validate(records, report)
    if report.errors:
        return report
    existing_orgs = _existing(Organization, orgs)
    existing_offers = _existing(Offer, offers)
    _check_against_stored(orgs, existing_orgs, report)
    file_org_ids = {d["id"] for _, d in orgs if d.get("id")}
    file_org_ext = {d["external_id"] for _, d in orgs if d.get("external_id")}
    provider_ext = {d["provider_external_id"] for _, d in offers if d.get("provider_external_id")}
    known_providers = _by_external_id(Organization, list(provider_ext))
    for position, data in offers:
        pid = data.get("provider_id")
        pext = data.get("provider_external_id")
        if pext and pext not in known_providers and pext not in file_org_ext:
            report.errors.append(
                {
                    "section": "offers",
                    "position": position,
                    "errors": {"provider_external_id": ["No such organisation."]},
                }
            )
        if pid and pid not in file_org_ids and db.session.get(Organization, pid) is None:
            report.errors.append(
                {
                    "section": "offers",
                    "position": position,
                    "errors": {"provider_id": ["No such organisation."]},
                }
            )
    if report.errors:
        return report
    for section, items, existing in (
        ("organizations", orgs, existing_orgs),
        ("offers", offers, existing_offers),
    ):
        for position, _ in items:
            bucket = report.updated if position in existing else report.created
            bucket[section] += 1
    if dry_run:
        return report
    try:
        touched_orgs = _write(Organization, orgs, existing_orgs, apply_organization, principal)
        providers = {**known_providers, **{o.external_id: o for o in touched_orgs if o.external_id}}
        for _, data in offers:
            pext = data.pop("provider_external_id", None)
            if pext:
                data["provider_id"] = providers[pext].id
        touched_offers = _write(Offer, offers, existing_offers, apply_offer, principal)
        entities = touched_orgs + touched_offers
        for start in range(0, len(entities), BATCH):
            index_entities(entities[start : start + BATCH])
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    notify_index_changed()
    return report


def _existing(model, items: list[tuple[int, dict]]) -> dict[int, Any]:
    """The stored row each record updates, by position: same id first, else same external_id."""
    ids = [d["id"] for _, d in items if d.get("id")]
    by_id = {}
    for start in range(0, len(ids), 500):
        for row in db.session.scalars(
            sa.select(model).where(model.id.in_(ids[start : start + 500]))
        ):
            by_id[row.id] = row
    by_ext = _by_external_id(model, [d["external_id"] for _, d in items if d.get("external_id")])
    out = {}
    for position, data in items:
        row = by_id.get(data.get("id")) or by_ext.get(data.get("external_id"))
        if row is not None:
            out[position] = row
    return out


def _check_against_stored(
    orgs: list[tuple[int, dict]], existing: dict[int, Organization], report: ImportReport
) -> None:
    """Rules that depend on the stored record a file updates (e.g. a stage needs a start-up)."""
    for position, data in orgs:
        row = existing.get(position)
        if row is None:
            continue
        kind = data.get("kind", row.kind)
        stage = data["stage"] if "stage" in data else row.stage
        if stage and kind not in ("startup", "scaleup"):
            report.errors.append(
                {
                    "section": "organizations",
                    "position": position,
                    "external_id": data.get("external_id"),
                    "errors": {
                        "stage": [f"A {kind} has no stage; send stage: null with the new kind."]
                    },
                }
            )


def _by_external_id(model, external_ids: list[str]) -> dict[str, Any]:
    out = {}
    for start in range(0, len(external_ids), 500):
        chunk = external_ids[start : start + 500]
        for row in db.session.scalars(sa.select(model).where(model.external_id.in_(chunk))):
            out[row.external_id] = row
    return out


def _write(model, items, existing, apply, principal) -> list:
    touched = []
    for position, data in items:
        if model is Organization:
            data.pop("provider_external_id", None)
        row = existing.get(position)
        before = audit_snapshot(row) if row is not None else {}
        wanted_id = data.pop("id", None)
        if row is None:
            row = model(status="draft")
            if wanted_id and db.session.get(model, wanted_id) is None:
                row.id = wanted_id
            if model is Organization:
                row.verified = False
            db.session.add(row)
        apply(row, data)
        row.updated_at = utcnow()
        touched.append(row)
        db.session.flush()
        record(
            entity=row,
            action="import",
            principal=principal,
            before=before,
            after=audit_snapshot(row),
        )
    return touched


def export_records(*, include_contact: bool) -> dict[str, list]:
    """Everything, in the import format (re-importable: offers name providers by id)."""
    orgs = db.session.scalars(sa.select(Organization).order_by(Organization.created_at)).all()
    offers = db.session.scalars(sa.select(Offer).order_by(Offer.created_at)).all()

    def clean(data: dict) -> dict:
        data = {k: v for k, v in data.items() if k not in ("created_at", "updated_at")}
        if data.get("deadline") is not None and hasattr(data["deadline"], "isoformat"):
            data["deadline"] = data["deadline"].isoformat()
        contact = data.get("contact")
        if contact:
            contact = {k: v for k, v in contact.items() if v is not None}
            if "consent_at" in contact and hasattr(contact["consent_at"], "isoformat"):
                contact["consent_at"] = contact["consent_at"].isoformat()
            data["contact"] = contact or None
        return data

    external = {o.id: o.external_id for o in orgs}
    offer_rows = []
    for offer in offers:
        data = clean(offer_to_dict(offer))
        if offer.provider_id and external.get(offer.provider_id):
            # Both: the id links within the file, the external id to a CRM's own records.
            data["provider_external_id"] = external[offer.provider_id]
        offer_rows.append(data)
    return {
        "organizations": [
            clean(organization_to_dict(o, show_contact=include_contact)) for o in orgs
        ],
        "offers": offer_rows,
    }


def export_csv(records: dict[str, list]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for org in records["organizations"]:
        location = org.get("location") or {}
        contact = org.get("contact") or {}
        row = {
            "external_id": org.get("external_id") or "",
            "name": org["name"],
            "kind": org["kind"],
            "description": org.get("description") or "",
            "offers": CSV_LIST_SEPARATOR.join(org.get("offers") or []),
            "needs": CSV_LIST_SEPARATOR.join(org.get("needs") or []),
            "themes": CSV_LIST_SEPARATOR.join(org.get("themes") or []),
            "stage": org.get("stage") or "",
            "website": org.get("website") or "",
            "languages": CSV_LIST_SEPARATOR.join(org.get("languages") or []),
            "founded_year": org.get("founded_year") or "",
            "employees": org.get("employees") if org.get("employees") is not None else "",
            "status": org.get("status") or "",
            "verified": "true" if org.get("verified") else "false",
        }
        for key in ("district", "municipality", "postal_code", "lat", "lon"):
            value = location.get(key)
            row[key] = "" if value is None else value
        for key in ("name", "email", "phone", "consent_at", "legal_basis"):
            row[f"contact_{key}"] = contact.get(key) or ""
        writer.writerow(row)
    return buffer.getvalue()
