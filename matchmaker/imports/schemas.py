"""Schemas of bulk import and export, and the validation of every record of a file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marshmallow import ValidationError, fields, validate

from matchmaker.core.web import StrictSchema, one_of
from matchmaker.imports.errors import ErrorList
from matchmaker.offers.schemas import OfferSchema
from matchmaker.organizations.schemas import OrganizationInputSchema, OrganizationSchema


def _id_field() -> fields.String:
    return fields.String(
        validate=validate.Length(min=1, max=32),
        metadata={"description": "The stored id (exports carry it, so an export re-imports)."},
    )


class ImportOrganizationSchema(OrganizationSchema):
    """Records in a file may carry their stored `id`."""

    id = _id_field()


class ImportRecordOfferSchema(OfferSchema):
    """Offers may also name their provider by the provider's external_id."""

    id = _id_field()
    provider_external_id = fields.String(allow_none=True)


class ImportArgsSchema(StrictSchema):
    dry_run = fields.Boolean(load_default=False, metadata={"description": "Validate only."})
    run = fields.String(
        load_default="auto",
        validate=one_of(["auto", "now", "job"]),
        metadata={
            "description": "now: import within the request (200 with the report); job: "
            "validate, then answer 202 with a job to follow; auto: a job from "
            "MATCHMAKER_IMPORT_JOB_THRESHOLD records on (500 by default). A dry run is always "
            "answered at once."
        },
    )
    format = fields.String(
        validate=one_of(["json", "csv", "zip"]),
        metadata={
            "description": "Default: from the Content-Type (application/json, text/csv or "
            "application/zip)."
        },
    )


class SectionCountSchema(StrictSchema):
    RESPONSE_REQUIRED = ("organizations", "offers")
    organizations = fields.Integer()
    offers = fields.Integer()


class ImportReportSchema(StrictSchema):
    """What an import did (or, in a dry run, would do)."""

    RESPONSE_REQUIRED = (
        "created",
        "updated",
        "unchanged",
        "errors",
        "error_count",
        "dry_run",
        "written",
    )
    created = fields.Nested(SectionCountSchema)
    updated = fields.Nested(SectionCountSchema)
    unchanged = fields.Nested(
        SectionCountSchema,
        metadata={"description": "Stored records the file repeats as they are: left untouched."},
    )
    errors = fields.List(fields.Dict(), metadata={"description": "Empty when written."})
    error_count = fields.Integer()
    dry_run = fields.Boolean()
    written = fields.Boolean()


class ImportOfferSchema(OfferSchema):
    provider_external_id = fields.String(
        allow_none=True, metadata={"description": "The provider, by its external_id."}
    )


class ImportFileSchema(StrictSchema):
    """The body of a JSON import (documentation only: the view parses it itself, since the
    same endpoint takes CSV, and reports every bad record by its position)."""

    organizations = fields.List(fields.Nested(OrganizationInputSchema))
    offers = fields.List(fields.Nested(ImportOfferSchema))


IMPORT_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": ImportFileSchema},
        "text/csv": {
            "schema": {
                "type": "string",
                "format": "binary",  # a file's bytes (OpenAPI 3.0), UTF-8
                "description": "Organisations, one a row, with the documented columns.",
            }
        },
        "application/zip": {
            "schema": {
                "type": "string",
                "format": "binary",
                "description": "organizations.csv and offers.csv, as `format=zip` exports them.",
            }
        },
    },
}


class ExportArgsSchema(StrictSchema):
    format = fields.String(
        load_default="json",
        validate=one_of(["json", "csv", "zip"]),
        metadata={
            "description": "json: organisations and offers; csv: organisations; zip: "
            "organizations.csv and offers.csv with ids (re-imports whole)."
        },
    )


_org_schema = ImportOrganizationSchema()
_offer_schema = ImportRecordOfferSchema()


@dataclass
class ValidRecords:
    """The records of a file that passed their schema, by position, and what did not."""

    organizations: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    offers: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    errors: ErrorList = field(default_factory=ErrorList)


def validate_records(records: dict[str, list]) -> ValidRecords:
    """Load every record with its schema; a file may not name one external_id twice."""
    out = ValidRecords()
    seen: dict[tuple[str, str], int] = {}
    for section, schema, valid in (
        ("organizations", _org_schema, out.organizations),
        ("offers", _offer_schema, out.offers),
    ):
        for position, raw in enumerate(records.get(section, [])):
            if not isinstance(raw, dict):
                out.errors.append(
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
                out.errors.append(
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
                    out.errors.append(
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
            valid.append((position, data))
    return out
