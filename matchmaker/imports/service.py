"""Bulk import and export: validate everything first, one transaction, upsert."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from matchmaker.access.principal import Principal
from matchmaker.audit import service as audit
from matchmaker.core.db import flush, no_autoflush, unit_of_work
from matchmaker.core.time import utcnow
from matchmaker.engine.texts import TEXT_FIELDS
from matchmaker.imports.errors import ErrorList
from matchmaker.matches import indexing
from matchmaker.offers import service as offers
from matchmaker.organizations import service as organizations

BATCH = 256


@dataclass
class ImportReport:
    created: dict[str, int] = field(default_factory=lambda: {"organizations": 0, "offers": 0})
    updated: dict[str, int] = field(default_factory=lambda: {"organizations": 0, "offers": 0})
    #: Stored records the file repeats as they are: left untouched (no version, no audit).
    unchanged: dict[str, int] = field(default_factory=lambda: {"organizations": 0, "offers": 0})
    errors: ErrorList = field(default_factory=ErrorList)
    dry_run: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": list(self.errors),
            "error_count": self.errors.count,
            "dry_run": self.dry_run,
            "written": not self.errors and not self.dry_run,
        }


@dataclass(frozen=True)
class _Kind:
    """What the import needs to know of organisations or offers."""

    section: str
    new_draft: Any
    by_ids: Any
    by_external_ids: Any
    apply: Any
    fields: Any
    entity_type: str


ORGANIZATIONS = _Kind(
    "organizations",
    organizations.new_draft,
    organizations.by_ids,
    organizations.by_external_ids,
    organizations.apply,
    organizations.FIELDS,
    "organization",
)
OFFERS = _Kind(
    "offers",
    offers.new_draft,
    offers.by_ids,
    offers.by_external_ids,
    offers.apply,
    offers.FIELDS,
    "offer",
)

#: `progress(phase, done, total)`: "encoding" counts characters of texts, "writing" records.
Progress = Callable[[str, int, int], None]


def _no_progress(phase: str, done: int, total: int) -> None:
    return None


def import_records(
    orgs: list[tuple[int, dict]],
    offer_items: list[tuple[int, dict]],
    *,
    errors: list[dict[str, Any]],
    principal: Principal,
    dry_run: bool = False,
    progress: Progress = _no_progress,
) -> ImportReport:
    """Write every validated record in one transaction, or none when any record is invalid.

    A record updates the stored one with the same `id` or, failing that, the same
    `external_id`; otherwise it is created (keeping a given `id` when free, so that an export
    re-imports into a fresh database with its links intact). `errors` are the schema errors of
    the file's other records: with any, nothing is written.

    The texts are encoded first, outside the write transaction (the long part: the database
    stays writable for everyone else meanwhile), then the records are written with the
    vectors at hand. `progress` hears of both phases.
    """
    report = ImportReport(dry_run=dry_run, errors=ErrorList(errors))
    report.errors.count = getattr(errors, "count", len(errors))
    if report.errors:
        return report
    existing_orgs = _existing(ORGANIZATIONS, orgs)
    existing_offers = _existing(OFFERS, offer_items)
    _check_against_stored(orgs, existing_orgs, report)
    _check_external_ids(ORGANIZATIONS, orgs, existing_orgs, report)
    _check_external_ids(OFFERS, offer_items, existing_offers, report)
    file_org_ids = {d["id"] for _, d in orgs if d.get("id")}
    file_org_ext = {d["external_id"] for _, d in orgs if d.get("external_id")}
    provider_ext = {
        d["provider_external_id"] for _, d in offer_items if d.get("provider_external_id")
    }
    known_providers = organizations.by_external_ids(list(provider_ext))
    for position, data in offer_items:
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
        if pid and pid not in file_org_ids and not organizations.exists(pid):
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
        ("offers", offer_items, existing_offers),
    ):
        for position, _ in items:
            bucket = report.updated if position in existing else report.created
            bucket[section] += 1
    if dry_run:
        return report
    with indexing.holding():
        _encode_ahead(orgs, existing_orgs, offer_items, existing_offers, progress)
        progress("writing", 0, len(orgs) + len(offer_items))
        _write_all(
            orgs, existing_orgs, offer_items, existing_offers, known_providers, principal, report
        )
        progress("writing", len(orgs) + len(offer_items), len(orgs) + len(offer_items))
    return report


def _encode_ahead(orgs, existing_orgs, offer_items, existing_offers, progress: Progress) -> None:
    """Encode (or fetch from the cache) the texts the records will have once written."""
    views = []
    for kind, items, existing in (
        (ORGANIZATIONS, orgs, existing_orgs),
        (OFFERS, offer_items, existing_offers),
    ):
        for position, data in items:
            row = existing.get(position)
            values = {
                name: data[name] if name in data else getattr(row, name, None)
                for name in TEXT_FIELDS[kind.entity_type]
            }
            values["themes"] = list(dict.fromkeys(values["themes"] or []))
            if row is not None and all(getattr(row, k) == v for k, v in values.items()):
                continue  # texts as stored: their vectors are stored too
            views.append((kind.entity_type, SimpleNamespace(**values)))
    indexing.encode_ahead(views, progress=lambda done, total: progress("encoding", done, total))


def _write_all(
    orgs, existing_orgs, offer_items, existing_offers, known_providers, principal, report
) -> None:
    with unit_of_work():
        touched_orgs = _write(ORGANIZATIONS, orgs, existing_orgs, principal, report)
        providers = {**known_providers, **{o.external_id: o for o in touched_orgs if o.external_id}}
        for _, data in offer_items:
            pext = data.pop("provider_external_id", None)
            if pext:
                data["provider_id"] = providers[pext].id
        touched_offers = _write(OFFERS, offer_items, existing_offers, principal, report)
        entities = touched_orgs + touched_offers
        for start in range(0, len(entities), BATCH):
            indexing.index_entities(entities[start : start + BATCH])


def _existing(kind: _Kind, items: list[tuple[int, dict]]) -> dict[int, Any]:
    """The stored row each record updates, by position: same id first, else same external_id."""
    by_id = kind.by_ids([d["id"] for _, d in items if d.get("id")])
    by_ext = kind.by_external_ids([d["external_id"] for _, d in items if d.get("external_id")])
    out = {}
    for position, data in items:
        row = by_id.get(data.get("id")) or by_ext.get(data.get("external_id"))
        if row is not None:
            out[position] = row
    return out


def _check_external_ids(kind: _Kind, items, existing: dict[int, Any], report) -> None:
    """A record may not take an external_id that another stored record holds (it would fail
    at the commit, after a dry run said yes)."""
    holders = kind.by_external_ids([d["external_id"] for _, d in items if d.get("external_id")])
    for position, data in items:
        holder = holders.get(data.get("external_id"))
        row = existing.get(position)
        if holder is not None and row is not None and holder.id != row.id:
            report.errors.append(
                {
                    "section": kind.section,
                    "position": position,
                    "external_id": data.get("external_id"),
                    "errors": {"external_id": ["Already used by another stored record."]},
                }
            )


def _check_against_stored(
    orgs: list[tuple[int, dict]], existing: dict[int, Any], report: ImportReport
) -> None:
    """Rules that depend on the stored record a file updates (e.g. a stage needs a start-up)."""
    for position, data in orgs:
        row = existing.get(position)
        if row is None:
            continue
        kind = data.get("kind", row.kind)
        stage = data["stage"] if "stage" in data else row.stage
        if organizations.stage_problem(kind, stage):
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


def _write(kind: _Kind, items, existing, principal, report: ImportReport) -> list:
    """Apply each record; a stored record the file repeats unchanged is left as it is (its
    version, updated_at and audit trail say when it last really changed). Rows and audit
    entries are staged, then flushed once (new rows get their ids when staged)."""
    touched = []
    section = "organizations" if kind is ORGANIZATIONS else "offers"
    with no_autoflush():
        for position, data in items:
            if kind is ORGANIZATIONS:
                data.pop("provider_external_id", None)
            row = existing.get(position)
            before = kind.fields.snapshot(row) if row is not None else {}
            wanted_id = data.pop("id", None)
            if row is None:
                row = kind.new_draft(wanted_id)
            kind.apply(row, data)
            if before and kind.fields.snapshot(row) == before:
                report.updated[section] -= 1
                report.unchanged[section] += 1
                continue
            row.updated_at = utcnow()
            touched.append(row)
            audit.record(
                entity=row,
                action="import",
                principal=principal,
                before=before,
                after=kind.fields.snapshot(row),
            )
    flush()
    return touched


def export_records(
    *, include_contact: bool, progress: Callable[[int, int], None] | None = None
) -> dict[str, list]:
    """Everything, in the import format (re-importable: offers name providers by id)."""
    orgs = organizations.all_organizations(by_creation=True)
    offer_rows = offers.all_offers()
    total = len(orgs) + len(offer_rows)

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
    out_offers = []
    for offer in offer_rows:
        data = clean(offers.to_api(offer))
        if offer.provider_id and external.get(offer.provider_id):
            # Both: the id links within the file, the external id to a CRM's own records.
            data["provider_external_id"] = external[offer.provider_id]
        out_offers.append(data)
        if progress is not None and len(out_offers) % 500 == 0:
            progress(len(out_offers), total)
    out_orgs = []
    for org in orgs:
        out_orgs.append(clean(organizations.to_api(org, show_contact=include_contact)))
        if progress is not None and (len(out_orgs) % 500 == 0 or len(out_orgs) == len(orgs)):
            progress(len(offer_rows) + len(out_orgs), total)
    return {"organizations": out_orgs, "offers": out_offers}
